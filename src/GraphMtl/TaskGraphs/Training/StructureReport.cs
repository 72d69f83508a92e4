using System.Text.Json.Nodes;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Metrics;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>
/// The <c>structure</c> section of a task-graph method's <c>metrics.json</c>: the heuristic graph it started from and,
/// for GCNet, the structure prior (stage 1's a_causal on the heuristic edges) and the learned graph |A| — each scored
/// against the true DAG when the data has one (<see cref="StructureMetrics"/>: <c>edge_auroc</c>, <c>edge_auprc</c>,
/// <c>skeleton_auroc</c>, <c>orientation</c>,
/// <c>shd</c>, <c>shd_skeleton</c>, <c>predicted_edges</c>; mean, population std and values over runs), plus how well
/// the prior separates true from spurious heuristic edges (<c>prior_separation</c>). Without a truth only sizes are given.
/// </summary>
internal static class StructureReport
{
    public static JsonObject Build(MultiLabelDataset data, TaskGraphHeadOptions options, IReadOnlyList<(TaskGraph Heuristic, LearnedStructure? Learned)> runs)
    {
        var truth = data.Structure?.TrueDag;
        var doc = new JsonObject
        {
            ["task_graph"] = options.TaskGraph.Source == TaskGraphSource.Auto && data.Structure?.Heuristic is not null ? "dataset" : options.TaskGraph.Describe(),
            ["shd_relative_threshold"] = options.ShdThreshold,
            ["true_edges"] = truth is null ? null : truth.EdgeCount,
            ["heuristic_pairs"] = Numbers(runs.Select(r => (double)r.Heuristic.PairCount)),
        };
        if (runs.Any(r => r.Learned?.Learned is not null))
            doc["learned_edges_above_threshold"] = Numbers(runs.Select(r => r.Learned?.Learned is { } a ? (double)CountAbove(a, options.ShdThreshold) : double.NaN));
        if (truth is null) return doc;

        doc["heuristic"] = Scores(runs.Select(r => Compare(r.Heuristic.Dense(), truth, options.ShdThreshold)).ToList());
        if (runs.Any(r => r.Learned?.Prior is not null))
        {
            doc["prior"] = Scores(runs.Select(r => r.Learned?.Prior is { } p ? Compare(r.Heuristic.WithWeights(p).Dense(), truth, options.ShdThreshold) : null).ToList());
            var separation = runs.Select(r => r.Learned?.Prior is { } p ? StructureMetrics.EdgeSeparation(r.Heuristic, p, truth) : (double.NaN, double.NaN)).ToList();
            doc["prior_separation"] = new JsonObject
            {
                ["auroc"] = Stat(separation.Select(s => s.Item1)),
                ["auprc"] = Stat(separation.Select(s => s.Item2)),
            };
        }
        if (runs.Any(r => r.Learned?.Learned is not null))
            doc["learned"] = Scores(runs.Select(r => r.Learned?.Learned is { } a ? Compare(a, truth, options.ShdThreshold) : null).ToList());
        return doc;
    }

    private static StructureScores Compare(float[] scores, TaskGraph truth, double threshold) => StructureMetrics.Compare(scores, truth, threshold);

    private static int CountAbove(float[] dense, double relative)
    {
        double max = dense.Max(v => Math.Abs(v));
        return max > 0 ? dense.Count(v => Math.Abs(v) >= relative * max) : 0;
    }

    private static JsonObject Scores(IReadOnlyList<StructureScores?> scores) => new()
    {
        ["edge_auroc"] = Stat(scores.Select(s => s?.EdgeAuroc ?? double.NaN)),
        ["edge_auprc"] = Stat(scores.Select(s => s?.EdgeAuprc ?? double.NaN)),
        ["skeleton_auroc"] = Stat(scores.Select(s => s?.SkeletonAuroc ?? double.NaN)),
        ["orientation"] = Stat(scores.Select(s => s?.Orientation ?? double.NaN)),
        ["shd"] = Stat(scores.Select(s => s is null ? double.NaN : s.Shd)),
        ["shd_skeleton"] = Stat(scores.Select(s => s is null ? double.NaN : s.ShdSkeleton)),
        ["predicted_edges"] = Stat(scores.Select(s => s is null ? double.NaN : s.PredictedEdges)),
    };

    private static JsonObject Stat(IEnumerable<double> values)
    {
        var list = values.ToList();
        var ms = MeanStd.Of(list);
        return new JsonObject { ["mean"] = Number(ms.Mean), ["std"] = Number(ms.Std), ["values"] = Numbers(list) };
    }

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(Number).ToArray());

    private static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null;
}
