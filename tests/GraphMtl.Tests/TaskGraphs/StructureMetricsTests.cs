using GraphMtl.TaskGraphs;

namespace GraphMtl.Tests.TaskGraphs;

public sealed class StructureMetricsTests
{
    // Truth over 3 tasks: 0 → 1 → 2.
    private static TaskGraph Chain() => TaskGraph.Directed(3, [(0, 1, 1f), (1, 2, 1f)]);

    public sealed class TheCompareMethod
    {
        [Fact]
        public void Should_Match_Hand_Computed_Auroc_Auprc_And_Shd()
        {
            // Given scores with a tie between a positive (1→2) and a negative (2→1), and a reversed edge 1→0 scored 0.5
            float[] s =
            [
                0.0f, 0.9f, 0.2f,
                0.5f, 0.0f, 0.3f,
                0.1f, 0.3f, 0.0f,
            ];

            // When
            var scores = StructureMetrics.Compare(s, Chain());

            // Then positives {0.9, 0.3} vs negatives {0.2, 0.5, 0.1, 0.3}: U = 4 + (1 + 1 + ½) = 6.5 of 8
            Assert.Equal(0.8125, scores.EdgeAuroc, 12);
            // AP: thresholds 0.9 (P 1, R ½), 0.5 (P ½, R ½), 0.3 (P ½, R 1) → ½·1 + 0 + ½·½
            Assert.Equal(0.75, scores.EdgeAuprc, 12);
            // τ = ½ · 0.9 keeps 0→1 and 1→0: pair {0,1} differs (extra reverse), {1,2} missing, {0,2} agrees
            Assert.Equal(0.45, scores.Threshold, 6);
            Assert.Equal(2, scores.PredictedEdges);
            Assert.Equal(2, scores.Shd);
            Assert.Equal(1, scores.ShdSkeleton);
            // Skeleton: pairs {0,1} 0.9 and {1,2} 0.3 (true) vs {0,2} 0.2 → both above; orientation: 0.9 > 0.5, 0.3 = 0.3 → (1 + ½)/2
            Assert.Equal(1.0, scores.SkeletonAuroc, 12);
            Assert.Equal(0.75, scores.Orientation, 12);
        }

        [Fact]
        public void Should_Count_A_Reversed_Edge_And_An_Extra_Edge_Once_Each()
        {
            // Given the prediction 1 → 0 (reversed), 1 → 2 (right) and 0 → 2 (extra), all at 1
            float[] s =
            [
                0, 0, 1,
                1, 0, 1,
                0, 0, 0,
            ];

            var scores = StructureMetrics.Compare(s, Chain());

            Assert.Equal(2, scores.Shd);
            Assert.Equal(1, scores.ShdSkeleton);
            Assert.Equal(3, scores.PredictedEdges);
            // Skeleton: true pairs {0,1}, {1,2} score 1; the false pair {0,2} also 1 → U = 2·½ of 2; 1→0 reversed, 1→2 right
            Assert.Equal(0.5, scores.SkeletonAuroc, 12);
            Assert.Equal(0.5, scores.Orientation, 12);
        }

        [Fact]
        public void Should_Score_A_Symmetric_Skeleton_With_Reversed_Edges_As_Negatives()
        {
            // Given the undirected true skeleton with unit weights (an undirected heuristic graph)
            var skeleton = TaskGraph.Undirected(3, [(0, 1, 1f), (1, 2, 1f)]);

            var scores = StructureMetrics.Compare(skeleton.Dense(), Chain());

            // Then positives {1, 1} vs negatives {1, 1, 0, 0}: U = 2·(2·½ + 2) = 6 of 8; AP = 2/4 at the single threshold
            Assert.Equal(0.75, scores.EdgeAuroc, 12);
            Assert.Equal(0.5, scores.EdgeAuprc, 12);
            Assert.Equal(2, scores.Shd);
            Assert.Equal(0, scores.ShdSkeleton);
            // the skeleton is perfect, the orientation undecided
            Assert.Equal(1.0, scores.SkeletonAuroc, 12);
            Assert.Equal(0.5, scores.Orientation, 12);
        }

        [Fact]
        public void Should_Predict_No_Edges_From_All_Zero_Scores()
        {
            var scores = StructureMetrics.Compare(new float[9], Chain());

            Assert.Equal(0.5, scores.EdgeAuroc, 12);
            Assert.Equal(0, scores.PredictedEdges);
            Assert.Equal(2, scores.Shd);
        }
    }

    public sealed class TheEdgeSeparationMethod
    {
        [Fact]
        public void Should_Rank_True_Against_Spurious_Heuristic_Pairs()
        {
            // Given a heuristic triangle whose pair {0,2} is spurious, with prior scores 0.8 (0–1), 0.6 (0–2), 0.4 (1–2)
            var graph = TaskGraph.Undirected(3, [(0, 1, 1f), (0, 2, 1f), (1, 2, 1f)]);
            var dense = new Dictionary<(int, int), float> { [(0, 1)] = 0.8f, [(0, 2)] = 0.6f, [(1, 2)] = 0.4f };
            var prior = Enumerable.Range(0, graph.EdgeCount)
                .Select(e => dense[(Math.Min(graph.Source[e], graph.Target[e]), Math.Max(graph.Source[e], graph.Target[e]))]).ToArray();

            var (auroc, auprc) = StructureMetrics.EdgeSeparation(graph, prior, Chain());

            // Then positives {0.8, 0.4} vs negative {0.6}: AUROC ½; AP = ½·1 + ½·(2/3)
            Assert.Equal(0.5, auroc, 12);
            Assert.Equal(0.5 + 1.0 / 3, auprc, 12);
        }
    }
}
