using System.Globalization;

namespace GraphMtl.Metrics;

/// <summary>
/// Mean and standard deviation of a metric over runs (seeds), and the values they summarise.
/// <see cref="Std"/> is the <b>population</b> standard deviation, √(Σ(x − mean)² / k), as NumPy's <c>np.std</c> with its
/// default <c>ddof=0</c>; a single value has Std 0.
/// </summary>
/// <param name="Mean">Arithmetic mean of <paramref name="Values"/>; NaN when there are none.</param>
/// <param name="Std">Population standard deviation (ddof = 0) of <paramref name="Values"/>; NaN when there are none.</param>
/// <param name="Values">The values summarised: the inputs that are not NaN, in input order.</param>
public readonly record struct MeanStd(double Mean, double Std, IReadOnlyList<double> Values)
{
    /// <summary>Summarises <paramref name="values"/>, ignoring NaN entries (an undefined metric of one run); all NaN or none gives NaN ± NaN.</summary>
    /// <param name="values">One value per run.</param>
    public static MeanStd Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var kept = values.Where(v => !double.IsNaN(v)).ToArray();
        if (kept.Length == 0) return new MeanStd(double.NaN, double.NaN, Array.AsReadOnly(kept));

        var mean = kept.Sum() / kept.Length;
        var squares = kept.Sum(v => (v - mean) * (v - mean));
        return new MeanStd(mean, Math.Sqrt(squares / kept.Length), Array.AsReadOnly(kept));
    }

    /// <summary>"mean ± std" with four decimals, invariant culture, e.g. <c>0.8125 ± 0.0125</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:0.0000} ± {Std:0.0000}");
}
