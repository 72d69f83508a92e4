namespace GraphMtl.Backbones;

/// <summary>
/// State handed from one layer of a <see cref="LayerStack"/> to the next during a single forward pass. A new carry is
/// made per pass, so nothing outlives the pass's dispose scope.
/// </summary>
public sealed class LayerCarry
{
    /// <summary>
    /// The previous layer's attention over the flattened edges (<c>[E, H]</c>, detached), for Simple-HGN's edge
    /// residual; null before the first attention layer.
    /// </summary>
    public Tensor? Attention { get; set; }
}
