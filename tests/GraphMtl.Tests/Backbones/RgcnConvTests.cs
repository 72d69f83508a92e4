using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Backbones;

[Collection(EngineCollection.Name)]
public sealed class RgcnConvTests
{
    [Fact]
    public void Should_Map_Every_Type_To_The_Output_Width_And_Pass_Gradients_To_All_Parameters()
    {
        manual_seed(0);
        var graph = TinyGraphs.AuthorsAndPapers(authors: 9);
        using var g = GraphTensors.From(graph, CPU);
        using var conv = new RgcnConv("c", graph.Metadata, 5, 7, bases: 2);
        var h = graph.NodeTypes.Select(t => randn(t.Count, 5)).ToArray();

        var outputs = conv.call(g, h);

        Assert.Equal(new long[] { 9, 7 }, outputs[0].shape);
        Assert.Equal(new long[] { 36, 7 }, outputs[1].shape);
        outputs.Select(o => o.sum()).Aggregate((a, b) => a + b).backward();
        Assert.All(conv.parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0));
    }

    [Fact]
    public void Should_Equal_A_Per_Edge_Mean_Reference_And_Give_Zero_Messages_Without_Edges()
    {
        manual_seed(1);
        // Node b1 has no incoming edge of a__to__b; b0 has two.
        var graph = new HeteroGraph("g", [new NodeType("a", 3), new NodeType("b", 2)],
            [new Relation(new EdgeType("a", "to", "b"), [0, 2], [0, 0])], []);
        using var g = GraphTensors.From(graph, CPU);
        using var conv = new RgcnConv("c", graph.Metadata, 4, 3);
        var ha = randn(3, 4);
        var hb = randn(2, 4);

        var outB = conv.call(g, [ha, hb])[1];

        var state = conv.state_dict();
        var w = state["relationWeight"][0];
        var root = state["rootWeight"][1];
        var bias = state["bias"][1];
        var expected0 = hb[0].matmul(root) + bias + (ha[0] + ha[2]).matmul(w) / 2;
        var expected1 = hb[1].matmul(root) + bias;
        Assert.True(allclose(outB[0], expected0, rtol: 1e-5, atol: 1e-6));
        Assert.True(allclose(outB[1], expected1, rtol: 1e-5, atol: 1e-6));
        Assert.False(outB.isnan().any().item<bool>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Should_Give_The_Same_Outputs_And_Gradients_Fused_And_Per_Relation(int bases)
    {
        // Given one set of parameters (PyG's RGCNConv / FastRGCNConv equality test)
        manual_seed(4);
        var graph = TinyGraphs.Mixed(seed: 4);
        using var g = GraphTensors.From(graph, CPU);
        using var conv = new RgcnConv("c", graph.Metadata, 5, 3, bases);
        var h = graph.NodeTypes.Select(t => randn(t.Count, 5)).ToArray();

        // When
        var perRelation = conv.ForwardPerRelation(g, h);
        var gradsPerRelation = autograd.grad([SimpleHgnConvTests.ProbeLoss(perRelation, 5)], conv.parameters().ToArray());
        var fused = conv.ForwardFused(g, h);
        var gradsFused = autograd.grad([SimpleHgnConvTests.ProbeLoss(fused, 5)], conv.parameters().ToArray());

        // Then
        for (int t = 0; t < perRelation.Length; t++) Assert.True(allclose(fused[t], perRelation[t], rtol: 1e-5, atol: 1e-6));
        for (int i = 0; i < gradsFused.Count; i++) Assert.True(allclose(gradsFused[i], gradsPerRelation[i], rtol: 1e-4, atol: 1e-6));
    }

    [Fact]
    public void Should_Use_The_Fused_Evaluation_When_Asked()
    {
        manual_seed(6);
        var graph = TinyGraphs.Mixed(seed: 6);
        using var g = GraphTensors.From(graph, CPU);
        using var conv = new RgcnConv("c", graph.Metadata, 4, 4, fused: true);
        var h = graph.NodeTypes.Select(t => randn(t.Count, 4)).ToArray();

        var outputs = conv.call(g, h);

        var reference = conv.ForwardPerRelation(g, h);
        for (int t = 0; t < outputs.Length; t++) Assert.True(allclose(outputs[t], reference[t], rtol: 1e-5, atol: 1e-6));
    }
}
