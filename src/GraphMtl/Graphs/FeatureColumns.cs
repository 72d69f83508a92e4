namespace GraphMtl.Graphs;

/// <summary>
/// Column operations on <see cref="NodeFeatures"/>: which rows are above a threshold in given columns, how many rows per
/// column, and the features without some columns. Sparse duplicates (same row and column) are summed first, as when
/// the features are densified. Thresholds must be ≥ 0 (a missing sparse value is 0, never above one).
/// </summary>
public static class FeatureColumns
{
    /// <summary>Per column, the number of rows whose value is above <paramref name="threshold"/>.</summary>
    public static int[] CountAbove(NodeFeatures features, double threshold)
    {
        CheckThreshold(threshold);
        var counts = new int[features.Dim];
        foreach (var (_, col, value) in Cells(features))
            if (value > threshold) counts[col]++;
        return counts;
    }

    /// <summary>
    /// A row-major <c>[Rows × columns.Count]</c> 0/1 matrix: entry (i, k) is 1 when row i's value in
    /// <c>columns[k]</c> is above <paramref name="threshold"/>.
    /// </summary>
    public static int[] Above(NodeFeatures features, IReadOnlyList<int> columns, double threshold)
    {
        CheckThreshold(threshold);
        var position = new Dictionary<int, int>(columns.Count);
        for (int k = 0; k < columns.Count; k++)
        {
            if ((uint)columns[k] >= (uint)features.Dim)
                throw new ArgumentOutOfRangeException(nameof(columns), $"column {columns[k]} is out of range (expected 0..{features.Dim - 1})");
            position[columns[k]] = k;
        }
        var result = new int[features.Rows * columns.Count];
        foreach (var (row, col, value) in Cells(features))
            if (position.TryGetValue(col, out int k) && value > threshold) result[row * columns.Count + k] = 1;
        return result;
    }

    /// <summary>The features without <paramref name="drop"/>; the remaining columns keep their order.</summary>
    public static NodeFeatures Without(NodeFeatures features, IReadOnlySet<int> drop)
    {
        var newIndex = new int[features.Dim];
        int dim = 0;
        for (int c = 0; c < features.Dim; c++) newIndex[c] = drop.Contains(c) ? -1 : dim++;
        switch (features)
        {
            case DenseFeatures dense:
            {
                var values = new float[(long)features.Rows * dim];
                for (int r = 0; r < features.Rows; r++)
                    for (int c = 0; c < features.Dim; c++)
                        if (newIndex[c] >= 0) values[(long)r * dim + newIndex[c]] = dense.Values[(long)r * features.Dim + c];
                return new DenseFeatures(features.Rows, dim, values);
            }
            case SparseFeatures sparse:
            {
                var rows = new List<int>(sparse.RowIndex.Length);
                var cols = new List<int>(sparse.RowIndex.Length);
                var values = new List<float>(sparse.RowIndex.Length);
                for (int i = 0; i < sparse.RowIndex.Length; i++)
                {
                    int c = newIndex[sparse.ColIndex[i]];
                    if (c < 0) continue;
                    rows.Add(sparse.RowIndex[i]);
                    cols.Add(c);
                    values.Add(sparse.Values[i]);
                }
                return new SparseFeatures(features.Rows, dim, [.. rows], [.. cols], [.. values]);
            }
            default:
                throw new NotSupportedException($"Unknown feature storage {features.GetType().Name}.");
        }
    }

    private static void CheckThreshold(double threshold)
    {
        if (!(threshold >= 0)) throw new ArgumentOutOfRangeException(nameof(threshold), $"expected a threshold ≥ 0 (got {threshold})");
    }

    // Every (row, column, value) with a non-zero value; sparse duplicates summed.
    private static IEnumerable<(int Row, int Col, double Value)> Cells(NodeFeatures features)
    {
        switch (features)
        {
            case DenseFeatures dense:
                for (int r = 0; r < dense.Rows; r++)
                    for (int c = 0; c < dense.Dim; c++)
                    {
                        float v = dense.Values[(long)r * dense.Dim + c];
                        if (v != 0) yield return (r, c, v);
                    }
                break;
            case SparseFeatures sparse:
                var sums = new Dictionary<(int, int), double>(sparse.RowIndex.Length);
                for (int i = 0; i < sparse.RowIndex.Length; i++)
                {
                    var key = (sparse.RowIndex[i], sparse.ColIndex[i]);
                    sums[key] = sums.GetValueOrDefault(key) + sparse.Values[i];
                }
                foreach (var ((r, c), v) in sums)
                    if (v != 0) yield return (r, c, v);
                break;
            default:
                throw new NotSupportedException($"Unknown feature storage {features.GetType().Name}.");
        }
    }
}
