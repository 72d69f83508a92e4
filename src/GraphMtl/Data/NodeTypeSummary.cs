using GraphMtl.Graphs;

namespace GraphMtl.Data;

/// <summary>How a node type's features are stored.</summary>
public enum FeatureStorage
{
    /// <summary>No features: the model learns an embedding (or uses one-hot input).</summary>
    None,
    /// <summary>A dense matrix.</summary>
    Dense,
    /// <summary>A sparse COO matrix.</summary>
    Sparse,
}

/// <summary>A node type: count, feature dimension and storage, and the share of non-zero feature entries.</summary>
public sealed record NodeTypeSummary(string Name, int Count, int FeatureDim, FeatureStorage Storage, long StoredValues, double Density)
{
    /// <summary>Summarises one node type (density counts stored non-zero values over Count × FeatureDim).</summary>
    public static NodeTypeSummary Of(NodeType type)
    {
        var (storage, nonZero) = type.Features switch
        {
            DenseFeatures d => (FeatureStorage.Dense, CountNonZero(d.Values)),
            SparseFeatures s => (FeatureStorage.Sparse, CountNonZero(s.Values)),
            _ => (FeatureStorage.None, 0L),
        };
        long cells = (long)type.Count * (type.Features?.Dim ?? 0);
        return new NodeTypeSummary(type.Name, type.Count, type.Features?.Dim ?? 0, storage, type.Features?.StoredValues ?? 0,
            cells == 0 ? 0 : (double)nonZero / cells);
    }

    private static long CountNonZero(float[] values)
    {
        long n = 0;
        foreach (float v in values)
            if (v != 0) n++;
        return n;
    }
}
