namespace GraphMtl.Graphs;

/// <summary>
/// The edges of one relation, as local node ids of the source and destination types (COO, one entry per edge).
/// Edges are directed <c>Src[e] → Dst[e]</c>; messages flow along that direction (destinations aggregate).
/// </summary>
public sealed class Relation
{
    /// <summary>The relation's schema.</summary>
    public EdgeType Type { get; }

    /// <summary>Local ids of the source nodes, one per edge.</summary>
    public int[] Src { get; }

    /// <summary>Local ids of the destination nodes, one per edge.</summary>
    public int[] Dst { get; }

    /// <summary>Whether the relation was read, reversed or added as self-loops.</summary>
    public RelationKind Kind { get; }

    /// <summary>Number of edges.</summary>
    public int EdgeCount => Src.Length;

    /// <summary>Creates a relation; <paramref name="src"/> and <paramref name="dst"/> must have equal length.</summary>
    public Relation(EdgeType type, int[] src, int[] dst, RelationKind kind = RelationKind.Original)
    {
        if (src.Length != dst.Length)
            throw new ArgumentException($"Relation {type}: expected as many destinations as sources (got {src.Length} and {dst.Length}).");
        Type = type;
        Src = src;
        Dst = dst;
        Kind = kind;
    }

    /// <summary>The same edges in the opposite direction, with the reversed schema.</summary>
    public Relation Reversed(RelationKind kind = RelationKind.Reverse) => new(Type.Reverse(), Dst, Src, kind);

    /// <inheritdoc/>
    public override string ToString() => $"{Type} ({EdgeCount:N0} edges, {Kind})";
}
