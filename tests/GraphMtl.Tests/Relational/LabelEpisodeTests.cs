using GraphMtl.Data.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Relational;

public sealed class LabelEpisodeTests
{
    public sealed class TheBuildMethod
    {
        [Theory]
        [InlineData(0.0)]
        [InlineData(0.3)]
        [InlineData(0.8)]
        public void Should_Never_Create_An_Edge_For_A_Hidden_Target_Label(double p)
        {
            // Given random labels with missing cells, a query and a support batch
            var data = MultiLabelToys.RandomLabels(60, 5, missing: 0.3, seed: 7);
            int[] query = Enumerable.Range(0, 20).ToArray();
            int[] support = Enumerable.Range(30, 15).ToArray();
            var rng = new Random(1);

            // When
            var episode = LabelEpisode.Build(query, support, data.Labels, 5, [true, true, true, true, true], (_, _, _) => rng.NextDouble() < p);

            // Then no (query, task) pair is both a target and an edge, and every observed query label is exactly one of them
            var edges = Enumerable.Range(0, episode.KnownNode.Length).Select(e => (episode.KnownNode[e], episode.KnownTask[e])).ToHashSet();
            var targets = Enumerable.Range(0, episode.TargetNode.Length).Select(k => (episode.TargetNode[k], episode.TargetTask[k])).ToList();
            Assert.DoesNotContain(targets, edges.Contains);
            for (int i = 0; i < query.Length; i++)
                for (int t = 0; t < 5; t++)
                {
                    bool observed = data.Label(query[i], t) >= 0;
                    int count = (edges.Contains((i, t)) ? 1 : 0) + (targets.Contains((i, t)) ? 1 : 0);
                    Assert.Equal(observed ? 1 : 0, count);
                }
            // Support nodes carry every observed label, are never targets, and features are the labels
            for (int j = 0; j < support.Length; j++)
                for (int t = 0; t < 5; t++)
                    Assert.Equal(data.Label(support[j], t) >= 0, edges.Contains((query.Length + j, t)));
            for (int e = 0; e < episode.KnownNode.Length; e++)
            {
                int node = episode.KnownNode[e];
                int row = node < query.Length ? query[node] : support[node - query.Length];
                Assert.Equal(data.Label(row, episode.KnownTask[e]), (sbyte)episode.KnownValue[e]);
            }
            for (int k = 0; k < targets.Count; k++)
                Assert.Equal(data.Label(query[episode.TargetNode[k]], episode.TargetTask[k]), (sbyte)episode.TargetValue[k]);
            Assert.All(episode.TargetNode, n => Assert.InRange(n, 0, query.Length - 1));
        }

        [Fact]
        public void Should_Drop_Every_Label_Of_An_Inactive_Task()
        {
            var data = MultiLabelToys.RandomLabels(10, 3, missing: 0, seed: 2);

            var episode = LabelEpisode.Build([0, 1, 2], [5, 6], data.Labels, 3, [true, false, true], (_, _, _) => true);

            Assert.DoesNotContain(1, episode.KnownTask);
            Assert.DoesNotContain(1, episode.TargetTask);
            Assert.Equal(2 * 5, episode.KnownNode.Length); // all revealed: 3 queries + 2 supports, 2 active tasks
        }

        [Fact]
        public void Should_Make_Missing_Labels_Targets_Only_When_Predicting()
        {
            sbyte[] labels = [1, -1, 0, -1];

            var training = LabelEpisode.Build([0, 1], [], labels, 2, [true, true], (_, _, _) => false);
            var prediction = LabelEpisode.Build([0, 1], [], labels, 2, [true, true], (_, _, _) => true, predictUnlabelled: true);

            Assert.Equal([0, 1], training.TargetNode);            // (0, t0) = 1 and (1, t0) = 0
            Assert.Equal([(0, 1), (1, 1)], prediction.TargetNode.Zip(prediction.TargetTask).ToList());
            Assert.All(prediction.TargetValue, v => Assert.True(float.IsNaN(v)));
            Assert.Equal(2, prediction.KnownNode.Length);
        }
    }

    public sealed class TheWithoutQueryKnownsMethod
    {
        [Fact]
        public void Should_Keep_Support_Edges_And_Targets()
        {
            var data = MultiLabelToys.RandomLabels(10, 2, missing: 0, seed: 3);
            var episode = LabelEpisode.Build([0, 1], [2, 3], data.Labels, 2, [true, true], (_, _, t) => t == 0);

            var stripped = episode.WithoutQueryKnowns();

            Assert.All(stripped.KnownNode, n => Assert.True(n >= 2));
            Assert.Equal(4, stripped.KnownNode.Length);
            Assert.Equal(episode.TargetTask, stripped.TargetTask);
        }
    }
}

public sealed class KnowledgeGraphTests
{
    public sealed class TheFromMethod
    {
        [Fact]
        public void Should_Store_Each_Known_Label_In_Both_Directions_With_The_Label_As_Feature()
        {
            // Given
            var data = MultiLabelToys.RandomLabels(12, 3, missing: 0.2, seed: 4);
            var episode = LabelEpisode.Build([0, 1, 2, 3], [8, 9], data.Labels, 3, [true, true, true], (_, row, t) => (row + t) % 2 == 0);
            using var scope = NewDisposeScope();

            // When
            var graph = KnowledgeGraph.From(episode.ToTensors(CPU));

            // Then
            var (toTaskSrc, toTaskDst, taskCount) = graph.Direction(KgMessage.DataToTask);
            var (toDataSrc, toDataDst, dataCount) = graph.Direction(KgMessage.TaskToData);
            Assert.Equal((3, 6), (taskCount, dataCount));
            Assert.Equal(episode.KnownNode.Select(v => (long)v), toTaskSrc.data<long>().ToArray());
            Assert.Equal(episode.KnownTask.Select(v => (long)v), toTaskDst.data<long>().ToArray());
            Assert.Equal(toTaskSrc.data<long>().ToArray(), toDataDst.data<long>().ToArray());
            Assert.Equal(toTaskDst.data<long>().ToArray(), toDataSrc.data<long>().ToArray());
            Assert.Equal(episode.KnownValue, graph.EdgeFeature.squeeze(1).data<float>().ToArray());
        }
    }
}

public sealed class EvaluationRevealTests
{
    public sealed class TheIsRevealedMethod
    {
        [Fact]
        public void Should_Reveal_About_P_Of_The_Labels_The_Same_Way_Every_Time()
        {
            var a = new EvaluationReveal(0.2, 42);
            var b = new EvaluationReveal(0.2, 42);
            var c = new EvaluationReveal(0.2, 43);

            var first = Enumerable.Range(0, 20000).Select(i => a.IsRevealed(i / 10, i % 10)).ToArray();
            var again = Enumerable.Range(0, 20000).Select(i => b.IsRevealed(i / 10, i % 10)).ToArray();
            var other = Enumerable.Range(0, 20000).Select(i => c.IsRevealed(i / 10, i % 10)).ToArray();

            Assert.Equal(first, again);
            Assert.NotEqual(first, other);
            Assert.InRange(first.Count(v => v) / 20000.0, 0.19, 0.21);
            Assert.DoesNotContain(true, Enumerable.Range(0, 100).Select(i => new EvaluationReveal(0, 1).IsRevealed(i, 0)));
        }
    }
}
