namespace GraphMtl.Graphs;

/// <summary>Input features of one node type: a dense row-major matrix or a sparse COO matrix.</summary>
public abstract class NodeFeatures
{
    /// <summary>Number of rows (nodes).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (feature dimension).</summary>
    public int Dim { get; }

    private protected NodeFeatures(int rows, int dim)
    {
        Rows = rows;
        Dim = dim;
    }

    /// <summary>Number of stored values.</summary>
    public abstract long StoredValues { get; }
}

/// <summary>Dense features, row-major <c>[Rows × Dim]</c>.</summary>
public sealed class DenseFeatures : NodeFeatures
{
    /// <summary>Row-major values.</summary>
    public float[] Values { get; }

    /// <summary>Creates dense features; <paramref name="values"/> must hold rows × dim entries.</summary>
    public DenseFeatures(int rows, int dim, float[] values) : base(rows, dim)
    {
        if (values.LongLength != (long)rows * dim)
            throw new ArgumentException($"Dense features: expected {rows}×{dim} values (got {values.LongLength}).");
        Values = values;
    }

    /// <inheritdoc/>
    public override long StoredValues => Values.LongLength;
}

/// <summary>Sparse features in COO form (duplicates are summed when densified or multiplied).</summary>
public sealed class SparseFeatures : NodeFeatures
{
    /// <summary>Row index of each stored value.</summary>
    public int[] RowIndex { get; }

    /// <summary>Column index of each stored value.</summary>
    public int[] ColIndex { get; }

    /// <summary>The stored values.</summary>
    public float[] Values { get; }

    /// <summary>Creates sparse features; the three arrays must have equal length and indices must be in range.</summary>
    public SparseFeatures(int rows, int dim, int[] rowIndex, int[] colIndex, float[] values) : base(rows, dim)
    {
        if (rowIndex.Length != colIndex.Length || rowIndex.Length != values.Length)
            throw new ArgumentException("Sparse features: row, column and value arrays must have equal length.");
        RowIndex = rowIndex;
        ColIndex = colIndex;
        Values = values;
    }

    /// <inheritdoc/>
    public override long StoredValues => Values.LongLength;
}
