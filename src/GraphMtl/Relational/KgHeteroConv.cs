using GraphMtl.Backbones;
using GraphMtl.Nn;

namespace GraphMtl.Relational;

/// <summary>
/// MetaLink's heterogeneous gated knowledge-graph layer (<c>kgheteconv</c>; metalink.md §3), one set of parameters per
/// message type ρ ∈ {data→task, task→data} and per node type τ ∈ {data, task}:
/// <code>
/// m_{u→v} = σ(A_ρ h_u + B_ρ e_uv) ⊙ (W_ρ h_u + U_ρ e_uv)          gated message
/// a_v     = mean_{u ∈ N_ρ(v)} m_{u→v} + b_ρ                       (empty mean = 0; b_ρ zero-initialised)
/// s_v     = σ(G_τ h_v) ⊙ h_v                                       self gate
/// z_v     = a_v + s_v,  PReLU_τ(z_v) unless last layer
/// h_v     ← h_v + z_v                                              residual
/// </code>
/// A, W, G: Linear D→D; B, U: Linear 1→D; all with bias, Xavier-uniform (gain √2), zero bias. Each node type hears
/// exactly one message type. With <c>hete = false</c> both directions (and both node types) share parameters; with
/// <c>gate = false</c> the message is W h_u + U e_uv, and with <c>selfGate = false</c> the self term is h_v. Messages are computed vectorised: node-side products first, one gather per edge list, one
/// <c>index_add</c> mean per destination (no scatter_reduce in TorchSharp).
/// </summary>
public sealed class KgHeteroConv : nn.Module<Tensor, Tensor, KnowledgeGraph, (Tensor Data, Tensor Task)>
{
    private readonly ModuleList<Linear> nodeMaps;   // per message type: [A; W] fused, D → 2D
    private readonly ModuleList<Linear> edgeMaps;   // per message type: [B; U] fused, 1 → 2D
    private readonly ParameterList aggregateBias;   // per message type: b_ρ [D]
    private readonly ModuleList<Linear> selfGates;  // per node type: G_τ
    private readonly ModuleList<PReLU> activations; // per node type
    private readonly int _dim;
    private readonly bool _gate, _selfGate, _activate, _hete;

    /// <summary>Creates the layer; <paramref name="last"/> drops the post activation.</summary>
    public KgHeteroConv(string name, int dim, bool last, bool gate = true, bool selfGate = true, bool hete = true) : base(name)
    {
        _dim = dim;
        _gate = gate;
        _selfGate = selfGate;
        _activate = !last;
        _hete = hete;
        int types = hete ? 2 : 1;
        nodeMaps = nn.ModuleList(Enumerable.Range(0, types).Select(_ => FusedLinear(dim, dim)).ToArray());
        edgeMaps = nn.ModuleList(Enumerable.Range(0, types).Select(_ => FusedLinear(1, dim)).ToArray());
        aggregateBias = nn.ParameterList(Enumerable.Range(0, types).Select(_ => new Parameter(zeros(dim))).ToArray());
        selfGates = nn.ModuleList(Enumerable.Range(0, types).Select(_ => EncoderInit.Linear(dim, dim)).ToArray());
        activations = nn.ModuleList(Enumerable.Range(0, types).Select(_ => nn.PReLU(1)).ToArray());
        RegisterComponents();
    }

    // [A; W] (or [B; U]) as one Linear of 2D outputs, each half Xavier-initialised as its own D-wide map.
    private static Linear FusedLinear(int inDim, int dim)
    {
        var layer = nn.Linear(inDim, 2 * dim);
        using var _ = no_grad();
        Init.Glorot(layer.weight!.narrow(0, 0, dim), inDim, dim, EncoderInit.Gain);
        Init.Glorot(layer.weight!.narrow(0, dim, dim), inDim, dim, EncoderInit.Gain);
        layer.bias!.zero_();
        return layer;
    }

    /// <summary>Updates data states <c>[N_d, D]</c> and task states <c>[T, D]</c> over <paramref name="graph"/> (both from the layer input).</summary>
    public override (Tensor Data, Tensor Task) forward(Tensor data, Tensor task, KnowledgeGraph graph)
    {
        var toTask = Aggregate(KgMessage.DataToTask, data, graph);   // [T, D]
        var toData = Aggregate(KgMessage.TaskToData, task, graph);   // [N_d, D]
        return (data + Combine(1, data, toData), task + Combine(0, task, toTask));
    }

    private Tensor Aggregate(KgMessage message, Tensor source, KnowledgeGraph graph)
    {
        int k = _hete ? (int)message : 0;
        var (src, dst, count) = graph.Direction(message);
        var bias = aggregateBias[k];
        if (graph.EdgeCount == 0) return bias.expand(count, _dim);
        var node = nodeMaps[k].call(source).index_select(0, src);   // [E, 2D]
        var edge = edgeMaps[k].call(graph.EdgeFeature);             // [E, 2D]
        var both = node + edge;
        var value = both.narrow(1, _dim, _dim);
        var messages = _gate ? sigmoid(both.narrow(1, 0, _dim)) * value : value; // [E, D]
        return Scatter.Mean(messages, dst, count) + bias;
    }

    // z = a + σ(G h) ⊙ h (or a + h without the self gate), then PReLU unless last; node type 0 = task, 1 = data.
    private Tensor Combine(int nodeType, Tensor h, Tensor aggregated)
    {
        int k = _hete ? nodeType : 0;
        var self = _selfGate ? sigmoid(selfGates[k].call(h)) * h : h;
        var z = aggregated + self;
        return _activate ? activations[k].call(z) : z;
    }

    /// <inheritdoc/>
    public override string ToString() => $"KgHeteroConv(D={_dim}, gate={_gate}, self_gate={_selfGate}, hete={_hete}, activation={_activate})";
}
