using GraphMtl.Data.MultiLabel;

namespace GraphMtl.Backbones.Molecular;

/// <summary>
/// What every molecule encoder shares: it reads molecules, pools atoms into a molecule embedding, and builds its
/// tensor store with the featurisation its module expects (chemprop features for MPNN, Hu et al.'s ids for GIN).
/// </summary>
public abstract record MoleculeEncoderOptions : EncoderOptions
{
    /// <summary>How atom states are pooled into the molecule embedding.</summary>
    public GraphPooling Pooling { get; init; } = GraphPooling.Sum;

    /// <summary>Store chemprop atom/bond features (MPNN).</summary>
    protected abstract bool ChempropFeatures { get; }

    /// <summary>Store Hu et al.'s categorical atom/bond ids (GIN).</summary>
    protected abstract bool GinIds { get; }

    /// <inheritdoc/>
    public override string InputKind => "molecules";

    /// <inheritdoc/>
    public override bool Accepts(ExampleInputs inputs) => inputs is MoleculeInputs;

    /// <inheritdoc/>
    public override IExampleStore CreateStore(ExampleInputs inputs, Device device)
    {
        CheckInputs(inputs);
        return new MoleculeStore(((MoleculeInputs)inputs).Graphs, ChempropFeatures, GinIds, device);
    }
}
