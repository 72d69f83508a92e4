using GraphMtl.Graphs;

namespace GraphMtl.Backbones;

/// <summary>Per-node-type MLP: no message passing, so it shows what the features alone achieve.</summary>
public sealed record MlpOptions : BackboneOptions
{
    /// <inheritdoc/>
    public override HeteroBackbone Create(string name, GraphMetadata metadata) =>
        new LayerStack(name, metadata, this, Enumerable.Range(0, Layers - 1)
            .Select(l => CreateLayer($"{name}.layer{l}", metadata, Hidden, l)).ToList());

    /// <inheritdoc/>
    public override HeteroConv CreateLayer(string name, GraphMetadata metadata, int inDim, int index) =>
        new TypeLinear(name, metadata, inDim, Hidden);
}
