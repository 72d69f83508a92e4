namespace GraphMtl.Metrics;

/// <summary>
/// Relative gain of a method over a baseline (usually single-task learning), averaged over metrics and tasks: LibMTL's
/// <c>count_improvement</c> (<c>LibMTL/utils.py</c>), the Δ_m of multi-task learning papers.
/// </summary>
/// <remarks>
/// <para>
/// Δ_m = (1/T) Σ_t (1/M_t) Σ_m (−1)^{l_{t,m}} (M_{t,m} − B_{t,m}) / B_{t,m}, where B is the baseline's value, M the method's,
/// M_t the number of metrics of task t and l_{t,m} = 1 when lower is better for that metric (0 when higher is better). So a
/// positive gain always means the method is better. LibMTL writes the same with (B − M) and a higher-is-better exponent.
/// </para>
/// <para>
/// Results are fractions (0.05 means +5 %); multiply by 100 for the percentages papers report. No value is skipped: a NaN
/// metric makes its task's gain NaN, and a zero baseline gives ±∞ or NaN, as in LibMTL; choose the metrics to compare.
/// </para>
/// </remarks>
public static class RelativeGain
{
    /// <summary>
    /// Gain of one task: (1/M) Σ_m (−1)^{l_m} (method_m − baseline_m) / baseline_m, with l_m = 0 when higher is better.
    /// </summary>
    /// <param name="baseline">The baseline's value of each metric.</param>
    /// <param name="method">The method's value of each metric, same order.</param>
    /// <param name="higherIsBetter">Per metric, whether a larger value is better.</param>
    public static double ForTask(ReadOnlySpan<double> baseline, ReadOnlySpan<double> method, ReadOnlySpan<bool> higherIsBetter)
    {
        if (baseline.IsEmpty)
            throw new ArgumentException("Expected at least one metric (got none).", nameof(baseline));
        Inputs.SameLength(baseline.Length, method.Length, nameof(method));
        Inputs.SameLength(baseline.Length, higherIsBetter.Length, nameof(higherIsBetter));

        double sum = 0;
        for (var m = 0; m < baseline.Length; m++)
        {
            var relative = (method[m] - baseline[m]) / baseline[m];
            sum += higherIsBetter[m] ? relative : -relative;
        }
        return sum / baseline.Length;
    }

    /// <summary>
    /// Gain of each task, over the metrics the baseline lists for it (the method must have each of them; extra ones are ignored).
    /// </summary>
    /// <param name="baseline">Task name → metric key → the baseline's value.</param>
    /// <param name="method">Task name → metric key → the method's value.</param>
    /// <param name="higherIsBetter">Metric key → whether larger is better; <see cref="TaskMetrics.HigherIsBetter"/> when null.</param>
    /// <returns>Task name → gain, in the baseline's task order.</returns>
    public static IReadOnlyDictionary<string, double> PerTask(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> baseline,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> method,
        Func<string, bool>? higherIsBetter = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(method);
        higherIsBetter ??= TaskMetrics.HigherIsBetter;
        if (baseline.Count == 0)
            throw new ArgumentException("Expected at least one task (got none).", nameof(baseline));

        var gains = new Dictionary<string, double>();
        foreach (var (task, baseMetrics) in baseline)
        {
            if (!method.TryGetValue(task, out var methodMetrics))
                throw new ArgumentException($"Expected results of task '{task}' for the method (got tasks {string.Join(", ", method.Keys)}).", nameof(method));

            var keys = baseMetrics.Keys.ToArray();
            var b = new double[keys.Length];
            var m = new double[keys.Length];
            var higher = new bool[keys.Length];
            for (var k = 0; k < keys.Length; k++)
            {
                if (!methodMetrics.TryGetValue(keys[k], out m[k]))
                    throw new ArgumentException($"Expected metric '{keys[k]}' of task '{task}' for the method (got {string.Join(", ", methodMetrics.Keys)}).", nameof(method));
                b[k] = baseMetrics[keys[k]];
                higher[k] = higherIsBetter(keys[k]);
            }
            gains[task] = ForTask(b, m, higher);
        }
        return gains.AsReadOnly();
    }

    /// <summary>Δ_m: the mean over tasks of <see cref="PerTask"/>.</summary>
    /// <param name="baseline">Task name → metric key → the baseline's value.</param>
    /// <param name="method">Task name → metric key → the method's value.</param>
    /// <param name="higherIsBetter">Metric key → whether larger is better; <see cref="TaskMetrics.HigherIsBetter"/> when null.</param>
    public static double Average(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> baseline,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> method,
        Func<string, bool>? higherIsBetter = null) =>
        PerTask(baseline, method, higherIsBetter).Values.Average();
}
