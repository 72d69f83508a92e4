using System.Text.Json;
using System.Text.Json.Nodes;
using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.Training;

namespace GraphMtl.Reports;

/// <summary>
/// The <c>metrics.json</c> of a run folder: per task and split, each metric's mean ± std (population) over seeds with
/// the values; <c>mean_over_tasks</c> averages each seed's per-task values, then takes mean ± std over seeds; timing.
/// Undefined values (e.g. ROC-AUC of a single-class split) are written as null.
/// </summary>
public static class MetricsReport
{
    private static readonly SplitPart[] Parts = [SplitPart.Val, SplitPart.Test];

    /// <summary>
    /// Builds the JSON document; the result's own <see cref="ExperimentResult.Sections"/> and then <paramref name="extra"/>
    /// sections (e.g. learned structure) are appended (each a deep copy).
    /// </summary>
    public static JsonObject Build(ExperimentResult result, IReadOnlyDictionary<string, JsonNode>? extra = null)
    {
        var evaluations = result.Seeds.Select(s => s.Evaluation).ToList();
        var tasks = new JsonObject();
        foreach (var task in result.Tasks)
            tasks[task] = new JsonObject(Parts.Select(part => KeyValuePair.Create(PartName(part), (JsonNode?)Section(MetricKeys(evaluations, task, part),
                key => evaluations.Select(e => e.Value(task, part, key))))));

        var mean = new JsonObject(Parts.Select(part => KeyValuePair.Create(PartName(part), (JsonNode?)Section(
            result.Tasks.SelectMany(t => MetricKeys(evaluations, t, part)).Distinct().ToList(),
            key => evaluations.Select(e => MeanStd.Of(result.Tasks.Select(t => e.Value(t, part, key))).Mean)))));

        var doc = new JsonObject
        {
            ["model"] = result.Model,
            ["dataset"] = result.Dataset,
            ["runs"] = result.Seeds.Count,
            ["seeds"] = new JsonArray(result.Seeds.Select(s => (JsonNode?)JsonValue.Create(s.Seed)).ToArray()),
            ["tasks"] = tasks,
            ["mean_over_tasks"] = mean,
            ["timing"] = new JsonObject
            {
                ["epoch_seconds_median"] = Number(result.EpochSecondsMedian),
                ["peak_rss_mb"] = Number(result.PeakRssMb),
            },
            ["best_epochs"] = new JsonArray(result.Seeds.SelectMany(s => s.Parts).Select(p => (JsonNode?)JsonValue.Create(p.BestEpoch)).ToArray()),
        };
        foreach (var sections in new[] { result.Sections, extra })
            if (sections != null)
                foreach (var (k, v) in sections) doc[k] = v.DeepClone();
        return doc;
    }

    /// <summary>Writes the document indented to <paramref name="path"/>.</summary>
    public static void Write(string path, JsonObject doc) =>
        File.WriteAllText(path, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    /// <summary><c>val</c> or <c>test</c> (or <c>train</c>).</summary>
    public static string PartName(SplitPart part) => part.ToString().ToLowerInvariant();

    private static List<string> MetricKeys(IEnumerable<Evaluation> evaluations, string task, SplitPart part)
    {
        var keys = TaskMetrics.Keys.ToList();
        keys.Add("loss");
        return keys.Where(k => evaluations.Any(e => e.Get(task, part).ContainsKey(k))).ToList();
    }

    private static JsonObject Section(IEnumerable<string> keys, Func<string, IEnumerable<double>> values)
    {
        var obj = new JsonObject();
        foreach (var key in keys)
        {
            var list = values(key).ToList();
            var ms = MeanStd.Of(list);
            obj[key] = new JsonObject
            {
                ["mean"] = Number(ms.Mean),
                ["std"] = Number(ms.Std),
                ["values"] = new JsonArray(list.Select(Number).ToArray()),
            };
        }
        return obj;
    }

    private static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null;
}
