using GraphMtl.Data.Molecules;

namespace GraphMtl.Data.MultiLabel;

/// <summary>
/// The inputs of a <see cref="MultiLabelDataset"/> as host arrays: featurised molecules or dense feature rows. An
/// encoder's options turn them into a tensor store once per dataset (see <c>GraphMtl.Backbones.EncoderOptions</c>).
/// </summary>
public abstract class ExampleInputs
{
    /// <summary>Number of examples.</summary>
    public abstract int Count { get; }

    /// <summary>A short name of the input kind for messages (<c>molecules</c>, <c>tabular features</c>).</summary>
    public abstract string Kind { get; }
}

/// <summary>Molecules featurised once (chemprop features and GIN ids), one graph per example.</summary>
/// <param name="Graphs">One featurised graph per example, in dataset order.</param>
public sealed class MoleculeInputs(IReadOnlyList<MolecularGraph> Graphs) : ExampleInputs
{
    /// <summary>One featurised graph per example.</summary>
    public IReadOnlyList<MolecularGraph> Graphs { get; } = Graphs;

    /// <inheritdoc/>
    public override int Count => Graphs.Count;

    /// <inheritdoc/>
    public override string Kind => "molecules";
}

/// <summary>Dense feature rows, row-major <c>[Count × FeatureNames.Count]</c>; NaN marks a missing value.</summary>
public sealed class TabularInputs : ExampleInputs
{
    /// <summary>Creates the inputs; <paramref name="features"/> must hold a whole number of rows.</summary>
    public TabularInputs(float[] features, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count == 0) throw new ArgumentException("expected at least one feature column (got none)", nameof(featureNames));
        if (features.Length % featureNames.Count != 0)
            throw new ArgumentException($"expected a multiple of {featureNames.Count} values (got {features.Length})", nameof(features));
        Features = features;
        FeatureNames = featureNames;
    }

    /// <summary>Row-major features.</summary>
    public float[] Features { get; }

    /// <summary>Feature column names.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <inheritdoc/>
    public override int Count => Features.Length / FeatureNames.Count;

    /// <inheritdoc/>
    public override string Kind => "tabular features";
}
