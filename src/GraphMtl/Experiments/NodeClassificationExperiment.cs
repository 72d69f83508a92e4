using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.MultiTask;
using GraphMtl.Reports;
using GraphMtl.Training;
using GraphMtl.Training.Checkpoints;

namespace GraphMtl.Experiments;

/// <summary>
/// Trains node tasks over seeds, saves each trained model as <c>model/run-R[-task].safetensors</c> with an index
/// (<c>model/checkpoints.json</c>: tasks, seed and validation score per file), and predicts from the best checkpoint
/// per task. On HGB data it also writes HGB's prediction format (<c>nid\t\ttype\tlabels</c> for the test nodes, global
/// ids), one file per task, ready for HGB's scorer. Gated architectures also leave their mean gate weights per run
/// (<c>gates.json</c>) and heatmaps (<c>gates.png</c>, <c>relations.png</c>), see <see cref="GateReport"/>.
/// </summary>
public sealed class NodeClassificationExperiment(HeteroGraph graph, ModelSpec spec, TrainOptions train, bool hgbIds = false) : IExperiment
{
    private const string IndexFile = "checkpoints.json";

    /// <inheritdoc/>
    public string Description => $"{spec.Describe()} on {graph.Name}";

    /// <inheritdoc/>
    public IReadOnlyList<string> Tasks => graph.Tasks.Select(t => t.Name).ToList();

    /// <summary>The loaded graph.</summary>
    public HeteroGraph Graph => graph;

    /// <inheritdoc/>
    public ExperimentResult Run(IReadOnlyList<ITrainingCallback> callbacks, RunFolder? folder)
    {
        var index = new JsonArray();
        var gates = new List<GateRun>();
        var result = NodeExperiment.Run(graph, spec, train, callbacks, (run, model, tensors) =>
        {
            if (folder is null) return;
            if (model.Gates is { } recorder) gates.Add(new GateRun(run.Index, run.Seed, run.Tasks, GateReport.Record(model, recorder, tensors)));
            string file = run.Tasks.Count == graph.Tasks.Count || !spec.Architecture.IndependentPerTask
                ? $"run-{run.Index}.safetensors"
                : $"run-{run.Index}-{string.Join('+', run.Tasks)}.safetensors";
            using var scope = NewDisposeScope(); // releases the handles state_dict() creates
            SafeTensors.Save(Path.Combine(folder.ModelDirectory, file), model.state_dict(),
                new Dictionary<string, string> { ["seed"] = run.Seed.ToString(CultureInfo.InvariantCulture), ["tasks"] = string.Join(',', run.Tasks) });
            index.Add(new JsonObject
            {
                ["file"] = file,
                ["run"] = run.Index,
                ["seed"] = run.Seed,
                ["tasks"] = new JsonArray(run.Tasks.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            });
        });
        if (folder != null)
        {
            // Attach each checkpoint's validation score (selection metric, mean over its tasks) for prediction.
            foreach (var entry in index.Select(e => e!.AsObject()))
            {
                var seed = result.Seeds[entry["run"]!.GetValue<int>()];
                var tasks = entry["tasks"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
                double score = MeanStd.Of(tasks.Select(t => seed.Evaluation.Value(t, SplitPart.Val, train.Selection.Metric))).Mean;
                entry["val_score"] = double.IsFinite(score) ? score : null;
            }
            if (gates.Count > 0) GateReport.Write(folder, gates);
            folder.WriteJson(Path.Combine("model", IndexFile), new JsonObject
            {
                ["selection_metric"] = train.Selection.Metric,
                ["higher_is_better"] = TaskMetrics.HigherIsBetter(train.Selection.Metric),
                ["graph"] = GraphSchemaJson(graph.Metadata),
                ["checkpoints"] = index,
            });
        }
        return result;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Predict(RunFolder folder, string output)
    {
        var indexPath = Path.Combine(folder.ModelDirectory, IndexFile);
        if (!File.Exists(indexPath)) throw new GraphMtlException($"{indexPath}: checkpoint index not found; was the run completed?");
        var index = JsonNode.Parse(File.ReadAllText(indexPath))!.AsObject();
        if (index["graph"]!.ToJsonString() != GraphSchemaJson(graph.Metadata).ToJsonString())
            throw new GraphMtlException($"{folder.Path}: the dataset loaded now differs from the one the model was trained on (node types, relations or tasks changed).");
        bool higher = index["higher_is_better"]!.GetValue<bool>();
        var checkpoints = index["checkpoints"]!.AsArray().Select(e => e!.AsObject()).ToList();

        var device = Devices.Parse(train.Device);
        using var tensors = GraphTensors.From(graph, device);
        var rows = new StringBuilder("task\tnode_type\tnode_id\tsplit\tprediction\tprobabilities\n");
        var written = new List<string> { output };
        var hgbFiles = new List<(string Path, string Text)>();
        foreach (var task in graph.Tasks)
        {
            var best = checkpoints
                .Where(c => c["tasks"]!.AsArray().Any(t => t!.GetValue<string>() == task.Name))
                .OrderBy(c => c["val_score"] is null ? double.PositiveInfinity : (higher ? -1 : 1) * c["val_score"]!.GetValue<double>())
                .FirstOrDefault() ?? throw new GraphMtlException($"{indexPath}: no checkpoint for task '{task.Name}'.");
            var taskInfos = best["tasks"]!.AsArray().Select(t => graph.Metadata.Tasks.First(x => x.Name == t!.GetValue<string>())).ToList();
            using var model = spec.Architecture.Create("model", graph.Metadata, spec.Backbone, taskInfos);
            var (state, _) = SafeTensors.Load(Path.Combine(folder.ModelDirectory, best["file"]!.GetValue<string>()));
            try
            {
                model.load_state_dict(state, strict: true);
            }
            finally
            {
                foreach (var t in state.Values) t.Dispose();
            }
            model.to(device).eval();
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var probabilities = TaskLoss.Probabilities(model.call(tensors)[task.Name], task.Kind).to(CPU).contiguous();
            var p = probabilities.data<float>().ToArray();
            AppendRows(rows, task, p);
            if (hgbIds)
                hgbFiles.Add(($"{Path.ChangeExtension(output, null)}.{task.Name}.hgb.txt", HgbRows(task, p)));
        }
        string? dir = Path.GetDirectoryName(Path.GetFullPath(output));
        if (dir != null) Directory.CreateDirectory(dir);
        File.WriteAllText(output, rows.ToString());
        foreach (var (path, text) in hgbFiles)
        {
            File.WriteAllText(path, text);
            written.Add(path);
        }
        return written;
    }

    // HGB's prediction file: test nodes only, global id (types are contiguous in type order), empty name, type index.
    private string HgbRows(NodeTask task, float[] p)
    {
        int type = graph.NodeTypes.ToList().FindIndex(t => t.Name == task.NodeType);
        long offset = graph.NodeTypes.Take(type).Sum(t => (long)t.Count);
        int width = task.Kind == TaskKind.Binary ? 1 : task.NumClasses;
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        foreach (int i in task.Split.Test)
        {
            var row = p.AsSpan(i * width, width).ToArray();
            string labels = task.Kind == TaskKind.MultiClass ? ArgMax(row).ToString(ci)
                : string.Join(',', Enumerable.Range(0, width).Where(c => row[c] >= 0.5f));
            sb.Append((offset + i).ToString(ci)).Append("\t\t").Append(type.ToString(ci)).Append('\t').Append(labels).Append('\n');
        }
        return sb.ToString();
    }

    private static void AppendRows(StringBuilder rows, NodeTask task, float[] p)
    {
        var split = new string[task.Labelled.Length];
        foreach (var (ids, name) in new[] { (task.Split.Train, "train"), (task.Split.Val, "val"), (task.Split.Test, "test") })
            foreach (int id in ids) split[id] = name;
        int width = task.Kind == TaskKind.Binary ? 1 : task.NumClasses;
        var ci = CultureInfo.InvariantCulture;
        for (int i = 0; i < task.Labelled.Length; i++)
        {
            var row = p.AsSpan(i * width, width).ToArray();
            string prediction = task.Kind switch
            {
                TaskKind.MultiClass => ArgMax(row).ToString(ci),
                TaskKind.Binary => row[0] >= 0.5f ? "1" : "0",
                _ => string.Join(',', Enumerable.Range(0, width).Where(c => row[c] >= 0.5f)),
            };
            rows.Append(task.Name).Append('\t').Append(task.NodeType).Append('\t').Append(i.ToString(ci)).Append('\t')
                .Append(split[i] ?? "-").Append('\t').Append(prediction).Append('\t')
                .AppendJoin(',', row.Select(v => v.ToString("0.######", ci))).Append('\n');
        }
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int c = 1; c < row.Length; c++)
            if (row[c] > row[best]) best = c;
        return best;
    }

    private static JsonObject GraphSchemaJson(GraphMetadata m) => new()
    {
        ["node_types"] = new JsonArray(m.NodeTypes.Select(t => (JsonNode?)new JsonObject { ["name"] = t.Name, ["count"] = t.Count, ["feature_dim"] = t.FeatureDim }).ToArray()),
        ["relations"] = new JsonArray(m.Relations.Select(r => (JsonNode?)JsonValue.Create(r.ToString())).ToArray()),
        ["tasks"] = new JsonArray(m.Tasks.Select(t => (JsonNode?)new JsonObject { ["name"] = t.Name, ["node_type"] = t.NodeType, ["kind"] = t.Kind.ToString(), ["classes"] = t.NumClasses }).ToArray()),
    };

    /// <inheritdoc/>
    public void Dispose() { }
}
