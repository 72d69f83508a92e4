using GraphMtl.Nn;

namespace GraphMtl.Backbones.Molecular;

/// <summary>
/// The edge-aware message-passing layer of MetaLink's molecule backbone (Cao, You and Leskovec, "Relational Multi-Task
/// Learning", ICLR 2022; GraphGym's <c>meta_link</c> branch): the sum over in-neighbours of one linear map of
/// <c>[h_v ‖ h_u ‖ e_uv]</c>, without bias.
/// </summary>
/// <remarks>
/// <code>
/// Δh_v = Σ_{u ∈ N(v)} W [h_v ‖ h_u ‖ e_uv]  =  deg(v) · W_self h_v + Σ_u (W_nbr h_u + W_edge e_uv)
/// </code>
/// with <c>W = [W_self; W_nbr; W_edge]</c> of shape <c>(2D + D_e) × D</c>, Xavier-uniform (gain √2) initialised as one
/// matrix. The split form is computed: node products first, one gather of source rows, one <c>index_add</c> into
/// targets, so no <c>[E, 2D + D_e]</c> concatenation is built. The caller adds Δh to h (residual) and applies BN → PReLU.
/// </remarks>
public sealed class MpnnConv : nn.Module<Tensor, MoleculeBatch, Tensor, Tensor>
{
    private readonly Parameter weight; // [2D + De, D]
    private readonly int _dim, _edgeDim;

    /// <summary>Creates the layer for node width <paramref name="dim"/> and edge width <paramref name="edgeDim"/>.</summary>
    public MpnnConv(string name, int dim, int edgeDim) : base(name)
    {
        _dim = dim;
        _edgeDim = edgeDim;
        weight = Init.Param([2 * dim + edgeDim, dim], t => Init.Glorot(t, 2 * dim + edgeDim, dim, EncoderInit.Gain));
        RegisterComponents();
    }

    /// <summary>Δh <c>[A, D]</c> from atom states <paramref name="h"/> <c>[A, D]</c>, the batch's edges and the in-degree <paramref name="degree"/> <c>[A, 1]</c>.</summary>
    public override Tensor forward(Tensor h, MoleculeBatch batch, Tensor degree)
    {
        var edgeFeatures = batch.EdgeFeatures ?? throw new ArgumentException("Expected chemprop edge features in the batch (got none).", nameof(batch));
        var wSelf = weight.narrow(0, 0, _dim);
        var wNbr = weight.narrow(0, _dim, _dim);
        var wEdge = weight.narrow(0, 2 * _dim, _edgeDim);
        var messages = h.matmul(wNbr).index_select(0, batch.Source) + edgeFeatures.matmul(wEdge); // [E, D]
        return Scatter.Sum(messages, batch.Target, h.shape[0]) + degree * h.matmul(wSelf);
    }

    /// <inheritdoc/>
    public override string ToString() => $"MpnnConv({2 * _dim + _edgeDim} → {_dim}, sum, no bias)";
}
