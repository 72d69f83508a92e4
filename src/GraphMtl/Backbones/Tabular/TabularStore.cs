using GraphMtl.Data.MultiLabel;

namespace GraphMtl.Backbones.Tabular;

/// <summary>A batch of feature rows <c>[B, F]</c> (NaN = missing value, replaced by the encoder).</summary>
public sealed class TabularBatch(Tensor features) : ExampleBatch((int)features.shape[0])
{
    /// <summary>Raw feature rows.</summary>
    public Tensor Features { get; } = features;
}

/// <summary>All feature rows of a dataset as one tensor; a batch is one <c>index_select</c>.</summary>
public sealed class TabularStore : IExampleStore
{
    private readonly Tensor _features; // [N, F]
    private readonly Device _device;

    /// <summary>Packs the rows of <paramref name="inputs"/>.</summary>
    public TabularStore(TabularInputs inputs, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _device = device ?? CPU;
        Count = inputs.Count;
        using var scope = NewDisposeScope();
        _features = tensor(inputs.Features, [inputs.Count, inputs.FeatureCount], device: _device).DetachFromDisposeScope();
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public ExampleBatch Collate(ReadOnlySpan<int> rows)
    {
        var index = new long[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            if ((uint)rows[i] >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(rows), rows[i], $"expected rows in [0, {Count})");
            index[i] = rows[i];
        }
        return new TabularBatch(_features.index_select(0, tensor(index, device: _device)));
    }

    /// <inheritdoc/>
    public void Dispose() => _features.Dispose();
}
