using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GraphMtl.Metrics;

namespace GraphMtl.Reports;

/// <summary>One compared method: its name and the <c>metrics.json</c> of its run folder (<see cref="MetricsReport"/>).</summary>
public sealed record ComparedRun(string Name, JsonObject Metrics);

/// <summary>
/// The comparison table of <c>gmtl compare</c>: per task, every method's test metrics (mean ± std over its runs) and
/// its relative gain over the baseline (normally single-task learning), plus the average relative gain over tasks
/// (Δ_m, LibMTL's <c>count_improvement</c>, see <see cref="RelativeGain"/>), as JSON and Markdown.
/// </summary>
/// <remarks>
/// The gain of a task averages, over the compared metrics, the relative difference of the <b>means</b> over runs
/// (as LibMTL does), signed so that positive is better. The baseline is the method named so, or else the first
/// single-task method; without one the gain columns are left out.
/// </remarks>
public static class Comparison
{
    /// <summary>The split whose metrics are compared.</summary>
    public const string Split = "test";

    /// <summary>
    /// Builds the comparison. <paramref name="metrics"/> restricts the metrics shown and used for the gain (default:
    /// every metric the runs report except the loss); <paramref name="baseline"/> names the baseline method (null:
    /// none unless <paramref name="defaultBaseline"/> names one).
    /// </summary>
    public static JsonObject Build(IReadOnlyList<ComparedRun> runs, string? baseline, IReadOnlyList<string>? metrics = null, string? defaultBaseline = null)
    {
        if (runs.Count == 0) throw new ArgumentException("Expected at least one run to compare (got none).", nameof(runs));
        if (runs.Select(r => r.Name).Distinct().Count() != runs.Count)
            throw new GraphMtlException($"compare: method names must be unique (got {string.Join(", ", runs.Select(r => r.Name))}).");
        baseline ??= defaultBaseline;
        if (baseline != null && runs.All(r => r.Name != baseline))
            throw new GraphMtlException($"compare: baseline '{baseline}' is not among the methods ({string.Join(", ", runs.Select(r => r.Name))}).");
        var tasks = runs.SelectMany(r => TaskNames(r.Metrics)).Distinct().ToList();
        var keys = metrics?.ToList() ?? TaskMetrics.Keys.Where(k => runs.Any(r => tasks.Any(t => Metric(r.Metrics, t, k) is not null))).ToList();
        foreach (var k in keys)
            if (!TaskMetrics.Keys.Contains(k) && k != TaskMetrics.LossKey)
                throw new GraphMtlException($"compare: unknown metric '{k}' (expected one of: {string.Join(", ", TaskMetrics.Keys.Append(TaskMetrics.LossKey))}).");
        var reference = baseline is null ? null : runs.First(r => r.Name == baseline);

        var taskNodes = new JsonObject();
        var gains = runs.ToDictionary(r => r.Name, _ => new Dictionary<string, double>());
        foreach (var task in tasks)
        {
            var rows = new JsonArray();
            foreach (var run in runs)
            {
                var values = new JsonObject();
                foreach (var k in keys) values[k] = Metric(run.Metrics, task, k)?.DeepClone();
                double gain = reference is null ? double.NaN : Gain(reference.Metrics, run.Metrics, task, keys);
                if (reference != null) gains[run.Name][task] = gain;
                rows.Add(new JsonObject
                {
                    ["method"] = run.Name,
                    ["model"] = run.Metrics["model"]?.DeepClone(),
                    ["runs"] = run.Metrics["runs"]?.DeepClone(),
                    ["metrics"] = values,
                    ["gain"] = Number(gain),
                });
            }
            taskNodes[task] = rows;
        }

        var summary = new JsonArray(runs.Select(r => (JsonNode?)new JsonObject
        {
            ["method"] = r.Name,
            ["gains"] = reference is null ? null : new JsonObject(tasks.Select(t => KeyValuePair.Create(t, Number(gains[r.Name].GetValueOrDefault(t, double.NaN))))),
            ["average_gain"] = reference is null ? null : Number(tasks.Select(t => gains[r.Name].GetValueOrDefault(t, double.NaN)).DefaultIfEmpty(double.NaN).Average()),
            ["epoch_seconds_median"] = r.Metrics["timing"]?["epoch_seconds_median"]?.DeepClone(),
            ["peak_rss_mb"] = r.Metrics["timing"]?["peak_rss_mb"]?.DeepClone(),
        }).ToArray());

        return new JsonObject
        {
            ["split"] = Split,
            ["baseline"] = baseline,
            ["metrics"] = new JsonArray(keys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
            ["gain_definition"] = "per task: mean over the metrics of (method − baseline) / baseline on the means over runs, negated for " +
                                  "lower-is-better metrics; average_gain: mean over tasks (LibMTL count_improvement)",
            ["tasks"] = taskNodes,
            ["summary"] = summary,
        };
    }

    /// <summary>The comparison as Markdown: one table per task (values ×100, mean ± std over runs), then the gains.</summary>
    public static string Markdown(JsonObject comparison)
    {
        var ci = CultureInfo.InvariantCulture;
        var keys = comparison["metrics"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        string? baseline = comparison["baseline"]?.GetValue<string>();
        var sb = new StringBuilder();
        foreach (var (task, node) in comparison["tasks"]!.AsObject())
        {
            sb.Append(CultureInfo.InvariantCulture, $"### Task `{task}` ({Split}, mean ± std over runs, ×100)\n\n");
            sb.Append("| method | runs | ").AppendJoin(" | ", keys);
            if (baseline != null) sb.Append(CultureInfo.InvariantCulture, $" | Δ vs {baseline}");
            sb.Append(" |\n|---|---:|").Append(string.Concat(keys.Select(_ => "---:|")));
            if (baseline != null) sb.Append("---:|");
            sb.Append('\n');
            foreach (var row in node!.AsArray().Select(r => r!.AsObject()))
            {
                var metrics = row["metrics"]!.AsObject();
                sb.Append("| ").Append(row["method"]!.GetValue<string>()).Append(" | ").Append(Count(row["runs"]));
                foreach (var k in keys) sb.Append(" | ").Append(Cell(metrics[k], k == "loss" ? 1 : 100));
                if (baseline != null) sb.Append(" | ").Append(Percent(row["gain"]));
                sb.Append(" |\n");
            }
            sb.Append('\n');
        }
        if (baseline != null)
        {
            var tasks = comparison["tasks"]!.AsObject().Select(p => p.Key).ToList();
            sb.Append(CultureInfo.InvariantCulture, $"### Relative gain over {baseline} (Δ, % of the baseline; metrics: {string.Join(", ", keys)})\n\n");
            sb.Append("| method | ").AppendJoin(" | ", tasks.Select(t => $"Δ {t}")).Append(" | average Δ_m |\n|---|")
              .Append(string.Concat(tasks.Select(_ => "---:|"))).Append("---:|\n");
            foreach (var row in comparison["summary"]!.AsArray().Select(r => r!.AsObject()))
            {
                sb.Append("| ").Append(row["method"]!.GetValue<string>());
                foreach (var t in tasks) sb.Append(" | ").Append(Percent(row["gains"]?[t]));
                sb.Append(" | ").Append(Percent(row["average_gain"])).Append(" |\n");
            }
            sb.Append('\n');
        }
        return sb.ToString();

        string Count(JsonNode? n) => n is null ? "–" : n.GetValue<int>().ToString(ci);
    }

    private static string Cell(JsonNode? metric, double scale)
    {
        var ci = CultureInfo.InvariantCulture;
        if (metric?["mean"] is not { } mean) return "–";
        string format = scale == 1 ? "0.0000" : "0.00";
        string m = (mean.GetValue<double>() * scale).ToString(format, ci);
        return metric["std"] is { } std && metric["values"]?.AsArray().Count > 1 ? $"{m} ± {(std.GetValue<double>() * scale).ToString(format, ci)}" : m;
    }

    private static string Percent(JsonNode? gain) =>
        gain is null ? "–" : (gain.GetValue<double>() * 100).ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + " %";

    private static double Gain(JsonObject baseline, JsonObject method, string task, IReadOnlyList<string> keys)
    {
        var used = keys.Where(k => Mean(baseline, task, k) is not null && Mean(method, task, k) is not null).ToList();
        if (used.Count == 0) return double.NaN;
        return RelativeGain.ForTask(
            used.Select(k => Mean(baseline, task, k)!.Value).ToArray(),
            used.Select(k => Mean(method, task, k)!.Value).ToArray(),
            used.Select(TaskMetrics.HigherIsBetter).ToArray());
    }

    private static IEnumerable<string> TaskNames(JsonObject metrics) => metrics["tasks"]?.AsObject().Select(p => p.Key) ?? [];

    private static JsonNode? Metric(JsonObject metrics, string task, string key) => metrics["tasks"]?[task]?[Split]?[key];

    private static double? Mean(JsonObject metrics, string task, string key) => Metric(metrics, task, key)?["mean"]?.GetValue<double>();

    private static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null;
}
