using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using GraphMtl.Testing;

namespace GraphMtl.Tests.MultiTask;

[Collection(EngineCollection.Name)]
public sealed class TaskHeadTests
{
    public sealed class TheForwardMethod
    {
        [Theory]
        [InlineData(HeadKind.Linear, false)]
        [InlineData(HeadKind.Layer, false)]
        [InlineData(HeadKind.Layer, true)]
        public void Should_Return_The_Task_Node_Type_Logits(HeadKind kind, bool l2)
        {
            // Given a head on papers reading 8-d representations of both node types
            var graph = TinyGraphs.AuthorsAndPapers(authors: 5);
            using var tensors = GraphTensors.From(graph, CPU);
            var task = graph.Metadata.Tasks.Single(t => t.Name == "topic");
            manual_seed(0);
            using var head = new TaskHead("h", graph.Metadata, task, 8, MultiTaskModels.InlineLayer(), new HeadOptions { Kind = kind, L2Normalize = l2 });

            // When
            var logits = head.call(tensors, [randn(5, 8), randn(20, 8)]);

            // Then
            Assert.Equal([20, 3], logits.shape);
            Assert.Equal(l2, logits.norm(1).allclose(ones(20), atol: 1e-5));
        }

        [Fact]
        public void Should_Read_The_Neighbourhood_With_A_Layer_Head()
        {
            // Given a layer head: changing the authors' representations changes the papers' logits
            var graph = TinyGraphs.AuthorsAndPapers(authors: 5);
            using var tensors = GraphTensors.From(graph, CPU);
            manual_seed(1);
            using var head = new TaskHead("h", graph.Metadata, graph.Metadata.Tasks[1], 4, new RgcnOptions { Hidden = 4 }, new HeadOptions { Kind = HeadKind.Layer });
            var papers = randn(20, 4);
            Assert.False(head.call(tensors, [randn(5, 4), papers]).allclose(head.call(tensors, [randn(5, 4), papers])));
        }
    }
}
