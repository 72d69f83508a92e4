using GraphMtl.Configuration;
using GraphMtl.MultiLabel;

namespace GraphMtl.Relational;

/// <summary>
/// MetaLink (Cao, You and Leskovec, "Relational Multi-Task Learning: Modeling Relations between Data and Tasks",
/// ICLR 2022, arXiv 2303.07666): a missing label is a link between a data node and a task node of the per-step
/// knowledge graph whose edges carry the known labels (revealed query labels and the support set's labels).
/// </summary>
/// <remarks>
/// Data nodes start from the (L2-normalised) example embeddings, task nodes from learned vectors w_t (Xavier-uniform,
/// gain √2) or, in the meta setting, a frozen identical normalise(1) for every task, so a held-out task is known only
/// through its edges. L <see cref="KgHeteroConv"/> layers update both; the logit sums the inner products of every
/// layer's input and of the final output (metalink.md §4):
/// <code>
/// logit(i, t) = Σ_{l=0}^{L} ⟨h_i^(l), h_t^(l)⟩      (L = 0: the plain dot-product head ⟨emb(x_i), w_t⟩)
/// </code>
/// Only hidden query pairs are scored; supports are never predicted.
/// </remarks>
public sealed class MetaLinkHead : MultiLabelHead
{
    private readonly Parameter? taskEmbedding; // [T, D]
    private readonly Tensor? frozenTask;       // buffer [D]
    private readonly ModuleList<KgHeteroConv> layers;

    /// <summary>Creates the head.</summary>
    public MetaLinkHead(string name, int dim, int taskCount, MetaLinkHeadOptions options, bool inductive) : base(name, taskCount)
    {
        if (inductive) frozenTask = nn.functional.normalize(ones(1, dim), p: 2, dim: 1).squeeze(0);
        else taskEmbedding = Nn.Init.Param([taskCount, dim], t => Nn.Init.Glorot(t, dim, taskCount, Backbones.EncoderInit.Gain));
        layers = nn.ModuleList(Enumerable.Range(0, options.Layers)
            .Select(l => new KgHeteroConv($"{name}.kg{l}", dim, last: l == options.Layers - 1, options.Gate, options.SelfGate, options.Hete)).ToArray());
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override bool UsesKnownLabels => true;

    /// <inheritdoc/>
    public override bool UsesSupport(EpisodePhase phase) => true;

    /// <inheritdoc/>
    public override IEnumerable<Parameter> SharedParameters() => layers.parameters();

    /// <inheritdoc/>
    public override Tensor forward(HeadInput input)
    {
        var e = input.Episode;
        var data = input.Support is { } support ? cat([input.Query, support]) : input.Query; // [B + S, D]
        if (data.shape[0] != e.DataNodeCount)
            throw new ArgumentException($"Expected {e.DataNodeCount} data embeddings for the episode (got {data.shape[0]}).", nameof(input));
        var task = taskEmbedding is not null ? taskEmbedding.alias() : frozenTask!.expand(TaskCount, frozenTask.shape[0]); // [T, D]
        var graph = KnowledgeGraph.From(e);
        var logits = Score(data, task, e);
        foreach (var layer in layers)
        {
            (data, task) = layer.call(data, task, graph);
            logits = logits + Score(data, task, e);
        }
        return logits;
    }

    private static Tensor Score(Tensor data, Tensor task, EpisodeTensors e) =>
        (data.index_select(0, e.TargetNode) * task.index_select(0, e.TargetTask)).sum(1);
}

/// <summary>Options of the MetaLink head (<c>head: {name: metalink}</c>); defaults are the released yaml's.</summary>
public sealed record MetaLinkHeadOptions : HeadOptions
{
    /// <summary>KG-GNN layers (<c>kg.layers_mp</c>); 0 is the plain dot-product ablation.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Gated messages (<c>gate_msg</c>).</summary>
    public bool Gate { get; init; } = true;

    /// <summary>Gated self term (<c>self_trans</c>).</summary>
    public bool SelfGate { get; init; } = true;

    /// <summary>Separate parameters per message and node type (<c>hete</c>).</summary>
    public bool Hete { get; init; } = true;

    /// <summary>Task-node input: <c>auto</c> (learned, frozen in the meta setting), <c>learned</c> or <c>frozen</c>.</summary>
    public TaskNodeInput TaskInput { get; init; } = TaskNodeInput.Auto;

    /// <inheritdoc/>
    public override MultiLabelHead Create(string name, int embeddingDim, int taskCount, RelationalSetting setting) =>
        new MetaLinkHead(name, embeddingDim, taskCount, this, TaskInput == TaskNodeInput.Frozen || (TaskInput == TaskNodeInput.Auto && setting.IsMeta));

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        if (Layers < 0) yield return (nameof(Layers), $"expected 0 or more KG layers (got {Layers})");
    }
}

/// <summary>What task nodes start from.</summary>
public enum TaskNodeInput
{
    /// <summary>Learned outside the meta setting, frozen in it (the reference).</summary>
    Auto,
    /// <summary>A learned vector per task (transductive).</summary>
    Learned,
    /// <summary>The same frozen normalise(1) vector for every task (inductive).</summary>
    Frozen,
}
