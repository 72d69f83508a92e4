using GraphMtl.Graphs;

namespace GraphMtl.Backbones;

/// <summary>R-GCN options: relation weights (optionally a basis decomposition), mean aggregation, self-connection.</summary>
public sealed record RgcnOptions : BackboneOptions
{
    /// <summary>Number of bases for the basis decomposition W_r = Σ_b a_rb V_b; 0 = a full matrix per relation.</summary>
    public int Bases { get; init; }

    /// <summary>
    /// Use the fused evaluation (one product per source type, one block sparse product) instead of one per relation;
    /// same result. Off by default: on CPU the per-relation order, which aggregates before transforming where that
    /// touches fewer rows, measured faster (docs/backbones.md).
    /// </summary>
    public bool Fused { get; init; }

    /// <inheritdoc/>
    public override HeteroBackbone Create(string name, GraphMetadata metadata) =>
        new LayerStack(name, metadata, this, Enumerable.Range(0, Layers)
            .Select(l => CreateLayer($"{name}.layer{l}", metadata, Hidden, l)).ToList());

    /// <inheritdoc/>
    public override HeteroConv CreateLayer(string name, GraphMetadata metadata, int inDim, int index) =>
        new RgcnConv(name, metadata, inDim, Hidden, Bases, Fused);

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var e in base.Validate()) yield return e;
        if (Bases < 0) yield return (nameof(Bases), $"expected 0 (no decomposition) or a positive number of bases (got {Bases})");
    }
}
