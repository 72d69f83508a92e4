using GraphMtl.Backbones;
using GraphMtl.Data.MultiLabel;
using GraphMtl.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Reports;
using GraphMtl.TaskGraphs.Training;
using GraphMtl.Training;

namespace GraphMtl.TaskGraphs;

/// <summary>
/// The heads that share knowledge along a task-relation graph (SGNN, SGNN-EBM, GCNet; config <c>head: {name: …}</c> of
/// the <c>multilabel</c> experiment). They train in stages with their own objectives (<see cref="IMultiLabelScheme"/>),
/// each stage with its own example encoder (from the <c>encoder</c> section) and task embeddings. Every observed label
/// is a training target. At evaluation, <c>setting.reveal</c> p &gt; 0 reveals each observed label with probability p
/// (the same pairs as a single-model head's run): the energy stages clamp them in their Gibbs chains, the BCE stages
/// ignore them, and only hidden labels are scored. <c>setting.meta</c> must be false.
/// </summary>
public abstract record TaskGraphHeadOptions : HeadOptions, IMultiLabelScheme
{
    /// <summary>The heuristic task-relation graph.</summary>
    public TaskGraphSourceOptions TaskGraph { get; init; } = new();

    /// <summary>d_task, the width of the task representations (reference 50 or 100).</summary>
    public int TaskDim { get; init; } = 50;

    /// <summary>Dropout in the task GCN (reference 0.2).</summary>
    public double TaskDropout { get; init; } = 0.2;

    /// <summary>Hidden widths of the node/pair state-input MLPs (reference [1024, 512]).</summary>
    public IReadOnlyList<int> StateHidden { get; init; } = [256, 128];

    /// <summary>Dropout of the state-input MLPs (reference 0.1).</summary>
    public double StateDropout { get; init; } = 0.1;

    /// <summary>State GNN layers including the input (reference 3).</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Link-prediction pre-training of each stage's task embeddings.</summary>
    public TaskPretrainOptions Pretrain { get; init; } = new();

    /// <summary>MTL pre-training of the first stage's example encoder.</summary>
    public EncoderPretrainOptions EncoderPretrain { get; init; } = new();

    /// <summary>
    /// Adds a per-task linear term on g(x) to every stage's logits (energy stages: to the positive state's node
    /// potential). Not in the reference (default off). The first stage's term starts from the encoder warm-up's linear
    /// head when there is a warm-up; a later stage's from the previous stage's, with the encoder.
    /// </summary>
    public bool DirectTerm { get; init; }

    /// <summary>Relative threshold r of the structural Hamming distance (edges with |score| ≥ r · max |score|).</summary>
    public double ShdThreshold { get; init; } = StructureMetrics.DefaultRelativeThreshold;

    /// <summary>The link pre-training positives this method uses by default.</summary>
    internal virtual LinkPositives DefaultPositives => LinkPositives.Graph;

    internal StateSettings Settings => new(TaskDim, TaskDropout, StateHidden, StateDropout, Layers, DirectTerm);

    /// <summary>Task-graph heads are trained by their own scheme; there is no single-model head to create.</summary>
    public override MultiLabelHead Create(string name, int embeddingDim, int taskCount, RelationalSetting setting) =>
        throw new InvalidOperationException($"{GetType().Name} trains by its own scheme (IMultiLabelScheme); it has no MultiLabelHead.");

    /// <summary>Builds the method's model for one run: its stages, in training order.</summary>
    internal abstract TaskGraphModel Build(MultiLabelDataset data, EncoderOptions encoder, IReadOnlyList<int> trainRows, TaskGraphTensors graph);

    /// <inheritdoc/>
    public HeadOptions Prepare(MultiLabelDataset data, MultiLabelSpec spec, Func<string, string> resolve)
    {
        if (spec.Setting.Meta)
            throw new GraphMtlException($"setting.meta: the {HeadRegistry.Instance.NameOf(GetType())} head learns every task's potentials from its labels (expected meta: false; revealed labels, setting.reveal, are supported)");
        if (data.TaskCount < 2) throw new GraphMtlException($"head: a task graph needs at least 2 tasks (the dataset has {data.TaskCount})");
        var resolved = TaskGraph.Source == TaskGraphSource.File ? this with { TaskGraph = TaskGraph with { Path = resolve(TaskGraph.Path!) } } : this;
        var split = MultiLabelDataLoader.Split(data, spec.Split, 0);
        var graph = resolved.TaskGraph.Build(data, split.Train); // file and dataset errors surface now
        if (graph.EdgeCount == 0)
            throw new GraphMtlException($"head.task_graph: the graph ({resolved.TaskGraph.Describe()}) has no edges on {data.Name}; lower the threshold or use top_k");
        return resolved;
    }

    /// <inheritdoc/>
    public ExperimentResult Run(MultiLabelDataset data, IExampleStore store, MultiLabelSpec spec, TrainOptions train, IReadOnlyList<ITrainingCallback> callbacks, RunFolder? folder) =>
        TaskGraphRunner.Run(this, data, store, spec, train, callbacks, folder);

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        if (TaskDim < 1) yield return (nameof(TaskDim), $"expected a positive width (got {TaskDim})");
        if (TaskDropout is < 0 or >= 1) yield return (nameof(TaskDropout), $"expected a probability in [0, 1) (got {TaskDropout})");
        if (StateHidden.Any(h => h < 1)) yield return (nameof(StateHidden), "expected positive widths");
        if (StateDropout is < 0 or >= 1) yield return (nameof(StateDropout), $"expected a probability in [0, 1) (got {StateDropout})");
        if (Layers < 1) yield return (nameof(Layers), $"expected at least the input layer (got {Layers})");
        if (ShdThreshold is <= 0 or > 1) yield return (nameof(ShdThreshold), $"expected a relative threshold in (0, 1] (got {ShdThreshold})");
    }
}

/// <summary>SGNN (<c>head: {name: sgnn}</c>): the latent-space structured model, trained with masked BCE (gcnet.md §3.2).</summary>
public sealed record SgnnHeadOptions : TaskGraphHeadOptions
{
    /// <summary>The SGNN stage.</summary>
    public SgnnStageOptions Sgnn { get; init; } = new();

    internal override TaskGraphModel Build(MultiLabelDataset data, EncoderOptions encoder, IReadOnlyList<int> trainRows, TaskGraphTensors graph) =>
        new SgnnModel(new SgnnNetwork("sgnn", encoder.Create("encoder", data.Inputs, trainRows), graph, Settings, Sgnn.StateDim), Sgnn);
}

/// <summary>
/// SGNN-EBM (<c>head: {name: sgnn-ebm}</c>): SGNN first (masked BCE), then the energy-based model trained by NCE with
/// tilted Gibbs noise started from SGNN's predictions; predictions by tilted Gibbs sampling (gcnet.md §3.3).
/// </summary>
public sealed record SgnnEbmHeadOptions : TaskGraphHeadOptions
{
    /// <summary>The SGNN stage.</summary>
    public SgnnStageOptions Sgnn { get; init; } = new();

    /// <summary>The energy-based stage.</summary>
    public SgnnEbmStageOptions Ebm { get; init; } = new();

    internal override TaskGraphModel Build(MultiLabelDataset data, EncoderOptions encoder, IReadOnlyList<int> trainRows, TaskGraphTensors graph) =>
        new SgnnEbmModel(
            new SgnnNetwork("sgnn", encoder.Create("encoder", data.Inputs, trainRows), graph, Settings, Sgnn.StateDim), Sgnn,
            new SgnnEbmNetwork("ebm", encoder.Create("encoder", data.Inputs, trainRows), graph, Settings, Ebm), Ebm);
}

/// <summary>
/// GCNet (<c>head: {name: gcnet}</c>): stage 1 learns the structure prior with causal/trivial edge attention; stage 2
/// trains the causal EBM whose task adjacency starts from that prior, with intervention contrastive estimation, the
/// SCM reconstruction and the acyclicity penalty; predictions by Gibbs sampling (gcnet.md §4).
/// </summary>
public sealed record GcNetHeadOptions : TaskGraphHeadOptions
{
    /// <summary>Stage 1, the feature-level generator.</summary>
    public GcNetFeatureStageOptions Stage1 { get; init; } = new();

    /// <summary>Stage 2, the output-level causal EBM.</summary>
    public GcNetOutputStageOptions Stage2 { get; init; } = new();

    internal override LinkPositives DefaultPositives => LinkPositives.AllPairs;

    internal override TaskGraphModel Build(MultiLabelDataset data, EncoderOptions encoder, IReadOnlyList<int> trainRows, TaskGraphTensors graph) =>
        new GcNetModel(
            new GcNetFeatureNetwork("stage1", encoder.Create("encoder", data.Inputs, trainRows), graph, Settings, Stage1), Stage1,
            new GcNetOutputNetwork("stage2", encoder.Create("encoder", data.Inputs, trainRows), graph, Settings, Stage2), Stage2);
}
