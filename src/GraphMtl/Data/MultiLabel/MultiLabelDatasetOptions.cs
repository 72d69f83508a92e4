using GraphMtl.Configuration;
using GraphMtl.Data.Molecules;

namespace GraphMtl.Data.MultiLabel;

/// <summary>File format of a multi-label dataset.</summary>
public enum MultiLabelFormat
{
    /// <summary>From the file name: <c>.arff</c> is ARFF, anything else (<c>.csv</c>, <c>.csv.gz</c>) MoleculeNet CSV.</summary>
    Auto,
    /// <summary>MoleculeNet/chemprop CSV: a SMILES column and one 0/1 column per task, empty = missing.</summary>
    Csv,
    /// <summary>MULAN dense ARFF: numeric features and 0/1 label attributes.</summary>
    Arff,
}

/// <summary>
/// Which examples × tasks table to load and how to clean and split it (config section <c>dataset:</c> of the
/// <c>multilabel</c> experiment). Paths are relative to the data root.
/// </summary>
public sealed record MultiLabelDatasetOptions : IValidatableOptions
{
    /// <summary>
    /// A generated dataset instead of a file: <c>synthetic-dag</c> (examples whose task labels follow a causal model over
    /// a known task DAG; options in <see cref="SyntheticDag"/>). Null (default) reads <see cref="Path"/>.
    /// </summary>
    public string? Spec { get; init; }

    /// <summary>Options of the <c>synthetic-dag</c> generator.</summary>
    public TaskGraphs.SyntheticDag.SyntheticDagOptions SyntheticDag { get; init; } = new();

    /// <summary>The data file, relative to the data root (e.g. <c>moleculenet/tox21.csv</c>).</summary>
    public string Path { get; init; } = "";

    /// <summary>More ARFF files with the same attributes, appended in order (e.g. MULAN's test file).</summary>
    public IReadOnlyList<string> ExtraPaths { get; init; } = [];

    /// <summary>Name in reports; default the file name without extensions.</summary>
    public string? Name { get; init; }

    /// <summary>File format; <c>auto</c> decides from the extension.</summary>
    public MultiLabelFormat Format { get; init; } = MultiLabelFormat.Auto;

    /// <summary>CSV: the SMILES column (default the first column).</summary>
    public string? SmilesColumn { get; init; }

    /// <summary>The task columns (CSV) or label attributes (ARFF) to use, in this order; default all of them.</summary>
    public IReadOnlyList<string>? Tasks { get; init; }

    /// <summary>ARFF: the MULAN label XML naming the label attributes (relative to the data root).</summary>
    public string? LabelsXml { get; init; }

    /// <summary>ARFF without <see cref="LabelsXml"/>: the last L attributes are the labels.</summary>
    public int LabelCount { get; init; }

    /// <summary>CSV: rows whose SMILES does not parse are skipped (and counted) or an error naming file:line.</summary>
    public InvalidSmilesPolicy InvalidSmiles { get; init; } = InvalidSmilesPolicy.Skip;

    /// <summary>CSV: drop molecules with at most one heavy atom or without bonds (MetaLink's cleaning).</summary>
    public bool DropTrivial { get; init; } = true;

    /// <summary>CSV: drop later rows with the same canonical molecule (MetaLink's cleaning).</summary>
    public bool DropDuplicates { get; init; } = true;

    /// <summary>How the examples are split into train, validation and test.</summary>
    public MultiLabelSplitOptions Split { get; init; } = new();

    /// <summary>The format <see cref="Format"/> resolves to for <see cref="Path"/>.</summary>
    public MultiLabelFormat ResolvedFormat => Format != MultiLabelFormat.Auto ? Format
        : Path.EndsWith(".arff", StringComparison.OrdinalIgnoreCase) ? MultiLabelFormat.Arff : MultiLabelFormat.Csv;

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Spec is not null && !MultiLabelDataLoader.IsGenerated(Spec))
            yield return (nameof(Spec), $"expected a generated dataset ({string.Join(", ", MultiLabelDataLoader.GeneratedSpecs)}) or no spec to read path (got '{Spec}')");
        if (Spec is not null) yield break;
        if (string.IsNullOrWhiteSpace(Path)) yield return (nameof(Path), "expected a data file relative to the data root (got nothing)");
        if (LabelCount < 0) yield return (nameof(LabelCount), $"expected 0 (use labels_xml) or a positive number of label attributes (got {LabelCount})");
        if (ResolvedFormat == MultiLabelFormat.Arff && LabelsXml is null && LabelCount == 0)
            yield return (nameof(LabelsXml), "expected labels_xml or label_count for an ARFF file (got neither)");
        if (ResolvedFormat == MultiLabelFormat.Csv && ExtraPaths.Count > 0)
            yield return (nameof(ExtraPaths), "expected no extra_paths for a CSV file (only ARFF files are appended)");
        if (Tasks is { Count: 0 }) yield return (nameof(Tasks), "expected at least one task name, or no tasks key for all tasks");
    }
}

/// <summary>How examples are split.</summary>
public enum MultiLabelSplitKind
{
    /// <summary>Balanced Bemis–Murcko scaffold split (chemprop; MetaLink). Molecules only.</summary>
    Scaffold,
    /// <summary>Seeded random split.</summary>
    Random,
    /// <summary>Random splits redrawn until every task has both classes in every part (SGNN-EBM/GCNet).</summary>
    RandomFiltered,
}

/// <summary>Split settings (config section <c>dataset.split:</c>).</summary>
public sealed record MultiLabelSplitOptions : IValidatableOptions
{
    /// <summary>Split kind.</summary>
    public MultiLabelSplitKind Kind { get; init; } = MultiLabelSplitKind.Scaffold;

    /// <summary>Training share.</summary>
    public double Train { get; init; } = 0.8;

    /// <summary>Validation share; the rest is test.</summary>
    public double Valid { get; init; } = 0.1;

    /// <summary>Seed of the split; null (default) uses each run's seed, so run r gets its own split as in the reference's ten splits.</summary>
    public int? Seed { get; init; }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (!(Train > 0 && Train < 1)) yield return (nameof(Train), $"expected a share in (0, 1) (got {Train})");
        if (!(Valid > 0) || Train + Valid >= 1) yield return (nameof(Valid), $"expected a positive share leaving some test examples (got {Valid} with train {Train})");
    }
}
