using System.Text.Json.Nodes;

namespace GraphMtl.Training;

/// <summary>
/// The outcome of one seed: the runs it took (one for joint training, one per task for single-task learning) and
/// their evaluations merged per task.
/// </summary>
public sealed record SeedResult(int Run, int Seed, IReadOnlyList<RunResult> Parts)
{
    /// <summary>The selected checkpoints' evaluations merged over parts.</summary>
    public Evaluation Evaluation
    {
        get
        {
            var merged = new Evaluation();
            foreach (var p in Parts) merged.Merge(p.Best);
            return merged;
        }
    }

    /// <summary>Median seconds of one training epoch of the whole system (summed over parts trained separately).</summary>
    public double EpochSecondsMedian => Parts.Sum(p => Median(p.EpochSeconds));

    internal static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>All seeds of an experiment with the model and dataset description and the process's peak memory.</summary>
public sealed record ExperimentResult(string Model, string Dataset, IReadOnlyList<string> Tasks, IReadOnlyList<SeedResult> Seeds, double PeakRssMb)
{
    /// <summary>Median over seeds of each seed's median epoch time.</summary>
    public double EpochSecondsMedian => SeedResult.Median(Seeds.Select(s => s.EpochSecondsMedian).ToList());

    /// <summary>
    /// Named extra sections for <c>metrics.json</c> that a method reports beyond per-task metrics (e.g. <c>structure</c>:
    /// a learned task graph scored against the truth); <see cref="Reports.MetricsReport.Build"/> appends them.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode>? Sections { get; init; }
}
