using GraphMtl.Configuration;

namespace GraphMtl.Data.Manifest;

/// <summary>
/// Multi-label targets taken from feature columns of the task's node type (<c>labels.from_features</c>): label
/// <i>k</i> of a node is 1 when its value in the <i>k</i>-th chosen column is above <see cref="Threshold"/>. The chosen
/// columns are then removed from the task's node type, and from every type in <see cref="RemoveFrom"/>, so that the
/// targets are not also inputs. Every node of the type is labelled (a row without the columns is all negative).
/// </summary>
public sealed record ManifestFeatureLabels : IValidatableOptions
{
    /// <summary>Take the <i>K</i> columns with the most values above the threshold (ties: lower column first), in that order.</summary>
    public int? Top { get; init; }

    /// <summary>Or take these columns (0-based, in the feature file's numbering), in this order.</summary>
    public IReadOnlyList<int>? Columns { get; init; }

    /// <summary>A value above this is a positive label (default 0: any positive count); must be ≥ 0.</summary>
    public double Threshold { get; init; }

    /// <summary>
    /// Other node types whose features share the column space (e.g. averages of the task type's features) and must lose
    /// the chosen columns too; each must have features of the same width.
    /// </summary>
    public IReadOnlyList<string> RemoveFrom { get; init; } = [];

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        bool hasColumns = Columns is not null;
        if ((Top is not null) == hasColumns)
            yield return (nameof(Top), "expected either top or columns (got " + (hasColumns ? "both" : "neither") + ")");
        if (Top is < 1) yield return (nameof(Top), $"expected at least one column (got {Top})");
        if (Threshold < 0 || double.IsNaN(Threshold)) yield return (nameof(Threshold), $"expected a threshold ≥ 0 (got {Threshold})");
        if (Columns is { Count: 0 }) yield return (nameof(Columns), "expected at least one column (got none)");
        if (Columns?.FirstOrDefault(c => c < 0) is int negative and < 0)
            yield return (nameof(Columns), $"expected column indices ≥ 0 (got {negative})");
        if (Columns?.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice)
            yield return (nameof(Columns), $"column {twice.Key} is listed twice");
    }
}
