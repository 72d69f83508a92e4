using GraphMtl.TaskGraphs.Layers;

namespace GraphMtl.TaskGraphs;

/// <summary>
/// The potentials' readouts of an energy-based stage (gcnet.md §3.3, §4.2): a node MLP(S → 2S → S → 1) per label value
/// gives f_i(c) <c>[B, T, 2]</c> and an edge MLP of the same shape per label pair gives f_e(c, c') <c>[B, M, 4]</c>,
/// from the concatenated states (S = layers·d). φ = softmax of each.
/// </summary>
internal sealed class EnergyReadout : nn.Module<Tensor, Tensor, (Tensor Node, Tensor Pair)>
{
    private readonly FeedForward node, pair;

    /// <summary>Creates the readouts for concatenated states of width <paramref name="width"/>.</summary>
    public EnergyReadout(string name, int width) : base(name)
    {
        node = new FeedForward("node", width, [2 * width, width], 1, batchNorm: false, dropout: 0);
        pair = new FeedForward("pair", width, [2 * width, width], 1, batchNorm: false, dropout: 0);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override (Tensor Node, Tensor Pair) forward(Tensor nodes, Tensor pairs) => (node.call(nodes).squeeze(3), pair.call(pairs).squeeze(3));
}
