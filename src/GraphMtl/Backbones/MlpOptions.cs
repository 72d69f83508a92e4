using GraphMtl.Graphs;

namespace GraphMtl.Backbones;

/// <summary>Per-node-type MLP: no message passing, so it shows what the features alone achieve.</summary>
public sealed record MlpOptions : BackboneOptions
{
    /// <inheritdoc/>
    public override HeteroBackbone Create(string name, GraphMetadata metadata) =>
        new LayerStack(name, metadata, this, Enumerable.Range(0, Layers - 1)
            .Select(l => (HeteroConv)new TypeLinear($"{name}.layer{l}", metadata, Hidden, Hidden)).ToList());
}
