using GraphMtl.Graphs;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Graphs;

public sealed class HeteroGraphTests
{
    private static HeteroGraph Graph(int[] src, int[] dst, NodeSplit? split = null, bool[]? labelled = null) =>
        new("g", [new NodeType("a", 3), new NodeType("b", 2)],
            [new Relation(new EdgeType("a", "to", "b"), src, dst)],
            [new NodeTask("t", "a", TaskKind.Binary, 2, [0, 1, 1], labelled ?? [true, true, true], split ?? new NodeSplit([0], [1], [2]))]);

    public sealed class TheValidateMethod
    {
        [Fact]
        public void Should_Reject_An_Out_Of_Range_Destination()
        {
            var e = Assert.Throws<GraphMtlException>(() => Graph([0, 1], [1, 2]));
            Assert.Equal("Relation a__to__b: destination id 2 is out of range (expected 0..1).", e.Message);
        }

        [Fact]
        public void Should_Reject_An_Unlabelled_Split_Node()
        {
            var e = Assert.Throws<GraphMtlException>(() => Graph([0], [0], labelled: [true, false, true]));
            Assert.Equal("Task 't': val split node 1 has no label.", e.Message);
        }

        [Fact]
        public void Should_Reject_An_Empty_Train_Split_And_Overlaps()
        {
            Assert.Equal("Task 't': the train split is empty.",
                Assert.Throws<GraphMtlException>(() => Graph([0], [0], new NodeSplit([], [1], [2]))).Message);
            Assert.Equal("Task 't': node 0 appears twice in the splits (last in test).",
                Assert.Throws<GraphMtlException>(() => Graph([0], [0], new NodeSplit([0], [1], [0]))).Message);
        }

        [Fact]
        public void Should_Name_The_Choices_Of_An_Unknown_Node_Type()
        {
            var e = Assert.Throws<GraphMtlException>(() => Graph([0], [0]).NodeType("c"));
            Assert.Equal("Unknown node type 'c' (expected one of: a, b).", e.Message);
        }
    }

    public sealed class TheTransforms
    {
        [Fact]
        public void Should_Add_Reverse_Relations_Once()
        {
            var g = Graph([0, 2], [1, 0]).AddReverseRelations();
            var rev = g.Relation("b__rev_to__a");

            Assert.Equal(RelationKind.Reverse, rev.Kind);
            Assert.Equal([1, 0], rev.Src);
            Assert.Equal([0, 2], rev.Dst);
            Assert.Equal(2, g.AddReverseRelations().Relations.Count); // idempotent
        }

        [Fact]
        public void Should_Not_Duplicate_An_Existing_Reverse_Link_Type()
        {
            var g = Graph([0, 2], [1, 0]);
            var withReverse = g.WithRelations([.. g.Relations, new Relation(new EdgeType("b", "from", "a"), [0, 1], [2, 0])]);
            Assert.Equal(2, withReverse.AddReverseRelations().Relations.Count);
        }

        [Fact]
        public void Should_Add_Self_Loops_And_Drop_Node_Types()
        {
            var g = TinyGraphs.AuthorsAndPapers(authors: 6).AddSelfLoops(["author"]);
            var loop = g.Relation("author__self__author");
            Assert.Equal(Enumerable.Range(0, 6), loop.Src);
            Assert.Equal(loop.Src, loop.Dst);

            var e = Assert.Throws<GraphMtlException>(() => g.DropNodeTypes(["paper"]));
            Assert.Equal("Cannot drop node type 'paper': task 'topic' lives on it.", e.Message);
            var kept = g.SelectTasks(["field"]).DropNodeTypes(["paper"]);
            Assert.Single(kept.NodeTypes);
            Assert.Single(kept.Relations);
        }

        [Fact]
        public void Should_Drop_Features_And_Relations_By_Name()
        {
            // Given authors and papers with self-loops on both and the writes relation both ways
            var g = TinyGraphs.AuthorsAndPapers(authors: 6).AddSelfLoops(["author", "paper"]);

            // When the papers lose their features and the self-loops are dropped again (short and full names)
            var dropped = g.DropFeatures(["paper"]).DropRelations(["author__self__author", "paper__self__paper"]);

            // Then papers are featureless, only the writes relations stay, and unknown names are user errors
            Assert.Null(dropped.NodeType("paper").Features);
            Assert.NotNull(g.NodeType("paper").Features);
            Assert.Equal(["author__writes__paper", "paper__rev_writes__author"], dropped.Relations.Select(r => r.Type.ToString()).Order());
            Assert.Throws<GraphMtlException>(() => g.DropFeatures(["venue"]));
            Assert.Throws<GraphMtlException>(() => g.DropRelations(["cites"]));
        }
    }
}
