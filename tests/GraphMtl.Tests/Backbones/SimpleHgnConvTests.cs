using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.Nn;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Backbones;

[Collection(EngineCollection.Name)]
public sealed class SimpleHgnConvTests
{
    /// <summary>Options without any randomness (dropout off).</summary>
    internal static SimpleHgnOptions Deterministic(int heads = 2, int edgeDim = 3) => new()
    {
        Heads = heads, EdgeDim = edgeDim, AttentionDropout = 0, NegativeSlope = 0.2, EdgeResidual = 0.3,
    };

    internal static Tensor[] Inputs(HeteroGraph graph, int dim) => graph.NodeTypes.Select(t => randn(t.Count, dim)).ToArray();

    /// <summary>Σ of outputs weighted by fixed random probes: every parameter influences it.</summary>
    internal static Tensor ProbeLoss(IEnumerable<Tensor> outputs, int seed)
    {
        using var g = new Generator((ulong)seed);
        return outputs.Select(o => (o * randn(o.shape, generator: g)).sum()).Aggregate((a, b) => a + b);
    }

    internal static void AssertAllParametersGetGradients(nn.Module module)
    {
        foreach (var (name, p) in module.named_parameters())
            Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"no gradient reaches {name}");
    }

    /// <summary>
    /// The definition, edge by edge from the host graph: per destination node, softmax over its incoming edges
    /// (of all relations, or of one relation in split mode) of LeakyReLU(a_src·z_u + a_dst·z_v + a_e·W_e E_r).
    /// Returns per type the joint aggregate [N_t, H·D] or the split stack [R_t, N_t, H·D].
    /// </summary>
    internal static Tensor[] NaiveAggregates(HeteroGraph graph, SimpleHgnConv conv, Tensor[] h, SimpleHgnOptions options, bool split, Tensor? previous = null, FlatEdges? flat = null)
    {
        var state = conv.state_dict();
        int heads = options.Heads;
        var w = state["weight"];
        var relationTypes = graph.Relations.Select(r => (graph.Metadata.NodeTypeIndex(r.Type.Src), graph.Metadata.NodeTypeIndex(r.Type.Dst))).ToArray();
        Tensor Z(int type, int centreType, int node) =>
            (options.PerTypeWeights ? h[type][node].matmul(w[centreType]) : h[type][node].matmul(w)).view(heads, -1);
        var edgeScores = (state["edgeEmbedding"].matmul(state["edgeWeight"]).view(-1, heads, options.EdgeDim) * state["attnEdge"]).sum(-1);
        // Flattened edge position of each host edge (for the edge residual).
        var position = new Dictionary<(int, int, int, int), Queue<long>>();
        if (flat is not null)
        {
            var rel = flat.Relation.data<long>().ToArray();
            var src = flat.Source.Index.data<long>().ToArray();
            var dst = flat.Destination.Index.data<long>().ToArray();
            for (int e = 0; e < rel.Length; e++)
            {
                var (st, dt) = relationTypes[rel[e]];
                var key = ((int)rel[e], (int)(src[e] - flat.NodeOffsets[st]), (int)(dst[e] - flat.NodeOffsets[dt]), 0);
                if (!position.TryGetValue(key, out var q)) position[key] = q = new Queue<long>();
                q.Enqueue(e);
            }
        }
        var results = new Tensor[graph.NodeTypes.Count];
        for (int t = 0; t < graph.NodeTypes.Count; t++)
        {
            var incoming = Enumerable.Range(0, graph.Relations.Count).Where(r => relationTypes[r].Item2 == t).ToArray();
            var groups = split ? incoming.Select(r => new[] { r }).ToArray() : [incoming];
            var blocks = new List<Tensor>();
            foreach (var group in groups)
            {
                var rows = new List<Tensor>();
                for (int v = 0; v < graph.NodeTypes[t].Count; v++)
                {
                    var zv = Z(t, t, v);
                    var edges = group.SelectMany(r => graph.Relations[r].Src.Zip(graph.Relations[r].Dst).Where(p => p.Second == v).Select(p => (r, u: p.First))).ToList();
                    if (edges.Count == 0) { rows.Add(zeros(conv.OutDim)); continue; }
                    var zu = edges.Select(e => Z(relationTypes[e.r].Item1, t, e.u)).ToArray();
                    var logits = stack(edges.Select((e, i) => nn.functional.leaky_relu(
                        (zu[i] * state["attnSrc"]).sum(-1) + (zv * state["attnDst"]).sum(-1) + edgeScores[e.r], options.NegativeSlope)).ToArray()); // [k, H]
                    var alpha = softmax(logits, 0);
                    if (previous is not null)
                    {
                        var prev = stack(edges.Select(e => previous[position[(e.r, e.u, v, 0)].Dequeue()]).ToArray());
                        alpha = alpha * (1 - options.EdgeResidual) + prev * options.EdgeResidual;
                    }
                    rows.Add((alpha.unsqueeze(-1) * stack(zu)).sum(dim: 0).flatten());
                }
                blocks.Add(stack(rows.ToArray()));
            }
            results[t] = split
                ? (blocks.Count == 0 ? zeros(0, graph.NodeTypes[t].Count, conv.OutDim) : stack(blocks.ToArray()))
                : blocks[0];
        }
        return results;
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheForwardMethod
    {
        [Theory]
        [InlineData(false, NodeResidual.Auto)]
        [InlineData(true, NodeResidual.Linear)]
        [InlineData(false, NodeResidual.Projection)]
        public void Should_Map_Every_Type_To_Heads_Times_Width_And_Pass_Gradients_To_All_Parameters(bool perType, NodeResidual residual)
        {
            // Given
            manual_seed(0);
            var graph = TinyGraphs.Mixed();
            using var g = GraphTensors.From(graph, CPU);
            var options = Deterministic() with { PerTypeWeights = perType, Bias = true };
            using var conv = new SimpleHgnConv("c", graph.Metadata, 5, 4, options, residual);
            var h = Inputs(graph, 5);

            // When
            var outputs = conv.call(g, h);

            // Then
            Assert.Equal(new long[] { 5, 8 }, outputs[0].shape);
            Assert.Equal(new long[] { 6, 8 }, outputs[1].shape);
            Assert.Equal(new long[] { 3, 8 }, outputs[2].shape);
            Assert.All(outputs, o => Assert.False(o.isnan().any().item<bool>()));
            ProbeLoss(outputs, 1).backward();
            AssertAllParametersGetGradients(conv);
        }

        [Theory]
        [InlineData(NodeResidual.Auto)]
        [InlineData(NodeResidual.Projection)]
        public void Should_Add_The_Identity_Or_A_Bias_Free_Projection_When_The_Input_Has_The_Output_Width(NodeResidual residual)
        {
            // Given a layer reading the concatenated heads of a previous one (in = H·D = 6)
            manual_seed(3);
            var graph = TinyGraphs.Mixed(seed: 3);
            using var g = GraphTensors.From(graph, CPU);
            var options = Deterministic();
            using var conv = new SimpleHgnConv("c", graph.Metadata, 6, 3, options, residual);
            var h = Inputs(graph, 6);

            // When
            var outputs = conv.call(g, h);

            // Then Auto adds x itself; Projection adds x·W_res (no bias), as HGB's res_fc for multi-head layers
            var state = conv.state_dict();
            Assert.Equal(residual == NodeResidual.Projection, state.ContainsKey("residualWeight"));
            Assert.False(state.ContainsKey("residualBias"));
            var aggregates = NaiveAggregates(graph, conv, h, options, split: false);
            for (int t = 0; t < 3; t++)
            {
                var skip = residual == NodeResidual.Projection ? h[t].matmul(state["residualWeight"]) : h[t];
                Assert.True(allclose(outputs[t], aggregates[t] + skip, rtol: 1e-4, atol: 1e-5), $"type {t}");
            }
            if (residual == NodeResidual.Projection) Assert.False(allclose(h[0].matmul(state["residualWeight"]), h[0], rtol: 1e-2, atol: 1e-2));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Should_Equal_The_Edge_By_Edge_Definition_Including_The_Edge_Residual(bool perType)
        {
            // Given
            manual_seed(2);
            var graph = TinyGraphs.Mixed(seed: 2);
            using var g = GraphTensors.From(graph, CPU);
            var options = Deterministic() with { PerTypeWeights = perType };
            using var conv = new SimpleHgnConv("c", graph.Metadata, 4, 3, options, NodeResidual.None);
            var h = Inputs(graph, 4);
            var flat = FlatEdges.Of(g);
            var previous = softmax(randn(flat.EdgeCount, 2), 1);

            // When
            var (outputs, attention) = conv.Forward(g, h, previous);

            // Then every type equals the reference; c (reached by no relation) and b5 (no a→b edge) are handled
            var expected = NaiveAggregates(graph, conv, h, options, split: false, previous, flat);
            for (int t = 0; t < 3; t++)
                Assert.True(allclose(outputs[t], expected[t], rtol: 1e-4, atol: 1e-5), $"type {t}: max |Δ| = {(outputs[t] - expected[t]).abs().max().item<float>()}");
            Assert.Equal(0f, outputs[2].abs().sum().item<float>());
            Assert.NotNull(attention);
            Assert.False(attention!.requires_grad);
        }

        [Fact]
        public void Should_Agree_Between_Kernels_And_Softmax_Shifts()
        {
            var graph = TinyGraphs.Mixed(seed: 3);
            using var g = GraphTensors.From(graph, CPU);
            manual_seed(3);
            var h = Inputs(graph, 4);
            using var reference = new SimpleHgnConv("c", graph.Metadata, 4, 3, Deterministic(), NodeResidual.Auto);
            var outputs = new List<Tensor[]>();
            var grads = new List<Tensor>();
            foreach (var (kernel, shift) in new[] { (MessageKernel.Blocked, SoftmaxShift.Auto), (MessageKernel.Scatter, SoftmaxShift.GroupMax), (MessageKernel.Blocked, SoftmaxShift.GlobalMax) })
            {
                using var conv = new SimpleHgnConv("c", graph.Metadata, 4, 3, Deterministic() with { Kernel = kernel, SoftmaxShift = shift }, NodeResidual.Auto);
                conv.load_state_dict(reference.state_dict());
                var o = conv.call(g, h);
                ProbeLoss(o, 4).backward();
                outputs.Add(o);
                grads.Add(conv.named_parameters().First(p => p.name == "attnSrc").parameter.grad!.clone());
            }
            for (int i = 1; i < outputs.Count; i++)
            {
                for (int t = 0; t < 3; t++) Assert.True(allclose(outputs[i][t], outputs[0][t], rtol: 1e-4, atol: 1e-5));
                Assert.True(allclose(grads[i], grads[0], rtol: 1e-3, atol: 1e-5));
            }
        }

        [Fact]
        public void Should_Reject_Inputs_Of_The_Wrong_Width()
        {
            var graph = TinyGraphs.Mixed();
            using var g = GraphTensors.From(graph, CPU);
            using var conv = new SimpleHgnConv("c", graph.Metadata, 4, 3, Deterministic(), NodeResidual.None);

            var e = Assert.Throws<ArgumentException>(() => conv.call(g, Inputs(graph, 5)));
            Assert.Contains("Expected node type a as [5, 4]", e.Message);
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheForwardSplitMethod
    {
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Should_Return_Per_Relation_Aggregates_Equal_To_Separate_Per_Relation_Softmaxes(bool perType)
        {
            // Given
            manual_seed(5);
            var graph = TinyGraphs.Mixed(seed: 5);
            using var g = GraphTensors.From(graph, CPU);
            var options = Deterministic() with { Mode = AttentionMode.Split, PerTypeWeights = perType };
            using var conv = new SimpleHgnConv("c", graph.Metadata, 4, 3, options, NodeResidual.Linear);
            var h = Inputs(graph, 4);

            // When
            var parts = conv.ForwardSplit(g, h);

            // Then
            var expected = NaiveAggregates(graph, conv, h, options, split: true);
            Assert.Equal(new[] { 1 }, parts[0].Relations);
            Assert.Equal(new[] { 0, 2, 3 }, parts[1].Relations);
            Assert.Equal(new long[] { 3, 6, 6 }, parts[1].Messages.shape);
            Assert.Equal(new long[] { 0, 3, 6 }, parts[2].Messages.shape);
            for (int t = 0; t < 2; t++)
                Assert.True(allclose(parts[t].Messages, expected[t], rtol: 1e-4, atol: 1e-5), $"type {t}: max |Δ| = {(parts[t].Messages - expected[t]).abs().max().item<float>()}");
            Assert.Equal(0f, parts[1].Messages[0][5].abs().sum().item<float>()); // b5 has no a→b neighbour: zeros, not NaN
            var state = conv.state_dict();
            var w = perType ? state["weight"][1] : state["weight"];
            Assert.True(allclose(parts[1].Projected, h[1].matmul(w), rtol: 1e-5, atol: 1e-6));
            Assert.True(allclose(parts[1].Residual, h[1].matmul(state["residualWeight"]) + state["residualBias"], rtol: 1e-5, atol: 1e-6));
            Assert.True(allclose(parts[1].GateInput, cat([h[1], h[1]], 1)));
        }

        [Fact]
        public void Should_Combine_Relations_By_Attention_In_Split_Mode_Forward()
        {
            // Given
            manual_seed(6);
            var graph = TinyGraphs.Mixed(seed: 6);
            using var g = GraphTensors.From(graph, CPU);
            var options = Deterministic() with { Mode = AttentionMode.Split };
            using var conv = new SimpleHgnConv("c", graph.Metadata, 4, 3, options, NodeResidual.Auto);
            var h = Inputs(graph, 4);

            // When
            var outputs = conv.call(g, h);
            var parts = conv.ForwardSplit(g, h);

            // Then h'_v = Σ_r softmax_r(q([z_v; m_r])) m_r + Res(x_v), and every parameter (q included) learns
            var state = conv.state_dict();
            var m = parts[1].Messages; // [3, 6, 6]
            var scores = cat([parts[1].Projected.unsqueeze(0).expand(3, -1, -1), m], 2).matmul(state["relationScorerWeight"]) + state["relationScorerBias"];
            var expected = (softmax(scores, 0) * m).sum(dim: 0) + parts[1].Residual;
            Assert.True(allclose(outputs[1], expected, rtol: 1e-5, atol: 1e-6));
            Assert.Equal(0f, (outputs[2] - parts[2].Residual).abs().sum().item<float>());
            ProbeLoss(outputs, 7).backward();
            AssertAllParametersGetGradients(conv);
        }

        [Fact]
        public void Should_Refuse_Relation_Attention_Outside_Split_Mode()
        {
            var graph = TinyGraphs.Mixed();
            using var conv = new SimpleHgnConv("c", graph.Metadata, 4, 3, Deterministic(), NodeResidual.None);

            Assert.Throws<InvalidOperationException>(() => conv.AttendRelations(zeros(2, 6), zeros(1, 2, 6)));
        }
    }
}
