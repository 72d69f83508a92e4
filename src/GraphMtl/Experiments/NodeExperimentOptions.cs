using GraphMtl.Backbones;
using GraphMtl.Data;
using GraphMtl.MultiTask;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Experiments;

/// <summary>
/// Node-level tasks on a heterogeneous graph (<c>experiment: node</c>, the default): sections <c>dataset</c>,
/// <c>model</c> (the backbone), <c>architecture</c>, <c>weighting</c>, <c>loss</c> and <c>train</c>.
/// </summary>
public sealed record NodeExperimentOptions : ExperimentOptions
{
    /// <summary>Which graph and tasks, and the transforms applied after loading.</summary>
    public DatasetOptions Dataset { get; init; } = new();

    /// <summary>The backbone (<c>model.name</c>: mlp, rgcn, …).</summary>
    public BackboneOptions Model { get; init; } = new RgcnOptions();

    /// <summary>How tasks share the model.</summary>
    public ArchitectureOptions Architecture { get; init; } = new SharedBottomOptions();

    /// <summary>How task losses are combined.</summary>
    public WeightingOptions Weighting { get; init; } = new EqualWeightingOptions();

    /// <summary>Task losses.</summary>
    public LossOptions Loss { get; init; } = new();

    /// <inheritdoc/>
    public override ExperimentOptions WithResolvedPaths(ExperimentContext context)
    {
        var source = DatasetLoader.Resolve(Dataset.Spec, context.DataRoot, context.ConfigDirectory);
        var dataset = source.Kind switch
        {
            DatasetSourceKind.Manifest or DatasetSourceKind.Hgb => Dataset with { Spec = Path.GetFullPath(source.Location) },
            DatasetSourceKind.BuiltInManifest => Dataset with { Spec = source.Location },
            // synthetic:key=value options move into dataset.synthetic, so the saved config lists every generator setting
            _ => Dataset with { Spec = DatasetLoader.SyntheticSpec, Synthetic = DatasetLoader.ParseSyntheticSpec(Dataset.Spec, Dataset.Synthetic) },
        };
        return this with { Dataset = dataset };
    }

    /// <inheritdoc/>
    public override IExperiment Prepare(ExperimentContext context)
    {
        var graph = DatasetLoader.Load(Dataset, context.DataRoot, context.ConfigDirectory);
        if (graph.Tasks.Count == 0) throw new GraphMtlException($"Dataset '{graph.Name}' has no tasks to train.");
        Devices.Parse(Train.Device);
        var spec = new ModelSpec(Model, Architecture, Weighting, Loss);
        var metadata = graph.Metadata;
        // Build once so that bad combinations (unknown task weights, impossible layer settings) fail before any output.
        spec.Weighting.Create(metadata.Tasks.Select(t => t.Name).ToList());
        using (spec.Architecture.Create("check", metadata, spec.Backbone, metadata.Tasks)) { }
        // HGB data keeps HGB's global id space (types contiguous, in order) unless node types were dropped.
        bool hgbIds = DatasetLoader.Resolve(Dataset.Spec, context.DataRoot, context.ConfigDirectory).Kind == DatasetSourceKind.Hgb
                      && Dataset.DropNodeTypes.Count == 0;
        return new NodeClassificationExperiment(graph, spec, Train, hgbIds);
    }
}
