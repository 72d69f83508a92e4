using GraphMtl.Backbones;
using GraphMtl.Configuration;
using GraphMtl.Graphs;
using GraphMtl.MultiTask.Experts;
using GraphMtl.MultiTask.Gates;
using GraphMtl.Nn;

namespace GraphMtl.MultiTask;

/// <summary>
/// Multi-gate mixture of experts (Ma et al., "Modeling Task Relationships in Multi-task Learning with Multi-gate
/// Mixture-of-Experts", KDD 2018), on a graph and over several levels, as InLINE's baselines (inline.md §7): at every
/// level each expert is one backbone layer, and each task's gate (per node type) mixes the whole output embeddings of
/// <b>all</b> experts with one softmax weight per expert per node — the "outer-layer" exchange.
/// </summary>
/// <remarks>
/// <code>
/// h⁰ = Dropout(P_t x)                                            (input projection shared by all tasks)
/// level l:  E_j = expert^l_j(s^{l−1}),  E_{k,j} = expert^l_{k,j}(h_k^{l−1})
///           h_k^l[t] = Σ_e softmax(G^l_{k,t}(h_k^{l−1}[t]))_e E_e[t]        (task gate, all experts)
///           s^l[t]   = Σ_e softmax(G^l_{s,t}(s^{l−1}[t]))_e E_e[t]          (shared gate, levels before the last)
/// ŷ_k = head_k(h_k^L)
/// </code>
/// with <c>G(x) = W₂ ReLU(W₁ x + b₁) + b₂</c>. Classic single-level MMoE is <c>task_experts: 0, levels: 1</c>;
/// <see cref="Cgc"/> restricts each task gate to the shared experts and its own (LibMTL's <c>CGC(MMoE)</c>);
/// <see cref="Ple"/> stacks CGC levels.
/// </remarks>
public class Mmoe : MultiTaskModel
{
    private readonly NodeInputEncoder input;
    private readonly ModuleList<ExpertLevel> levels;
    private readonly TaskHeads heads;
    private readonly GateRecorder _gates = new();
    private readonly double _dropout;

    /// <summary>Creates an MMoE whose task gates see every expert.</summary>
    public Mmoe(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks, MmoeOptions options)
        : this(name, metadata, backbone, tasks, options, taskGatesSeeAll: true) { }

    /// <summary>Creates the levels; <paramref name="taskGatesSeeAll"/> = false gives CGC/PLE gating.</summary>
    protected Mmoe(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks, MmoeOptions options, bool taskGatesSeeAll)
        : base(name, tasks)
    {
        input = new NodeInputEncoder($"{name}.input", metadata, backbone.Hidden, backbone.Featureless);
        var list = new List<ExpertLevel>();
        int width = backbone.Hidden;
        for (int l = 0; l < options.Levels; l++)
        {
            var level = new ExpertLevel($"{name}.level{l}", metadata, backbone, tasks, width, l, options.SharedExperts, options.TaskExperts,
                taskGatesSeeAll, sharedStreamNext: l < options.Levels - 1, options.GateHidden);
            list.Add(level);
            width = level.OutDim;
        }
        levels = nn.ModuleList(list.ToArray());
        heads = new TaskHeads($"{name}.heads", metadata, tasks, width, backbone, options.Head);
        _dropout = backbone.Dropout;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override GateRecorder Gates => _gates;

    /// <inheritdoc/>
    public override Dictionary<string, Tensor> forward(GraphTensors graph)
    {
        var shared = input.call(graph).Select(x => nn.functional.dropout(x, _dropout, training)).ToArray();
        var streams = Tasks.Select(_ => shared).ToArray();
        foreach (var level in levels)
        {
            var (next, nextShared) = level.Forward(graph, streams, shared, _gates);
            streams = next;
            shared = nextShared ?? shared;
        }
        return heads.call(graph, streams);
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> SharedParameters() =>
        ParametersExcept(["heads", .. levels[^1].ExclusivePaths().Select(p => $"levels.{levels.Count - 1}.{p}")]);
}

/// <summary>
/// Options of <see cref="Mmoe"/> (<c>architecture: {name: mmoe, shared_experts: 3, task_experts: 3, levels: 3}</c>).
/// Defaults are InLINE's multi-level MMoE baseline on DBLP (3 shared + 3 per task, 3 levels).
/// </summary>
public record MmoeOptions : GatedArchitectureOptions
{
    /// <summary>Experts shared by all tasks, per level.</summary>
    public int SharedExperts { get; init; } = 3;

    /// <summary>Experts of each task, per level.</summary>
    public int TaskExperts { get; init; } = 3;

    /// <inheritdoc/>
    public override MultiTaskModel Create(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks) =>
        new Mmoe(name, metadata, backbone, tasks, this);

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var e in base.Validate()) yield return e;
        if (SharedExperts < 0) yield return (nameof(SharedExperts), $"expected 0 or more experts (got {SharedExperts})");
        if (TaskExperts < 0) yield return (nameof(TaskExperts), $"expected 0 or more experts (got {TaskExperts})");
        if (SharedExperts + TaskExperts < 1) yield return (nameof(SharedExperts), "expected at least one expert per level (got none shared and none per task)");
    }
}
