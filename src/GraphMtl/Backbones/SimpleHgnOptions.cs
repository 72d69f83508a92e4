using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// Simple-HGN options (Lv et al., "Are we really making much progress? Revisiting, benchmarking, and refining
/// heterogeneous graph neural networks", KDD 2021, arXiv 2112.14936). Defaults follow the HGB reference recipe
/// (<c>run_new.py</c>): 8 heads of width 64, LeakyReLU slope 0.05, edge-type embeddings of size 64, edge residual
/// β = 0.05, dropout 0.5 on features and attention, node residual from the second layer on, ELU, L2-normalised output.
/// </summary>
/// <remarks>
/// <see cref="BackboneOptions.Hidden"/> is the width <b>per head</b> (HGB's <c>num_hidden</c>): every layer outputs
/// <c>Heads × Hidden</c> (heads concatenated), the input projection outputs <c>Hidden</c>. The first layer never has a
/// node residual (as in HGB and InLINE). HGB's attention output layer is not part of the stack: it is the task head
/// of kind <c>layer</c> (<see cref="CreateOutputLayer"/>), with L2-normalised logits and <see cref="L2NormOutput"/>
/// off; docs/backbones.md §3.1 maps HGB's model onto these options and lists the other deviations.
/// </remarks>
public sealed record SimpleHgnOptions : BackboneOptions
{
    /// <summary>Attention heads per layer (concatenated).</summary>
    public int Heads { get; init; } = 8;

    /// <summary>Negative slope of the LeakyReLU on attention logits (HGB 0.05; GAT and InLINE 0.2).</summary>
    public double NegativeSlope { get; init; } = 0.05;

    /// <summary>Size of the learnable edge-type (relation) embeddings in the attention.</summary>
    public int EdgeDim { get; init; } = 64;

    /// <summary>Edge residual β: attention = (1 − β)·softmax + β·(previous layer's attention); 0 disables it.</summary>
    public double EdgeResidual { get; init; } = 0.05;

    /// <summary>Dropout on the normalised attention weights (HGB's <c>attn_drop</c>).</summary>
    public double AttentionDropout { get; init; } = 0.5;

    /// <summary>Dropout on the attention logits before the softmax (InLINE's variant); 0 in HGB.</summary>
    public double LogitDropout { get; init; }

    /// <summary>
    /// Dropout inside the layer on the features being projected (centre and neighbours); the node residual reads the
    /// undropped input (InLINE's variant). 0 by default: the stack's <see cref="BackboneOptions.Dropout"/> before each
    /// layer plays HGB's <c>feat_drop</c>, whose residual sees the dropped input.
    /// </summary>
    public double FeatureDropout { get; init; }

    /// <summary>Node residual of the layers after the first.</summary>
    public NodeResidual Residual { get; init; } = NodeResidual.Auto;

    /// <summary>
    /// One projection W_t per node type, neighbours projected with the centre (destination) type's matrix (InLINE);
    /// false = one W shared by all types (HGB).
    /// </summary>
    public bool PerTypeWeights { get; init; }

    /// <summary>A learnable output bias per layer (HGB's <c>bias</c>, off in the reference runs).</summary>
    public bool Bias { get; init; }

    /// <summary>
    /// Divide every output row by its L2 norm (HGB normalises its final logits). Here the backbone's final
    /// representation is normalised, after the last activation and dropout, and the task heads read unit vectors.
    /// </summary>
    public bool L2NormOutput { get; init; } = true;

    /// <summary>Joint softmax over all incoming edges (Simple-HGN) or per-relation softmax with relation attention (InLINE's split mode).</summary>
    public AttentionMode Mode { get; init; } = AttentionMode.Joint;

    /// <summary>Parameter initialisation: HGB's (Xavier-normal, gain √2; E ~ N(0, 1)) or InLINE's (Xavier-uniform).</summary>
    public SimpleHgnInit Init { get; init; } = SimpleHgnInit.Hgb;

    /// <summary>Softmax stabilisation (see <see cref="Nn.SoftmaxShift"/>).</summary>
    public SoftmaxShift SoftmaxShift { get; init; } = SoftmaxShift.Auto;

    /// <summary>Message-passing kernel (see <see cref="MessageKernel"/>).</summary>
    public MessageKernel Kernel { get; init; } = MessageKernel.Blocked;

    /// <summary>Width of every layer's output: <c>Heads × Hidden</c>.</summary>
    public int OutDim => Heads * Hidden;

    /// <inheritdoc/>
    public override HeteroBackbone Create(string name, GraphMetadata metadata) =>
        new LayerStack(name, metadata, this,
            Enumerable.Range(0, Layers).Select(l => CreateLayer($"{name}.layer{l}", metadata, l == 0 ? Hidden : OutDim, l)).ToList(),
            activation: Activation, l2NormalizeOutput: L2NormOutput);

    /// <inheritdoc/>
    public override HeteroConv CreateLayer(string name, GraphMetadata metadata, int inDim, int index) =>
        new SimpleHgnConv(name, metadata, inDim, Hidden, this, index == 0 ? NodeResidual.None : Residual);

    /// <summary>ELU, as HGB and InLINE.</summary>
    public override Tensor Activation(Tensor x) => nn.functional.elu(x, 1.0);

    /// <summary>
    /// HGB's and InLINE's output layer: one head, joint softmax (never split), the node residual of the later layers
    /// (<see cref="Residual"/>); no activation is applied by the caller.
    /// </summary>
    public override HeteroConv CreateOutputLayer(string name, GraphMetadata metadata, int inDim, int outDim) =>
        new SimpleHgnConv(name, metadata, inDim, outDim, this with { Heads = 1, Mode = AttentionMode.Joint }, Residual);

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var e in base.Validate()) yield return e;
        if (Heads < 1) yield return (nameof(Heads), $"expected at least one head (got {Heads})");
        if (EdgeDim < 1) yield return (nameof(EdgeDim), $"expected a positive edge embedding size (got {EdgeDim})");
        if (NegativeSlope < 0) yield return (nameof(NegativeSlope), $"expected a slope ≥ 0 (got {NegativeSlope})");
        if (EdgeResidual is < 0 or > 1) yield return (nameof(EdgeResidual), $"expected β in [0, 1] (got {EdgeResidual})");
        if (AttentionDropout is < 0 or >= 1) yield return (nameof(AttentionDropout), $"expected a probability in [0, 1) (got {AttentionDropout})");
        if (LogitDropout is < 0 or >= 1) yield return (nameof(LogitDropout), $"expected a probability in [0, 1) (got {LogitDropout})");
        if (FeatureDropout is < 0 or >= 1) yield return (nameof(FeatureDropout), $"expected a probability in [0, 1) (got {FeatureDropout})");
    }
}

/// <summary>A layer's node residual (skip connection from its input).</summary>
public enum NodeResidual
{
    /// <summary>No residual.</summary>
    None,

    /// <summary>Identity when input and output widths agree, else a bias-free linear map (HGB's <c>res_fc</c>).</summary>
    Auto,

    /// <summary>Always a linear map with bias (InLINE's <c>Res</c>).</summary>
    Linear,

    /// <summary>
    /// Always a bias-free linear map, initialised as <see cref="Auto"/>'s: what HGB's own rule builds for every
    /// multi-head layer (HGB compares the input width with the <b>per-head</b> width, so a layer reading the
    /// concatenated heads of the previous one gets a <c>res_fc</c> where <see cref="Auto"/> would add the identity).
    /// </summary>
    Projection,
}

/// <summary>How an attention layer normalises over a node's incoming edges.</summary>
public enum AttentionMode
{
    /// <summary>One softmax over all incoming edges of every relation.</summary>
    Joint,

    /// <summary>
    /// One softmax per incoming relation, giving per-relation aggregates that a relation attention (or an
    /// InLINE-style gate) combines.
    /// </summary>
    Split,
}

/// <summary>How a Simple-HGN layer initialises its parameters.</summary>
public enum SimpleHgnInit
{
    /// <summary>HGB's <c>reset_parameters</c>: W, W_e, attention vectors and the <c>auto</c> residual Xavier-normal with gain √2; E ~ N(0, 1).</summary>
    Hgb,

    /// <summary>InLINE's: W_t, W_e, E and the attention vectors Xavier-uniform with gain 1 (fans 1 + length for a vector).</summary>
    Inline,
}
