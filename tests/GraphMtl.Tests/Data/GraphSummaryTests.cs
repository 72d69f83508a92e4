using GraphMtl.Data;
using GraphMtl.Graphs;

namespace GraphMtl.Tests.Data;

public sealed class GraphSummaryTests
{
    public sealed class TheOfMethod
    {
        [Fact]
        public void Should_Describe_Types_Relations_And_Tasks()
        {
            // Given a: 2 nodes with sparse features (1 non-zero of 6), b: 3 nodes; a->b, its data reverse, and a self-loop
            var graph = new HeteroGraph("g",
                [new NodeType("a", 2, new SparseFeatures(2, 3, [0], [1], [1f])), new NodeType("b", 3)],
                [
                    new Relation(new EdgeType("a", "r", "b"), [0, 1, 1], [0, 1, 2]),
                    new Relation(new EdgeType("b", "back", "a"), [1, 0, 2], [1, 0, 1]),
                ],
                [new NodeTask("t", "b", TaskKind.MultiClass, 2, [0, 1, 1], [true, true, true], new NodeSplit([0], [1], [2]), ["no", "yes"])]);
            graph = graph.AddSelfLoops(["a"]);

            // When
            var summary = GraphSummary.Of(graph);

            // Then
            Assert.Equal((5L, 8L), (summary.NodeCount, summary.EdgeCount));
            Assert.Equal(new NodeTypeSummary("a", 2, 3, FeatureStorage.Sparse, 1, 1.0 / 6), summary.NodeTypes[0]);
            Assert.Equal(FeatureStorage.None, summary.NodeTypes[1].Storage);
            Assert.Equal((3, RelationKind.Original, 1.5, (EdgeType?)null), (summary.Relations[0].Edges, summary.Relations[0].Kind, summary.Relations[0].MeanOutDegree, summary.Relations[0].ReverseOf));
            Assert.Equal(new EdgeType("a", "r", "b"), summary.Relations[1].ReverseOf);
            Assert.Equal(RelationKind.SelfLoop, summary.Relations[2].Kind);
            var task = Assert.Single(summary.Tasks);
            Assert.Equal(("t", "b", 2, 3, 1, 1, 1), (task.Name, task.NodeType, task.NumClasses, task.Labelled, task.Train, task.Val, task.Test));
            Assert.Equal([1, 2], task.ClassCounts);
        }
    }
}
