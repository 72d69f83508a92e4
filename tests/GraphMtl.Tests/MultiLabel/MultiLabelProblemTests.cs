using GraphMtl.Backbones.Tabular;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.MultiLabel;

[Collection(EngineCollection.Name)]
public sealed class MultiLabelProblemTests
{
    private static MultiLabelSpec Spec(HeadOptions head, double p = 0, bool meta = false, int batch = 32, int hidden = 16) =>
        new(new MlpEncoderOptions { Hidden = hidden, Layers = 1 }, head, new RelationalSettingOptions { Reveal = p, Meta = meta },
            new EqualWeightingOptions(), new MultiLabelLossOptions(), new MultiLabelSplitOptions { Kind = MultiLabelSplitKind.Random, Train = 0.6, Valid = 0.2 }, batch);

    private static TrainOptions Train(int epochs, int seed = 0) =>
        new() { Epochs = epochs, Lr = 0.01, Patience = 0, Seed = seed, Threads = 1, Selection = new() { Metric = "roc_auc" } };

    private static double TestAuc(ExperimentResult result) =>
        MeanStd.Of(result.Tasks.Select(t => result.Seeds[0].Evaluation.Value(t, SplitPart.Test, "roc_auc"))).Mean;

    private static MultiLabelProblem Problem(MultiLabelDataset data, MultiLabelSpec spec, int seed = 0)
    {
        var store = spec.Encoder.CreateStore(data.Inputs, CPU);
        var setting = spec.Setting.Resolve(data.TaskNames);
        var split = MultiLabelDataLoader.Split(data, spec.Split, seed);
        var model = MultiLabelRunner.Build(data, spec, setting, split.Train);
        return new MultiLabelProblem(model, data, store, split, new MultiLabelProblemOptions(spec.BatchSize, setting), seed);
    }

    public sealed class TheRelationalToy
    {
        [Fact]
        public void Should_Be_Solved_By_MetaLink_And_Concat_With_Revealed_Labels_But_Not_By_The_Direct_Head()
        {
            // Given four copies of a hidden bit with noise inputs: only revealed labels of the same example tell the bit
            var data = MultiLabelToys.RelationalCopies(examples: 300, tasks: 4);
            using var store = new MlpEncoderOptions().CreateStore(data.Inputs, CPU);

            // When
            var direct = MultiLabelRunner.Run(data, store, Spec(new DirectHeadOptions(), p: 0.5), Train(25), []);
            var concat = MultiLabelRunner.Run(data, store, Spec(new ConcatHeadOptions(), p: 0.5), Train(25), []);
            var metaLink = MultiLabelRunner.Run(data, store, Spec(new MetaLinkHeadOptions(), p: 0.5), Train(25), []);

            // Then (a target's other three labels are all hidden with probability 1/8, so ≈ 0.94 is the ceiling)
            Assert.InRange(TestAuc(direct), 0.3, 0.65);
            Assert.True(TestAuc(metaLink) > 0.85, $"MetaLink test AUC {TestAuc(metaLink):F3}");
            Assert.True(TestAuc(concat) > 0.85, $"concat test AUC {TestAuc(concat):F3}");
        }

        [Fact]
        public void Should_Not_Be_Solved_By_MetaLink_When_Nothing_Is_Revealed()
        {
            var data = MultiLabelToys.RelationalCopies(examples: 300, tasks: 4);
            using var store = new MlpEncoderOptions().CreateStore(data.Inputs, CPU);

            var metaLink = MultiLabelRunner.Run(data, store, Spec(new MetaLinkHeadOptions(), p: 0), Train(10), []);

            Assert.InRange(TestAuc(metaLink), 0.3, 0.7);
        }
    }

    public sealed class TheTrainingEpisodesMethod
    {
        [Fact]
        public void Should_Pair_Support_And_Query_Batches_For_MetaLink_And_Never_Reveal_A_Target()
        {
            manual_seed(0);
            var data = MultiLabelToys.RandomLabels(100, 5, missing: 0.3);
            var problem = Problem(data, Spec(new MetaLinkHeadOptions(), p: 0.4, batch: 10));

            var episodes = problem.TrainingEpisodes().ToList();

            Assert.Equal(3, episodes.Count); // 60 training rows → 6 batches → 3 (support, query) pairs
            Assert.All(episodes, e => Assert.Equal((10, 10), (e.Query.Length, e.Support.Length)));
            Assert.Empty(episodes.SelectMany(e => e.Query).Intersect(episodes.SelectMany(e => e.Support)));
            foreach (var e in episodes)
            {
                var edges = e.KnownNode.Zip(e.KnownTask).ToHashSet();
                Assert.DoesNotContain(e.TargetNode.Zip(e.TargetTask), edges.Contains);
                Assert.Contains(e.KnownNode, n => n < e.Query.Length); // some query labels are revealed
            }
        }

        [Fact]
        public void Should_Reveal_Nothing_To_A_Head_That_Ignores_Known_Labels_And_Use_Every_Batch_As_Queries()
        {
            manual_seed(0);
            var data = MultiLabelToys.RandomLabels(100, 5, missing: 0.3);
            var problem = Problem(data, Spec(new DirectHeadOptions(), p: 0.4, batch: 10));

            var episodes = problem.TrainingEpisodes().ToList();

            Assert.Equal(6, episodes.Count);
            Assert.All(episodes, e => Assert.Empty(e.KnownNode));
            int observed = episodes.SelectMany(e => e.Query).Sum(r => Enumerable.Range(0, 5).Count(t => data.Label(r, t) >= 0));
            Assert.Equal(observed, episodes.Sum(e => e.TargetNode.Length)); // every observed label is a target
        }

        [Fact]
        public void Should_Delete_Every_Held_Out_Label_In_Training_In_The_Meta_Setting()
        {
            manual_seed(0);
            var data = MultiLabelToys.RandomLabels(100, 5, missing: 0.1);
            var problem = Problem(data, Spec(new MetaLinkHeadOptions(), p: 0.3, meta: true, batch: 10)); // holds out task 4

            var episodes = problem.TrainingEpisodes().ToList();

            Assert.All(episodes, e => Assert.DoesNotContain(4, e.KnownTask.Concat(e.TargetTask)));
            Assert.Contains(episodes, e => e.TargetTask.Contains(3));
            Assert.Equal(["t4"], problem.EvaluatedTasks);
            var scores = problem.Score(SplitPart.Val);
            Assert.All(Enumerable.Range(0, 4), t => Assert.Empty(scores[t].Labels));
            Assert.NotEmpty(scores[4].Labels);
        }
    }

    public sealed class TheEvaluateMethod
    {
        [Fact]
        public void Should_Score_Every_Head_On_The_Same_Hidden_Pairs_And_Repeat_Exactly()
        {
            manual_seed(0);
            var data = MultiLabelToys.RandomLabels(120, 4, missing: 0.2);
            var direct = Problem(data, Spec(new DirectHeadOptions(), p: 0.5));
            var metaLink = Problem(data, Spec(new MetaLinkHeadOptions(), p: 0.5));
            direct.Module.eval();
            metaLink.Module.eval();

            var a = direct.Score(SplitPart.Test);
            var b = metaLink.Score(SplitPart.Test);
            var again = metaLink.Score(SplitPart.Test);

            for (int t = 0; t < 4; t++)
            {
                Assert.Equal(a[t].Labels, b[t].Labels);
                Assert.Equal(b[t].Logits, again[t].Logits);
            }
            int hidden = a.Sum(s => s.Labels.Count);
            int observed = direct.Score(SplitPart.Test).Sum(s => s.Labels.Count);
            Assert.Equal(hidden, observed);
            Assert.InRange(hidden, 1, (int)(0.8 * 24 * 4));
        }
    }

    public sealed class TheTaskLossesMethod
    {
        [Fact]
        public void Should_Sum_To_The_Mean_Bce_When_Pooled_And_Give_Per_Task_Means_Otherwise()
        {
            using var scope = NewDisposeScope();
            var logits = tensor(new float[] { 0.5f, -1f, 2f, 0f });
            var targets = tensor(new float[] { 1, 0, 0, 1 });
            var tasks = tensor(new long[] { 0, 0, 2, 0 });

            var pooled = MultiLabelProblem.TaskLosses(logits, targets, tasks, 3, LossReduction.Pooled);
            var perTask = MultiLabelProblem.TaskLosses(logits, targets, tasks, 3, LossReduction.TaskMean);

            var bce = nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None).data<float>().ToArray();
            Assert.Equal(bce.Average(), pooled.Sum(l => l.item<float>()), 5);
            Assert.Equal((bce[0] + bce[1] + bce[3]) / 3, perTask[0].item<float>(), 5);
            Assert.Equal(0f, perTask[1].item<float>());
            Assert.Equal(bce[2], perTask[2].item<float>(), 5);
        }
    }
}
