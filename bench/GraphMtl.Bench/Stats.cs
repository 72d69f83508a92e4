namespace GraphMtl.Bench;

/// <summary>Order statistics of timing samples (medians resist the outliers a shared machine produces).</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double Min(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Min();
}
