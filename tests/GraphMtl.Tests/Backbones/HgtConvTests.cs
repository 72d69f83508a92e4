using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.Nn;
using GraphMtl.Testing;
using static GraphMtl.Tests.Backbones.SimpleHgnConvTests;

namespace GraphMtl.Tests.Backbones;

[Collection(EngineCollection.Name)]
public sealed class HgtConvTests
{
    /// <summary>The definition, node by node and edge by edge from the host graph (no layer norm).</summary>
    private static Tensor[] Naive(HeteroGraph graph, HgtConv conv, Tensor[] h, int heads)
    {
        var s = conv.state_dict();
        int d = (int)(conv.OutDim / heads);
        var types = graph.Relations.Select(r => (graph.Metadata.NodeTypeIndex(r.Type.Src), graph.Metadata.NodeTypeIndex(r.Type.Dst))).ToArray();
        Tensor Map(string w, string b, int t, int node) => (h[t][node].matmul(s[w][t]) + s[b][t]).view(heads, d);
        var outputs = new Tensor[graph.NodeTypes.Count];
        for (int t = 0; t < outputs.Length; t++)
        {
            var rows = new List<Tensor>();
            for (int v = 0; v < graph.NodeTypes[t].Count; v++)
            {
                var edges = Enumerable.Range(0, graph.Relations.Count).Where(r => types[r].Item2 == t)
                    .SelectMany(r => graph.Relations[r].Src.Zip(graph.Relations[r].Dst).Where(p => p.Second == v).Select(p => (r, u: p.First))).ToList();
                var aggregated = zeros(conv.OutDim);
                if (edges.Count > 0)
                {
                    var q = Map("queryWeight", "queryBias", t, v);
                    var logits = stack(edges.Select(e =>
                    {
                        var k = einsum("hd,hde->he", Map("keyWeight", "keyBias", types[e.r].Item1, e.u), s["relationAttention"][e.r]);
                        return (k * q).sum(-1) * s["relationPrior"][e.r] / Math.Sqrt(d);
                    }).ToArray()); // [k, H]
                    var alpha = softmax(logits, 0);
                    var messages = stack(edges.Select(e => einsum("hd,hde->he", Map("valueWeight", "valueBias", types[e.r].Item1, e.u), s["relationMessage"][e.r])).ToArray());
                    aggregated = (alpha.unsqueeze(-1) * messages).sum(dim: 0).flatten();
                }
                var o = nn.functional.gelu(aggregated).matmul(s["outputWeight"][t]) + s["outputBias"][t];
                var gate = s["skip"][t].sigmoid();
                rows.Add(gate * o + (1 - gate) * h[t][v]);
            }
            outputs[t] = stack(rows.ToArray());
        }
        return outputs;
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheForwardMethod
    {
        [Fact]
        public void Should_Map_Every_Type_To_The_Output_Width_And_Pass_Gradients_To_All_Parameters()
        {
            // Given
            manual_seed(0);
            var graph = TinyGraphs.Mixed();
            using var g = GraphTensors.From(graph, CPU);
            using var conv = new HgtConv("c", graph.Metadata, 8, 8, new HgtOptions { Heads = 2, LayerNorm = true });
            var h = Inputs(graph, 8);

            // When
            var outputs = conv.call(g, h);

            // Then
            Assert.Equal(new[] { 5L, 6L, 3L }, outputs.Select(o => o.shape[0]));
            Assert.All(outputs, o => Assert.Equal(8, o.shape[1]));
            Assert.All(outputs, o => Assert.False(o.isnan().any().item<bool>()));
            ProbeLoss(outputs, 1).backward();
            AssertAllParametersGetGradients(conv);
        }

        [Fact]
        public void Should_Equal_The_Edge_By_Edge_Definition()
        {
            // Given
            manual_seed(1);
            var graph = TinyGraphs.Mixed(seed: 1);
            using var g = GraphTensors.From(graph, CPU);
            using var conv = new HgtConv("c", graph.Metadata, 6, 6, new HgtOptions { Heads = 3 });
            using (no_grad())
            {
                // distinct priors and skips, so a wrong relation or type index shows
                foreach (var (name, p) in conv.named_parameters())
                    if (name is "relationPrior" or "skip") p.uniform_(0.5, 1.5);
            }
            var h = Inputs(graph, 6);

            // When
            var outputs = conv.call(g, h);

            // Then, including b5 without a→b edges and type c without incoming relations
            var expected = Naive(graph, conv, h, heads: 3);
            for (int t = 0; t < 3; t++)
                Assert.True(allclose(outputs[t], expected[t], rtol: 1e-4, atol: 1e-5), $"type {t}: max |Δ| = {(outputs[t] - expected[t]).abs().max().item<float>()}");
        }

        [Fact]
        public void Should_Agree_Between_Kernels_And_Softmax_Shifts()
        {
            var graph = TinyGraphs.Mixed(seed: 3);
            using var g = GraphTensors.From(graph, CPU);
            manual_seed(3);
            var h = Inputs(graph, 4);
            using var reference = new HgtConv("c", graph.Metadata, 4, 4, new HgtOptions { Heads = 2 });
            var outputs = new List<Tensor[]>();
            foreach (var (kernel, shift) in new[] { (MessageKernel.Blocked, SoftmaxShift.Auto), (MessageKernel.Scatter, SoftmaxShift.GroupMax) })
            {
                using var conv = new HgtConv("c", graph.Metadata, 4, 4, new HgtOptions { Heads = 2, Kernel = kernel, SoftmaxShift = shift });
                conv.load_state_dict(reference.state_dict());
                outputs.Add(conv.call(g, h));
            }
            for (int t = 0; t < 3; t++) Assert.True(allclose(outputs[1][t], outputs[0][t], rtol: 1e-4, atol: 1e-5));
        }

        [Fact]
        public void Should_Skip_The_Gated_Residual_When_Widths_Differ()
        {
            var graph = TinyGraphs.Mixed();
            using var g = GraphTensors.From(graph, CPU);
            using var conv = new HgtConv("c", graph.Metadata, 5, 4, new HgtOptions { Heads = 2 });

            var outputs = conv.call(g, Inputs(graph, 5));

            Assert.DoesNotContain(conv.named_parameters(), p => p.name == "skip");
            Assert.Equal(new long[] { 6, 4 }, outputs[1].shape);
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheConstructor
    {
        [Fact]
        public void Should_Reject_Heads_That_Do_Not_Divide_The_Width()
        {
            var e = Assert.Throws<ArgumentException>(() => new HgtConv("c", TinyGraphs.Mixed().Metadata, 4, 6, new HgtOptions { Heads = 4 }));
            Assert.Contains("dividing the output width 6", e.Message);
        }
    }
}
