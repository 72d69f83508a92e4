using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// HGT options (Hu et al., "Heterogeneous Graph Transformer", WWW 2020, arXiv 2003.01332).
/// <see cref="BackboneOptions.Hidden"/> is the total width, split evenly over <see cref="Heads"/> (as in the reference
/// code and PyG's <c>HGTConv</c>). Layers are stacked without an extra activation (the layer applies GELU before its
/// target-specific output map), with the stack's dropout between layers.
/// </summary>
public sealed record HgtOptions : BackboneOptions
{
    /// <summary>Attention heads; must divide <see cref="BackboneOptions.Hidden"/>.</summary>
    public int Heads { get; init; } = 8;

    /// <summary>Layer normalisation per node type after the gated skip (the reference code's <c>use_norm</c>; PyG has none).</summary>
    public bool LayerNorm { get; init; }

    /// <summary>Dropout on the normalised attention weights (0 in the reference code and PyG).</summary>
    public double AttentionDropout { get; init; }

    /// <summary>Softmax stabilisation (see <see cref="Nn.SoftmaxShift"/>).</summary>
    public SoftmaxShift SoftmaxShift { get; init; } = SoftmaxShift.Auto;

    /// <summary>Message-passing kernel (see <see cref="MessageKernel"/>).</summary>
    public MessageKernel Kernel { get; init; } = MessageKernel.Blocked;

    /// <inheritdoc/>
    public override HeteroBackbone Create(string name, GraphMetadata metadata) =>
        new LayerStack(name, metadata, this,
            Enumerable.Range(0, Layers).Select(l => CreateLayer($"{name}.layer{l}", metadata, Hidden, l)).ToList(),
            activation: Activation);

    /// <inheritdoc/>
    public override HeteroConv CreateLayer(string name, GraphMetadata metadata, int inDim, int index) =>
        new HgtConv(name, metadata, inDim, Hidden, this);

    /// <summary>None: the layer applies GELU before its output map, and the reference stacks layers without another.</summary>
    public override Tensor Activation(Tensor x) => x.alias();

    /// <summary>One head of width <paramref name="outDim"/> (class counts need not divide by <see cref="Heads"/>).</summary>
    public override HeteroConv CreateOutputLayer(string name, GraphMetadata metadata, int inDim, int outDim) =>
        new HgtConv(name, metadata, inDim, outDim, this with { Heads = 1 });

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var e in base.Validate()) yield return e;
        if (Heads < 1) yield return (nameof(Heads), $"expected at least one head (got {Heads})");
        else if (Hidden % Heads != 0) yield return (nameof(Heads), $"expected a divisor of hidden = {Hidden} (got {Heads})");
        if (AttentionDropout is < 0 or >= 1) yield return (nameof(AttentionDropout), $"expected a probability in [0, 1) (got {AttentionDropout})");
    }
}
