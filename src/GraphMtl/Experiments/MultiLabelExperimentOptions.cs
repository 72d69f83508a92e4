using GraphMtl.Backbones;
using GraphMtl.Backbones.Molecular;
using GraphMtl.Data.MultiLabel;
using GraphMtl.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Experiments;

/// <summary>
/// Example-level multi-label learning (<c>experiment: multilabel</c>): examples × T binary tasks with missing labels,
/// from a MoleculeNet CSV (molecules) or MULAN ARFF files (feature rows). Sections: <c>dataset</c> (file, cleaning,
/// split), <c>encoder</c> (mpnn, gin, mlp), <c>head</c> (direct, concat, metalink), <c>setting</c> (reveal p, meta),
/// <c>weighting</c>, <c>loss</c>, <c>batch_size</c> and <c>train</c>. Set <c>train.selection.metric: roc_auc</c>
/// (the configs shipped do): the trainer's default selection metric is <c>macro_f1</c>.
/// </summary>
public sealed record MultiLabelExperimentOptions : ExperimentOptions
{
    /// <summary>The examples × tasks table, its cleaning and its split.</summary>
    public MultiLabelDatasetOptions Dataset { get; init; } = new();

    /// <summary>The example encoder (<c>encoder.name</c>: mpnn, gin, mlp).</summary>
    public EncoderOptions Encoder { get; init; } = new MpnnEncoderOptions();

    /// <summary>The task head (<c>head.name</c>: direct, concat, metalink).</summary>
    public HeadOptions Head { get; init; } = new MetaLinkHeadOptions();

    /// <summary>The relational/meta setting, applied to every head.</summary>
    public RelationalSettingOptions Setting { get; init; } = new();

    /// <summary>How the per-task losses are combined.</summary>
    public WeightingOptions Weighting { get; init; } = new EqualWeightingOptions();

    /// <summary>How the BCE over hidden pairs is split into per-task losses.</summary>
    public MultiLabelLossOptions Loss { get; init; } = new();

    /// <summary>Examples per batch (a MetaLink step pairs a support batch with a query batch).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>The model and episode settings as one record.</summary>
    public MultiLabelSpec Spec => new(Encoder, Head, Setting, Weighting, Loss, Dataset.Split, BatchSize);

    /// <inheritdoc/>
    public override IExperiment Prepare(ExperimentContext context)
    {
        Devices.Parse(Train.Device);
        var data = MultiLabelDataLoader.Load(Dataset, context.DataRoot.Resolve, out var skipped);
        Encoder.CheckInputs(data.Inputs);
        if (Dataset.Split.Kind == MultiLabelSplitKind.Scaffold && data.ScaffoldKeys is null)
            throw new GraphMtlException($"dataset.split.kind: a scaffold split needs molecules (got {data.Inputs.Kind}); use random or random_filtered");
        var setting = Setting.Resolve(data.TaskNames);
        Weighting.Create(data.TaskNames);
        if (Head is IMultiLabelScheme scheme)
            return new MultiLabelExperiment(data, skipped, Spec with { Head = scheme.Prepare(data, Spec, context.DataRoot.Resolve) }, Train, Dataset.SmilesColumn);
        // Build once so that impossible settings fail before any output.
        using (MultiLabelRunner.Build(data, Spec, setting, Enumerable.Range(0, data.Count).ToList())) { }
        return new MultiLabelExperiment(data, skipped, Spec, Train, Dataset.SmilesColumn);
    }

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        if (BatchSize < 2) yield return (nameof(BatchSize), $"expected at least 2 examples per batch (got {BatchSize})");
    }
}
