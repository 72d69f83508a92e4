namespace GraphMtl.Graphs;

/// <summary>
/// A relation's schema: edges go from nodes of type <see cref="Src"/> to nodes of type <see cref="Dst"/>.
/// <see cref="ToString"/> gives <c>src__rel__dst</c>, the key used for per-relation parameters (as in PyG's HGT).
/// </summary>
public readonly record struct EdgeType(string Src, string Rel, string Dst)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Src}__{Rel}__{Dst}";

    /// <summary>The schema of the reverse relation, named <c>rev_rel</c> (or <c>rel</c> without the prefix when reversing a reverse).</summary>
    public EdgeType Reverse() => new(Dst, Rel.StartsWith("rev_", StringComparison.Ordinal) ? Rel[4..] : "rev_" + Rel, Src);
}
