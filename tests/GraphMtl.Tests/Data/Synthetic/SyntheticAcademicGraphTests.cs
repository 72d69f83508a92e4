using GraphMtl.Data.Synthetic;
using GraphMtl.Graphs;

namespace GraphMtl.Tests.Data.Synthetic;

public sealed class SyntheticAcademicGraphTests
{
    private static readonly SyntheticGraphOptions Small = new() { Authors = 400, Papers = 800, Terms = 300, Venues = 8, Classes = 4, Homophily = 0.8 };

    public sealed class TheGenerateMethod
    {
        [Fact]
        public void Should_Build_The_Academic_Schema()
        {
            // When
            var graph = SyntheticAcademicGraph.Generate(Small);

            // Then
            Assert.Equal([("author", 400, 32), ("paper", 800, 32), ("term", 300, 32), ("venue", 8, 0)],
                graph.NodeTypes.Select(t => (t.Name, t.Count, t.Features?.Dim ?? 0)));
            Assert.Equal(["author__writes__paper", "paper__cites__paper", "paper__has_term__term", "paper__published_in__venue"],
                graph.Relations.Select(r => r.Type.ToString()));
            Assert.Equal(["author", "paper"], graph.Tasks.Select(t => t.Name));
            Assert.All(graph.Tasks, t => Assert.Equal((TaskKind.MultiClass, 4), (t.Kind, t.NumClasses)));
            var paper = graph.Task("paper").Split;
            Assert.Equal((160, 80, 560), (paper.Train.Length, paper.Val.Length, paper.Test.Length));
            var author = graph.Task("author").Split;
            Assert.Equal((20, 40, 340), (author.Train.Length, author.Val.Length, author.Test.Length));
        }

        [Fact]
        public void Should_Have_A_Default_Size_Of_About_Fifty_Thousand_Edges()
        {
            var graph = SyntheticAcademicGraph.Generate();

            Assert.InRange(graph.EdgeCount, 45_000, 65_000);
            Assert.All(graph.Tasks, t => Assert.Equal(8, t.NumClasses));
        }

        [Fact]
        public void Should_Be_Identical_For_The_Same_Seed()
        {
            var a = SyntheticAcademicGraph.Generate(Small with { Seed = 5 });
            var b = SyntheticAcademicGraph.Generate(Small with { Seed = 5 });

            for (int r = 0; r < a.Relations.Count; r++)
            {
                Assert.Equal(a.Relations[r].Src, b.Relations[r].Src);
                Assert.Equal(a.Relations[r].Dst, b.Relations[r].Dst);
            }
            for (int t = 0; t < a.NodeTypes.Count; t++)
                Assert.Equal((a.NodeTypes[t].Features as DenseFeatures)?.Values, (b.NodeTypes[t].Features as DenseFeatures)?.Values);
            for (int t = 0; t < a.Tasks.Count; t++)
            {
                Assert.Equal(a.Tasks[t].Labels, b.Tasks[t].Labels);
                Assert.Equal(a.Tasks[t].Split, b.Tasks[t].Split, (x, y) => x.Train.SequenceEqual(y.Train) && x.Val.SequenceEqual(y.Val));
            }
        }

        [Fact]
        public void Should_Differ_For_Another_Seed()
        {
            var a = SyntheticAcademicGraph.Generate(Small with { Seed = 5 });
            var b = SyntheticAcademicGraph.Generate(Small with { Seed = 6 });

            Assert.NotEqual(a.Relation("cites").Dst, b.Relation("cites").Dst);
            Assert.NotEqual(((DenseFeatures)a.NodeType("paper").Features!).Values, ((DenseFeatures)b.NodeType("paper").Features!).Values);
            Assert.NotEqual(a.Task("author").Labels, b.Task("author").Labels);
        }

        [Fact]
        public void Should_Make_Each_Relation_Homophilous_For_Its_Own_Task_Only_At_Full_Conflict()
        {
            // Given no conflict and full conflict
            var aligned = SyntheticAcademicGraph.Generate(Small with { Conflict = 0, Papers = 4000 });
            var conflicting = SyntheticAcademicGraph.Generate(Small with { Conflict = 1, Papers = 4000 });

            // Then at conflict 0 co-authorship predicts paper topics; at conflict 1 it is at chance (1/4) for topics
            // while citations stay homophilous for topics and fall to chance for the authors' fields
            Assert.InRange(WritesTopicAgreement(aligned), 0.6, 1.0);
            Assert.InRange(WritesTopicAgreement(conflicting), 0.2, 0.3);
            Assert.InRange(CitesTopicAgreement(conflicting), 0.6, 1.0);
            Assert.InRange(CitesFieldAgreement(aligned), 0.5, 1.0);
            Assert.InRange(CitesFieldAgreement(conflicting), 0.2, 0.3);
        }

        [Fact]
        public void Should_Generate_A_Million_Edges()
        {
            var graph = SyntheticAcademicGraph.Generate(new SyntheticGraphOptions { Authors = 40_000, Papers = 80_000, Terms = 20_000, CitationsPerPaper = 6 });

            Assert.True(graph.EdgeCount > 1_000_000, $"got {graph.EdgeCount} edges");
        }

        [Fact]
        public void Should_Reject_Invalid_Options()
        {
            var e = Assert.Throws<GraphMtlException>(() => SyntheticAcademicGraph.Generate(Small with { Venues = 2 }));

            Assert.Equal("dataset.synthetic.venues: expected at least as many venues as classes (4) (got 2)", e.Message);
        }

        // Share of author->paper edges whose author's field equals the paper's topic.
        private static double WritesTopicAgreement(HeteroGraph g)
        {
            var writes = g.Relation("writes");
            var field = g.Task("author").Labels;
            var topic = g.Task("paper").Labels;
            return Enumerable.Range(0, writes.EdgeCount).Average(e => field[writes.Src[e]] == topic[writes.Dst[e]] ? 1.0 : 0.0);
        }

        private static double CitesTopicAgreement(HeteroGraph g)
        {
            var cites = g.Relation("cites");
            var topic = g.Task("paper").Labels;
            return Enumerable.Range(0, cites.EdgeCount).Average(e => topic[cites.Src[e]] == topic[cites.Dst[e]] ? 1.0 : 0.0);
        }

        // Share of citations between papers whose (first listed) authors share a field.
        private static double CitesFieldAgreement(HeteroGraph g)
        {
            var writes = g.Relation("writes");
            var field = g.Task("author").Labels;
            var lead = new int[g.NodeType("paper").Count];
            Array.Fill(lead, -1);
            for (int e = 0; e < writes.EdgeCount; e++)
                if (lead[writes.Dst[e]] < 0) lead[writes.Dst[e]] = writes.Src[e];
            var cites = g.Relation("cites");
            return Enumerable.Range(0, cites.EdgeCount).Average(e => field[lead[cites.Src[e]]] == field[lead[cites.Dst[e]]] ? 1.0 : 0.0);
        }
    }
}
