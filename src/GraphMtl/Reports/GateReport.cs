using System.Text.Json.Nodes;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using GraphMtl.MultiTask.Gates;

namespace GraphMtl.Reports;

/// <summary>One trained model's gate records: run index, seed and tasks trained together.</summary>
public sealed record GateRun(int Run, int Seed, IReadOnlyList<string> Tasks, IReadOnlyList<GateRecord> Records);

/// <summary>
/// The interpretability report of gated architectures (MMoE, CGC, PLE, InLINE): the mean weight of every gate over
/// the nodes of its type, per level, for each run and averaged over runs, as <c>gates.json</c>, and heatmaps of the
/// run average: <c>gates.png</c> (rows = gate × relation, columns = experts) and, for InLINE, <c>relations.png</c>
/// (the relation attention β of each task stream).
/// </summary>
public static class GateReport
{
    /// <summary>File names in the run folder.</summary>
    public const string JsonFile = "gates.json", GatesPng = "gates.png", RelationsPng = "relations.png";

    /// <summary>
    /// Runs one forward pass of <paramref name="model"/> in eval mode without gradients with recording on, and returns
    /// what its gates recorded (mean over all nodes of each gate's type).
    /// </summary>
    public static IReadOnlyList<GateRecord> Record(MultiTaskModel model, GateRecorder recorder, GraphTensors graph)
    {
        bool wasTraining = model.training;
        recorder.Clear();
        recorder.Enabled = true;
        try
        {
            model.eval();
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            model.call(graph);
        }
        finally
        {
            recorder.Enabled = false;
            if (wasTraining) model.train();
        }
        return recorder.Records;
    }

    /// <summary>The mean over runs of each gate (by key), in first-seen order.</summary>
    public static IReadOnlyList<GateRecord> Mean(IReadOnlyList<GateRun> runs)
    {
        var groups = runs.SelectMany(r => r.Records).GroupBy(g => g.Key);
        return groups.Select(g =>
        {
            var first = g.First();
            var weights = first.Weights.Select((row, i) => row.Select((_, j) => g.Average(x => x.Weights[i][j])).ToArray()).ToArray();
            return first with { Weights = weights };
        }).ToList();
    }

    /// <summary>The JSON document: <c>mean</c> over runs, then every run.</summary>
    public static JsonObject ToJson(IReadOnlyList<GateRun> runs) => new()
    {
        ["description"] = "Mean gate weight over the nodes of each gate's node type, per level (from 1). kind 'experts': rows = relations " +
                          "(InLINE) or 'all', columns = experts, each row sums to 1. kind 'relation_attention': rows = relations, one column β.",
        ["mean"] = Records(Mean(runs)),
        ["runs"] = new JsonArray(runs.Select(r => (JsonNode?)new JsonObject
        {
            ["run"] = r.Run,
            ["seed"] = r.Seed,
            ["tasks"] = new JsonArray(r.Tasks.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["gates"] = Records(r.Records),
        }).ToArray()),
    };

    /// <summary>Writes <c>gates.json</c> and the heatmaps of the run average into <paramref name="folder"/>.</summary>
    public static void Write(RunFolder folder, IReadOnlyList<GateRun> runs)
    {
        folder.WriteJson(JsonFile, ToJson(runs));
        var mean = Mean(runs);
        string title = runs.Count == 1 ? "gate weights (mean over nodes)" : $"gate weights (mean over nodes and {runs.Count} runs)";
        var experts = mean.Where(g => g.Kind == GateRecordKind.Experts).ToList();
        if (experts.Count > 0) GateHeatmap.Save(Path.Combine(folder.Path, GatesPng), experts, title);
        var relations = mean.Where(g => g.Kind == GateRecordKind.RelationAttention).ToList();
        if (relations.Count > 0) GateHeatmap.SaveRelations(Path.Combine(folder.Path, RelationsPng), relations, "relation attention β (mean over nodes)");
    }

    private static JsonArray Records(IEnumerable<GateRecord> records) => new(records.Select(g => (JsonNode?)new JsonObject
    {
        ["key"] = g.Key,
        ["level"] = g.Level,
        ["node_type"] = g.NodeType,
        ["gate"] = g.Gate,
        ["kind"] = g.Kind == GateRecordKind.Experts ? "experts" : "relation_attention",
        ["rows"] = new JsonArray(g.Rows.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        ["columns"] = new JsonArray(g.Columns.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        ["weights"] = new JsonArray(g.Weights.Select(row => (JsonNode?)new JsonArray(row.Select(v => (JsonNode?)JsonValue.Create(Math.Round(v, 6))).ToArray())).ToArray()),
    }).ToArray());
}
