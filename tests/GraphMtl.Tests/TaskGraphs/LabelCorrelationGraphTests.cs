using GraphMtl.TaskGraphs;

namespace GraphMtl.Tests.TaskGraphs;

public sealed class LabelCorrelationGraphTests
{
    // 6 examples × 3 tasks (−1 = missing): task 1 copies task 0, task 2 is its opposite on rows 0–3.
    private static readonly sbyte[] Labels =
    [
        1, 1, 0,
        1, 1, 0,
        0, 0, 1,
        0, 0, 1,
        1, 0, -1,
        0, -1, -1,
    ];

    public sealed class TheStatisticsMethod
    {
        [Fact]
        public void Should_Compute_Phi_And_Jaccard_Over_Co_Labelled_Rows_Only()
        {
            var rows = Enumerable.Range(0, 6).ToArray();

            var (phi, co) = LabelCorrelationGraph.Statistics(Labels, 3, rows, LabelMeasure.Phi);
            var (jaccard, _) = LabelCorrelationGraph.Statistics(Labels, 3, rows, LabelMeasure.Jaccard);

            // Tasks 0,1 over rows 0–4: n11 = 2, n10 = 1, n01 = 0, n00 = 2 → phi = (4 − 0)/√(3·2·2·3) = 4/6
            Assert.Equal(5, co[0 * 3 + 1]);
            Assert.Equal(4.0 / 6, phi[0 * 3 + 1], 12);
            Assert.Equal(phi[0 * 3 + 1], phi[1 * 3 + 0]);
            Assert.Equal(2.0 / 3, jaccard[0 * 3 + 1], 12);
            // Tasks 0,2 over rows 0–3: perfectly opposite
            Assert.Equal(4, co[0 * 3 + 2]);
            Assert.Equal(-1.0, phi[0 * 3 + 2], 12);
            Assert.Equal(0.0, jaccard[0 * 3 + 2], 12);
        }
    }

    public sealed class TheBuildMethod
    {
        [Fact]
        public void Should_Keep_Pairs_Above_The_Threshold_With_Enough_Co_Labelled_Rows()
        {
            var rows = Enumerable.Range(0, 6).ToArray();

            var graph = LabelCorrelationGraph.Build(Labels, 3, rows, LabelMeasure.Phi, threshold: 0.7, topK: 0, minCoLabelled: 4);
            var strict = LabelCorrelationGraph.Build(Labels, 3, rows, LabelMeasure.Phi, threshold: 0.5, topK: 0, minCoLabelled: 5);

            // |phi| = 1 (0–2, 1–2) pass 0.7; 0–1 (2/3) does not; with ≥ 5 co-labelled rows only 0–1 qualifies
            Assert.Equal(2, graph.PairCount);
            Assert.True(graph.HasEdge(0, 2) && graph.HasEdge(2, 0) && graph.HasEdge(1, 2));
            Assert.Equal(-1f, graph.Dense()[0 * 3 + 2]);
            Assert.Equal(1, strict.PairCount);
            Assert.True(strict.HasEdge(0, 1));
        }

        [Fact]
        public void Should_Keep_Each_Tasks_Strongest_Pairs_With_Top_K()
        {
            var rows = Enumerable.Range(0, 6).ToArray();

            var graph = LabelCorrelationGraph.Build(Labels, 3, rows, LabelMeasure.Phi, threshold: 0, topK: 1, minCoLabelled: 0);

            // Task 0's strongest is 2, task 1's is 2, task 2's is 0 (tie broken by index): pairs {0,2} and {1,2}
            Assert.Equal(2, graph.PairCount);
            Assert.False(graph.HasEdge(0, 1));
        }

        [Fact]
        public void Should_Read_Only_The_Given_Rows()
        {
            var graph = LabelCorrelationGraph.Build(Labels, 3, [4, 5], LabelMeasure.Phi, threshold: 0, topK: 0, minCoLabelled: 0);

            Assert.Equal(0, graph.PairCount);
        }
    }
}
