using GraphMtl.Configuration;
using GraphMtl.Graphs;

namespace GraphMtl.Data.Manifest;

/// <summary>A node-level task: which nodes, what kind, where the labels come from and how they are split.</summary>
public sealed record ManifestTask : IValidatableOptions
{
    /// <summary>The task's name, unique in the dataset.</summary>
    public string Name { get; init; } = "";

    /// <summary>The node type the task predicts on.</summary>
    public string NodeType { get; init; } = "";

    /// <summary><c>multiclass</c> (default), <c>multilabel</c> or <c>binary</c>.</summary>
    public TaskKind Kind { get; init; } = TaskKind.MultiClass;

    /// <summary>Where the labels come from.</summary>
    public ManifestLabels Labels { get; init; } = new();

    /// <summary>Number of classes; default: the class names' count, else max label + 1 (2 for binary).</summary>
    public int? NumClasses { get; init; }

    /// <summary>Optional class names, one per class.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>The train / validation / test split.</summary>
    public ManifestSplit Split { get; init; } = new();

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "expected a task name (got none)");
        if (string.IsNullOrWhiteSpace(NodeType)) yield return (nameof(NodeType), "expected the task's node type (got none)");
        if (NumClasses is < 1) yield return (nameof(NumClasses), $"expected at least one class (got {NumClasses})");
        if (Kind == TaskKind.Binary && NumClasses is not (null or 2))
            yield return (nameof(NumClasses), $"expected 2 classes for a binary task (got {NumClasses})");
        if (ClassNames is not null && NumClasses is int n && ClassNames.Count != n)
            yield return (nameof(ClassNames), $"expected {n} class names (got {ClassNames.Count})");
    }
}

/// <summary>
/// Labels of a task, from files, derived from a relation or taken from feature columns. Missing labels (<c>-1</c> or an empty field) leave the
/// node unlabelled; multi-label rows list class ids separated by commas.
/// </summary>
public sealed record ManifestLabels : IValidatableOptions
{
    /// <summary>One label file or a list of them (merged; a node labelled twice must get the same label).</summary>
    public IReadOnlyList<string>? File { get; init; }

    /// <summary>
    /// <c>list</c>: one label per line in node order; <c>pairs</c>: <c>id&lt;TAB&gt;label</c>; <c>hgb</c>:
    /// <c>id&lt;TAB&gt;name&lt;TAB&gt;type&lt;TAB&gt;labels</c>; <c>auto</c> (default): by the first line's field count (1, 2 or 4).
    /// </summary>
    public LabelFormat Format { get; init; }

    /// <summary>How <c>pairs</c> and <c>hgb</c> files number nodes: <c>local</c> (default) or <c>global</c>.</summary>
    public IdSpace Ids { get; init; }

    /// <summary>
    /// Derive the labels from a relation (<c>name</c> or <c>src__name__dst</c>) leaving the task's node type: the label
    /// of a node is the local id of its destination; nodes without an edge are unlabelled.
    /// </summary>
    public string? FromRelation { get; init; }

    /// <summary>Take multi-label targets from feature columns of the task's node type, removing those columns from the inputs.</summary>
    public ManifestFeatureLabels? FromFeatures { get; init; }

    /// <summary>With <see cref="FromRelation"/>, a node with several edges: <c>error</c> (default) or <c>first</c> (first in file order).</summary>
    public MultipleEdges Multiple { get; init; }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        var given = new[] { ("file", File is { Count: > 0 }), ("from_relation", FromRelation is not null), ("from_features", FromFeatures is not null) }
            .Where(s => s.Item2).Select(s => s.Item1).ToList();
        if (given.Count != 1)
            yield return (nameof(File), "expected one of file, from_relation or from_features (got " + (given.Count == 0 ? "none" : string.Join(" and ", given)) + ")");
    }
}

/// <summary>Format of a label file.</summary>
public enum LabelFormat
{
    /// <summary>By the first data line's field count: 1 list, 2 pairs, 4 hgb.</summary>
    Auto,
    /// <summary>One label per line, line <i>i</i> for node <i>i</i>.</summary>
    List,
    /// <summary><c>id&lt;TAB&gt;label</c>.</summary>
    Pairs,
    /// <summary>HGB's <c>id&lt;TAB&gt;name&lt;TAB&gt;type&lt;TAB&gt;labels</c>.</summary>
    Hgb,
}

/// <summary>What to do when a node has several edges in a relation that labels are derived from.</summary>
public enum MultipleEdges
{
    /// <summary>Fail, naming the node.</summary>
    Error,
    /// <summary>Take the first edge in file order.</summary>
    First,
}
