using GraphMtl.Data;
using GraphMtl.TaskGraphs;
using GraphMtl.Testing;

namespace GraphMtl.Tests.TaskGraphs;

public sealed class TaskGraphTests
{
    private static readonly string[] Names = ["a", "b", "c", "d"];

    public sealed class TheReadEdgeListMethod
    {
        [Fact]
        public void Should_Read_Names_Indices_Weights_Header_And_Comments_As_An_Undirected_Graph()
        {
            using var folder = new TempFolder();
            string path = folder.Write("graph.tsv", "source\ttarget\tweight\n# comment\na b 0.5\n2,3\nd\ta\t-1.25 # trailing\n\n");

            var graph = TaskGraph.ReadEdgeList(path, Names);

            Assert.Equal(6, graph.EdgeCount);
            Assert.Equal(3, graph.PairCount);
            Assert.True(graph.IsSymmetric);
            var dense = graph.Dense();
            Assert.Equal(0.5f, dense[0 * 4 + 1]);
            Assert.Equal(0.5f, dense[1 * 4 + 0]);
            Assert.Equal(1f, dense[2 * 4 + 3]);
            Assert.Equal(-1.25f, dense[0 * 4 + 3]);
        }

        [Fact]
        public void Should_Keep_One_Direction_When_Directed()
        {
            using var folder = new TempFolder();
            string path = folder.Write("dag.tsv", "a b\nb c\n");

            var graph = TaskGraph.ReadEdgeList(path, Names, directed: true);

            Assert.Equal(2, graph.EdgeCount);
            Assert.True(graph.HasEdge(0, 1));
            Assert.False(graph.HasEdge(1, 0));
            Assert.True(graph.IsAcyclic());
        }

        [Theory]
        [InlineData("a b\na zz\n", "graph.tsv:2: expected a task name or an index in [0, 4) (got 'zz')")]
        [InlineData("a b x\n", "graph.tsv:1: expected a number as the weight (got 'x')")]
        [InlineData("a\n", "graph.tsv:1: expected 'source target [weight]' (got 1 fields)")]
        [InlineData("b b\n", "graph.tsv:1: expected two different tasks (got a self-loop on 'b')")]
        public void Should_Name_File_And_Line_Of_A_Bad_Line(string text, string message)
        {
            using var folder = new TempFolder();
            string path = folder.Write("graph.tsv", text);

            var error = Assert.Throws<DataFormatException>(() => TaskGraph.ReadEdgeList(path, Names));

            Assert.EndsWith(message, error.Message);
        }
    }

    public sealed class TheWriteEdgeListMethod
    {
        [Fact]
        public void Should_Round_Trip_Through_ReadEdgeList()
        {
            using var folder = new TempFolder();
            var graph = TaskGraph.Directed(4, [(0, 1, 0.25f), (3, 2, -2f), (1, 3, 1f)]);
            string path = Path.Combine(folder.Path, "out.tsv");

            graph.WriteEdgeList(path, Names);
            var back = TaskGraph.ReadEdgeList(path, Names, directed: true);

            Assert.Equal(graph.Dense(), back.Dense());
            // Edges by decreasing |weight|
            Assert.Equal(["source\ttarget\tweight", "d\tc\t-2", "b\td\t1", "a\tb\t0.25"], File.ReadAllLines(path));
        }
    }

    public sealed class TheIsAcyclicMethod
    {
        [Fact]
        public void Should_Detect_A_Cycle()
        {
            Assert.True(TaskGraph.Directed(3, [(0, 1, 1f), (1, 2, 1f)]).IsAcyclic());
            Assert.False(TaskGraph.Directed(3, [(0, 1, 1f), (1, 2, 1f), (2, 0, 1f)]).IsAcyclic());
        }
    }
}
