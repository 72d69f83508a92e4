using GraphMtl.Configuration;

namespace GraphMtl.Data.Manifest;

/// <summary>
/// A node type: its name, its count (given, or taken from the features, a node list or the global node-type file;
/// when several give it they must agree) and optional features.
/// </summary>
public sealed record ManifestNodeType : IValidatableOptions
{
    /// <summary>The type's name, unique in the dataset.</summary>
    public string Name { get; init; } = "";

    /// <summary>Number of nodes.</summary>
    public int? Count { get; init; }

    /// <summary>
    /// Feature file, one row per node: a sparse COO file (<c>*.coo.tsv</c>: a first line <c># shape R C nnz N</c>,
    /// then <c>row&lt;TAB&gt;col&lt;TAB&gt;value</c>) or a dense TSV (one line of tab-separated numbers per node);
    /// <c>.gz</c> allowed. Omitted: the type has no features (the model learns an embedding).
    /// </summary>
    public string? Features { get; init; }

    /// <summary>Feature file format: <c>auto</c> (by name: <c>.coo.tsv[.gz]</c> is COO, anything else dense), <c>coo</c> or <c>dense</c>.</summary>
    public FeatureFormat FeatureFormat { get; init; }

    /// <summary>A node list, one line per node (its content is not read), giving the count.</summary>
    public string? Nodes { get; init; }

    /// <summary>First global id of this type when the global id space is given by ranges (default: right after the previous type).</summary>
    public int? Offset { get; init; }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "expected a node type name (got none)");
        if (Count is < 0) yield return (nameof(Count), $"expected a non-negative count (got {Count})");
        if (Offset is < 0) yield return (nameof(Offset), $"expected a non-negative offset (got {Offset})");
    }
}

/// <summary>Format of a feature file.</summary>
public enum FeatureFormat
{
    /// <summary>By file name: <c>*.coo.tsv</c> or <c>*.coo.tsv.gz</c> is COO, anything else dense.</summary>
    Auto,
    /// <summary>Sparse COO with a <c># shape R C nnz N</c> header line.</summary>
    Coo,
    /// <summary>Dense: one line of tab-separated numbers per node.</summary>
    Dense,
}
