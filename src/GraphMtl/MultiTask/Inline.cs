using GraphMtl.Backbones;
using GraphMtl.Configuration;
using GraphMtl.Graphs;
using GraphMtl.MultiTask.Experts;
using GraphMtl.MultiTask.Gates;
using GraphMtl.Nn;

namespace GraphMtl.MultiTask;

/// <summary>
/// InLINE: inner-layer information exchange (Feng et al., "InLINE: Inner-Layer Information Exchange for Multi-task
/// Learning on Heterogeneous Graphs", arXiv 2410.22089; the reference code is StrucHIS). Tasks exchange information
/// <b>inside</b> each graph layer and per relation: every task has a structure-disentangled expert per level whose
/// neighbourhood aggregation stays separate per relation, and a per-relation gate lets each task mix, relation by
/// relation, the aggregates of all tasks' experts before its own relation attention (inline.md §3).
/// </summary>
/// <remarks>
/// For a node v of type t with incoming relations R_t (fixed order), tasks i, k = 1..K, level l = 1..L:
/// <code>
/// h⁰_v = P_t x_v + b_t                                                  (shared by all tasks)
/// (M^{k,l}_v [R_t × D], z^{k,l}_v, res^{k,l}_v, g^{k,l}_v = [x̃ ; x̃]) = E^{k,l}(h^{k,l−1})     (split-mode Simple-HGN)
/// π^{i,l}_{v,r,·} = softmax_k( [W₂ ReLU(W₁ g^{i,l}_v + b₁)]_{r,·} )      (gate per (l, t, i); W₁ ~ N(0, 1e-4²); no b₂)
/// m̃^{i,l}_{v,r} = Σ_k π^{i,l}_{v,r,k} M^{k,l}_{v,r}                      (ExpertMixer.Mix per relation)
/// β_{v,r} = softmax_r q^{i,l}([z^{i,l}_v ; m̃^{i,l}_{v,r}])
/// h^{i,l}_v = ELU(Σ_r β_{v,r} m̃^{i,l}_{v,r} + res^{i,l}_v)
/// ŷ_i = head_i(h^{i,L})                                                  (a non-split layer, then L2 normalisation)
/// </code>
/// With <see cref="InlineOptions.SharedExpert"/> a shared stream with its own expert joins every level (each task gate
/// mixes K + 1 experts, a shared gate mixes all of them for the shared stream): the PLE-like flavour of the earlier
/// snapshot, without its per-edge gates (see docs/multitask.md).
/// </remarks>
public sealed class Inline : MultiTaskModel
{
    private readonly NodeInputEncoder input;
    private readonly ModuleList<RelationExpert> experts; // [level · S + stream]
    private readonly ModuleDict<SoftmaxGate> gates;      // "level{l}-{stream}-{type}"
    private readonly TaskHeads heads;
    private readonly GateRecorder _gates = new();
    private readonly string[] _streams;                  // task names, then "shared"
    private readonly string[] _types;
    private readonly string[] _relations;
    private readonly int _levels;
    private readonly double _dropout;

    /// <summary>Creates the experts, gates and heads for <paramref name="tasks"/>.</summary>
    public Inline(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks, InlineOptions options) : base(name, tasks)
    {
        input = new NodeInputEncoder($"{name}.input", metadata, backbone.Hidden, backbone.Featureless);
        _streams = [.. tasks.Select(t => t.Name), .. options.SharedExpert ? new[] { "shared" } : []];
        _types = metadata.NodeTypes.Select(t => t.Name).ToArray();
        _relations = metadata.Relations.Select(r => r.ToString()).ToArray();
        _levels = options.Levels;
        _dropout = backbone.Dropout;
        var list = new List<RelationExpert>();
        gates = nn.ModuleDict<SoftmaxGate>();
        int width = backbone.Hidden;
        for (int l = 0; l < _levels; l++)
        {
            int inDim = width;
            foreach (var stream in _streams)
                list.Add(new RelationExpert($"{name}.level{l}.{stream}", metadata, backbone, inDim, l));
            width = list[^1].OutDim;
            for (int s = 0; s < _streams.Length; s++)
            {
                int visible = _streams.Length; // every stream's gate sees every expert of the level
                if (visible < 2) continue;
                for (int t = 0; t < _types.Length; t++)
                {
                    int relations = metadata.IncomingRelations(_types[t]).Count;
                    if (relations == 0) continue;
                    gates.Add(GateKey(l, s, t), new SoftmaxGate($"{name}.gate.level{l}.{_streams[s]}.{_types[t]}", 2 * inDim, options.GateHidden,
                        visible, relations, outputBias: false, initStd: options.GateInitStd));
                }
            }
        }
        experts = nn.ModuleList(list.ToArray());
        heads = new TaskHeads($"{name}.heads", metadata, tasks, width, backbone, options.Head);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override GateRecorder Gates => _gates;

    /// <inheritdoc/>
    public override Dictionary<string, Tensor> forward(GraphTensors graph)
    {
        var h0 = input.call(graph).Select(x => nn.functional.dropout(x, _dropout, training)).ToArray();
        var x = _streams.Select(_ => h0).ToArray();
        int streams = _streams.Length;
        for (int l = 0; l < _levels; l++)
        {
            // (a) every expert on its own stream's input
            var parts = Enumerable.Range(0, streams).Select(s => experts[l * streams + s].Split(graph, x[s])).ToArray();
            // (b) per receiving stream and node type: gate, mix per relation, relation attention, residual, ELU
            var next = new Tensor[streams][];
            for (int s = 0; s < streams; s++)
            {
                var expert = experts[l * streams + s];
                next[s] = new Tensor[_types.Length];
                for (int t = 0; t < _types.Length; t++)
                {
                    var own = parts[s][t];
                    var mixed = own.Messages;
                    if (gates.TryGetValue(GateKey(l, s, t), out var gate))
                    {
                        var weights = gate.call(own.GateInput); // [N_t, R_t, S]
                        mixed = ExpertMixer.Mix(parts.Select(p => p[t].Messages).ToList(), weights); // [R_t, N_t, D]
                        _gates.Record(l + 1, _types[t], Receiver(s), weights, _streams, RelationNames(own));
                    }
                    var beta = expert.RelationWeights(own, mixed); // [R_t, N_t, 1]
                    if (own.Relations.Count > 0) _gates.RecordRelations(l + 1, _types[t], Receiver(s), beta, RelationNames(own));
                    next[s][t] = expert.Combine(own, mixed, beta);
                }
            }
            // (c) the outputs become the next inputs
            x = next;
        }
        return heads.call(graph, x.Take(Tasks.Count).ToList());
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> SharedParameters() =>
        ParametersExcept(["heads", .. Enumerable.Range(0, Tasks.Count).SelectMany(s => Enumerable.Range(0, _types.Length)
            .Select(t => $"gates.{GateKey(_levels - 1, s, t)}"))]);

    private string Receiver(int stream) => stream < Tasks.Count ? $"task:{_streams[stream]}" : "shared";

    private string[] RelationNames(SimpleHgnSplit part) => part.Relations.Select(r => _relations[r]).ToArray();

    private static string GateKey(int level, int stream, int type) => $"level{level}-{stream}-{type}";
}

/// <summary>
/// Options of <see cref="Inline"/> (<c>architecture: {name: inline}</c>). Defaults are the reference's (inline.md §8):
/// 3 levels, gate MLP 128 → 64 → K·|R_t| with first-layer weights N(0, 1e-4²), one task-specific expert per task and
/// no shared expert, and InLINE's head (a graph layer, then L2 normalisation of the logits).
/// </summary>
public sealed record InlineOptions : GatedArchitectureOptions
{
    /// <summary>InLINE's head by default.</summary>
    public InlineOptions() => Head = HeadOptions.Inline;

    /// <summary>Standard deviation of the gates' first-layer weights (small: gates start near uniform); 0 = PyTorch's Linear default.</summary>
    public double GateInitStd { get; init; } = 1e-4;

    /// <summary>Add one shared expert (and stream) per level, mixed by every gate: the earlier snapshot's PLE-like variant (ablation; off in the final code).</summary>
    public bool SharedExpert { get; init; }

    /// <inheritdoc/>
    public override MultiTaskModel Create(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks) =>
        new Inline(name, metadata, backbone, tasks, this);

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var e in base.Validate()) yield return e;
        if (!(GateInitStd >= 0) || double.IsInfinity(GateInitStd)) yield return (nameof(GateInitStd), $"expected a standard deviation ≥ 0 (got {GateInitStd})");
    }
}
