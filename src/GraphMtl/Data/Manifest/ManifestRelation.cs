using GraphMtl.Configuration;

namespace GraphMtl.Data.Manifest;

/// <summary>
/// A relation read from an edge file: one edge per line, source and destination ids in two TAB-separated columns
/// (more columns are allowed and ignored). Several relations may read one file with <c>ids: global</c>: each line
/// then goes to the relation whose (source, destination) types match its endpoints, so one file can hold
/// movie–director and movie–actor edges.
/// </summary>
public sealed record ManifestRelation : IValidatableOptions
{
    /// <summary>The relation's name (the middle of <c>src__name__dst</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Source node type.</summary>
    public string Src { get; init; } = "";

    /// <summary>Destination node type.</summary>
    public string Dst { get; init; } = "";

    /// <summary>The edge file, relative to the manifest's root.</summary>
    public string File { get; init; } = "";

    /// <summary>0-based [source column, destination column]; default [0, 1]. <c>[1, 0]</c> reads <c>paper&lt;TAB&gt;author</c> as author→paper.</summary>
    public IReadOnlyList<int>? Columns { get; init; }

    /// <summary>0-based source column (alternative to <see cref="Columns"/>).</summary>
    public int? SrcColumn { get; init; }

    /// <summary>0-based destination column (alternative to <see cref="Columns"/>).</summary>
    public int? DstColumn { get; init; }

    /// <summary>How the file numbers nodes: <c>local</c> (default) or <c>global</c>.</summary>
    public IdSpace Ids { get; init; }

    /// <summary>
    /// With global ids only: the file lists each edge once in either order (e.g. <c>i &lt; j</c>), so a line whose
    /// first endpoint is of the destination type is flipped. Without it such a line is an error.
    /// </summary>
    public bool Undirected { get; init; }

    /// <summary>The highest column number accepted.</summary>
    public const int MaxColumn = 255;

    /// <summary>The effective (source, destination) columns.</summary>
    internal (int Src, int Dst) ColumnPair => Columns is { Count: 2 } c ? (c[0], c[1]) : (SrcColumn ?? 0, DstColumn ?? 1);

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "expected a relation name (got none)");
        if (Name.Contains("__", StringComparison.Ordinal)) yield return (nameof(Name), $"expected a name without '__' (got '{Name}')");
        if (string.IsNullOrWhiteSpace(Src)) yield return (nameof(Src), "expected a source node type (got none)");
        if (string.IsNullOrWhiteSpace(Dst)) yield return (nameof(Dst), "expected a destination node type (got none)");
        if (string.IsNullOrWhiteSpace(File)) yield return (nameof(File), "expected an edge file (got none)");
        if (Columns is not null && Columns.Count != 2)
            yield return (nameof(Columns), $"expected two column numbers [source, destination] (got {Columns.Count})");
        else if (Columns is not null && (SrcColumn is not null || DstColumn is not null))
            yield return (nameof(Columns), "expected either columns or src_column/dst_column (got both)");
        var (s, d) = ColumnPair;
        if (s < 0 || d < 0 || s == d || s > MaxColumn || d > MaxColumn)
            yield return (Columns is null ? nameof(SrcColumn) : nameof(Columns), $"expected two different columns in 0..{MaxColumn} (got {s} and {d})");
        if (Undirected && Ids != IdSpace.Global)
            yield return (nameof(Undirected), "expected ids: global with undirected: true (only global ids tell the endpoint types apart)");
    }
}
