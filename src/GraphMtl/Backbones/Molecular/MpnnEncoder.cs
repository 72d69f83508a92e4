using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Nn;

namespace GraphMtl.Backbones.Molecular;

/// <summary>
/// MetaLink's molecule backbone (metalink.md §5): Linear(133 → D) → BN → PReLU; K × [h ← PReLU(BN(h + Σ_u W[h_v ‖ h_u ‖ e_uv]))]
/// (<see cref="MpnnConv"/>); sum (or mean) pooling; the <see cref="Readout"/> (Linear → BN → PReLU → Linear) and L2
/// normalisation. Every Linear is Xavier-uniform with gain √2 and zero bias; BN starts at weight 1, bias 0.
/// </summary>
public sealed class MpnnEncoder : ExampleEncoder
{
    private readonly Sequential input;
    private readonly ModuleList<MpnnConv> convs;
    private readonly ModuleList<RowBatchNorm> norms;
    private readonly ModuleList<PReLU> activations;
    private readonly Readout readout;
    private readonly GraphPooling _pooling;
    private readonly double _dropout;

    /// <summary>Creates the encoder from its options.</summary>
    public MpnnEncoder(string name, MpnnEncoderOptions options) : base(name, options.Hidden)
    {
        int d = options.Hidden;
        input = nn.Sequential(EncoderInit.Linear(MoleculeFeaturizer.AtomFeatureDim, d), new RowBatchNorm(d), nn.PReLU(1));
        convs = nn.ModuleList(Enumerable.Range(0, options.Layers).Select(l => new MpnnConv($"{name}.conv{l}", d, MoleculeFeaturizer.BondFeatureDim)).ToArray());
        norms = nn.ModuleList(Enumerable.Range(0, options.Layers).Select(_ => new RowBatchNorm(d)).ToArray());
        activations = nn.ModuleList(Enumerable.Range(0, options.Layers).Select(_ => nn.PReLU(1)).ToArray());
        readout = new Readout($"{name}.readout", d, options.Readout, options.Normalize);
        _pooling = options.Pooling;
        _dropout = options.Dropout;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(ExampleBatch examples)
    {
        var batch = As<MoleculeBatch>(examples, "mpnn");
        var x = batch.AtomFeatures ?? throw new ArgumentException("Expected chemprop atom features in the batch (got none).", nameof(examples));
        var h = nn.functional.dropout(input.call(x), _dropout, training); // [A, D]
        var degree = Scatter.Degree(batch.Target, batch.AtomCount, h.dtype).unsqueeze(1); // [A, 1]
        for (int l = 0; l < convs.Count; l++)
        {
            h = activations[l].call(norms[l].call(h + convs[l].call(h, batch, degree)));
            h = nn.functional.dropout(h, _dropout, training);
        }
        return readout.call(GraphPool.Apply(h, batch.Batch, batch.Size, _pooling));
    }
}

/// <summary>Options of <see cref="MpnnEncoder"/> (<c>encoder: {name: mpnn}</c>); defaults follow the reference (D = 256, sum pooling).</summary>
public sealed record MpnnEncoderOptions : MoleculeEncoderOptions
{
    /// <inheritdoc/>
    protected override bool ChempropFeatures => true;

    /// <inheritdoc/>
    protected override bool GinIds => false;

    /// <inheritdoc/>
    public override ExampleEncoder Create(string name, ExampleInputs inputs, IReadOnlyList<int> trainRows)
    {
        CheckInputs(inputs);
        return new MpnnEncoder(name, this);
    }
}
