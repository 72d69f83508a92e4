namespace GraphMtl.Data.Tabular;

/// <summary>
/// A dense multi-label tabular dataset: row-major features [Count × FeatureCount] (NaN for a missing value) and
/// labels [Count × LabelCount] of <c>sbyte</c> with 1, 0 or <see cref="Missing"/> (−1).
/// </summary>
public sealed class TabularMultiLabelDataset
{
    /// <summary>Label value of a missing cell (<c>?</c> in ARFF).</summary>
    public const sbyte Missing = -1;

    private readonly string[] _featureNames;
    private readonly string[] _labelNames;

    internal TabularMultiLabelDataset(string source, string relation, string[] featureNames, string[] labelNames, float[] features, sbyte[] labels)
    {
        Source = source;
        Relation = relation;
        _featureNames = featureNames;
        _labelNames = labelNames;
        Features = features;
        Labels = labels;
    }

    /// <summary>The file the rows came from.</summary>
    public string Source { get; }

    /// <summary>The ARFF <c>@relation</c> name.</summary>
    public string Relation { get; }

    /// <summary>Number of rows.</summary>
    public int Count => FeatureCount > 0 ? Features.Length / FeatureCount : (LabelCount > 0 ? Labels.Length / LabelCount : 0);

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => _featureNames.Length;

    /// <summary>Number of label columns.</summary>
    public int LabelCount => _labelNames.Length;

    /// <summary>Feature attribute names, in file order.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Label attribute names, in file order.</summary>
    public IReadOnlyList<string> LabelNames => _labelNames;

    /// <summary>Row-major features [Count × FeatureCount].</summary>
    public float[] Features { get; }

    /// <summary>Row-major labels [Count × LabelCount]: 1, 0 or <see cref="Missing"/>.</summary>
    public sbyte[] Labels { get; }

    /// <summary>Label of row <paramref name="row"/> for label column <paramref name="label"/>.</summary>
    public sbyte Label(int row, int label) => Labels[row * LabelCount + label];
}
