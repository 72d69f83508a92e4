namespace GraphMtl.Backbones;

/// <summary>
/// The end of an example encoder (MetaLink's molecule network, step 3 after pooling): optionally
/// Linear → BatchNorm → PReLU → Linear, then optionally L2-normalisation of every row (<c>kg.norm_emb</c>).
/// </summary>
public sealed class Readout : nn.Module<Tensor, Tensor>
{
    private readonly Sequential? mlp;
    private readonly bool _normalize;

    /// <summary>Creates the readout on width <paramref name="dim"/>.</summary>
    public Readout(string name, int dim, bool mlp, bool normalize) : base(name)
    {
        this.mlp = mlp ? nn.Sequential(EncoderInit.Linear(dim, dim), new Nn.RowBatchNorm(dim), nn.PReLU(1), EncoderInit.Linear(dim, dim)) : null;
        _normalize = normalize;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor x)
    {
        var h = mlp is null ? x.alias() : mlp.call(x);
        return _normalize ? nn.functional.normalize(h, p: 2, dim: 1) : h;
    }
}

/// <summary>GraphGym's initialisation of the MetaLink networks: Xavier-uniform weights with gain √2 (ReLU gain), zero biases.</summary>
internal static class EncoderInit
{
    /// <summary>√2, the gain of ReLU-family activations.</summary>
    public static readonly double Gain = Math.Sqrt(2);

    /// <summary>A Linear layer with Xavier-uniform (gain √2) weights and zero bias.</summary>
    public static Linear Linear(long inDim, long outDim, bool bias = true)
    {
        var layer = nn.Linear(inDim, outDim, hasBias: bias);
        Nn.Init.Glorot(layer.weight!, inDim, outDim, Gain);
        if (layer.bias is { } b)
        {
            using var _ = no_grad();
            b.zero_();
        }
        return layer;
    }
}
