using System.Globalization;
using System.Text.Json.Nodes;
using GraphMtl.Backbones;
using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.MultiLabel;
using GraphMtl.Reports;
using GraphMtl.Training;
using GraphMtl.Training.Checkpoints;

namespace GraphMtl.Experiments;

/// <summary>
/// Runs the <c>multilabel</c> experiment: trains every seed, saves each model as <c>model/run-R.safetensors</c> with
/// an index (<c>model/checkpoints.json</c>: seed, split seed and validation score per file) and <c>data.json</c> (rows
/// kept and skipped, split sizes); predicts new examples with known labels from the best checkpoint
/// (<see cref="PredictFrom"/>).
/// </summary>
public sealed class MultiLabelExperiment(MultiLabelDataset data, IReadOnlyList<SkippedRow> skipped, MultiLabelSpec spec, TrainOptions train, string? smilesColumn)
    : IExperiment, IPredictsFromInput
{
    private const string IndexFile = "checkpoints.json";
    private IExampleStore? _store;

    /// <inheritdoc/>
    public string Description => $"{spec.Describe()} on {data.Name}";

    /// <inheritdoc/>
    public IReadOnlyList<string> Tasks => data.TaskNames;

    /// <summary>The loaded data.</summary>
    public MultiLabelDataset Data => data;

    private IExampleStore Store => _store ??= spec.Encoder.CreateStore(data.Inputs, Devices.Parse(train.Device));

    /// <inheritdoc/>
    public ExperimentResult Run(IReadOnlyList<ITrainingCallback> callbacks, RunFolder? folder)
    {
        if (spec.Head is IMultiLabelScheme scheme) return scheme.Run(data, Store, spec, train, callbacks, folder);
        var index = new JsonArray();
        var splits = new JsonArray();
        var result = MultiLabelRunner.Run(data, Store, spec, train, callbacks, trained =>
        {
            splits.Add(new JsonObject
            {
                ["run"] = trained.Run.Index,
                ["train"] = trained.Split.Train.Length,
                ["valid"] = trained.Split.Valid.Length,
                ["test"] = trained.Split.Test.Length,
            });
            if (folder is null) return;
            string file = $"run-{trained.Run.Index}.safetensors";
            SafeTensors.Save(Path.Combine(folder.ModelDirectory, file), trained.Model.state_dict(),
                new Dictionary<string, string> { ["seed"] = trained.Run.Seed.ToString(CultureInfo.InvariantCulture) });
            index.Add(new JsonObject { ["file"] = file, ["run"] = trained.Run.Index, ["seed"] = trained.Run.Seed });
        });
        if (folder is null) return result;
        foreach (var entry in index.Select(e => e!.AsObject()))
        {
            var seed = result.Seeds[entry["run"]!.GetValue<int>()];
            double score = MeanStd.Of(result.Tasks.Select(t => seed.Evaluation.Value(t, SplitPart.Val, train.Selection.Metric))).Mean;
            entry["val_score"] = double.IsFinite(score) ? score : null;
        }
        folder.WriteJson(Path.Combine("model", IndexFile), new JsonObject
        {
            ["selection_metric"] = train.Selection.Metric,
            ["higher_is_better"] = TaskMetrics.HigherIsBetter(train.Selection.Metric),
            ["dataset"] = data.Name,
            ["tasks"] = new JsonArray(data.TaskNames.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["checkpoints"] = index,
        });
        folder.WriteJson("data.json", new JsonObject
        {
            ["dataset"] = data.Name,
            ["source"] = data.Source,
            ["examples"] = data.Count,
            ["tasks"] = data.TaskCount,
            ["labelled_fraction"] = Math.Round(data.LabelledFraction, 6),
            ["evaluated_tasks"] = new JsonArray(result.Tasks.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["splits"] = splits,
            ["skipped"] = new JsonArray(skipped.Select(s => (JsonNode?)new JsonObject { ["line"] = s.Line, ["smiles"] = s.Smiles, ["reason"] = s.Reason }).ToArray()),
        });
        return result;
    }

    /// <inheritdoc/>
    public string InputDescription => $"a CSV with a header, {(data.Inputs is MoleculeInputs ? "a SMILES column" : "one column per feature")} and any task columns (filled cells are known labels, empty cells are predicted)";

    /// <inheritdoc/>
    public IReadOnlyList<string> Predict(RunFolder folder, string output) =>
        throw new GraphMtlException($"{folder.Path}: a multilabel run predicts new examples: pass --input FILE.csv ({InputDescription}).");

    /// <summary>
    /// Predicts the empty task cells of <paramref name="input"/> with the best checkpoint (by validation) and writes
    /// the table to <paramref name="output"/>; returns the files written and the number of rows skipped for invalid SMILES.
    /// </summary>
    public (IReadOnlyList<string> Files, int InvalidRows) PredictFrom(RunFolder folder, string input, string output)
    {
        if (spec.Head is IMultiLabelScheme)
            throw new GraphMtlException($"{folder.Path}: gmtl predict does not support the {HeadRegistry.Instance.NameOf(spec.Head.GetType())} head yet.");
        var indexPath = Path.Combine(folder.ModelDirectory, IndexFile);
        if (!File.Exists(indexPath)) throw new GraphMtlException($"{indexPath}: checkpoint index not found; was the run completed?");
        var index = JsonNode.Parse(File.ReadAllText(indexPath))!.AsObject();
        var tasks = index["tasks"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        if (!tasks.SequenceEqual(data.TaskNames))
            throw new GraphMtlException($"{folder.Path}: the dataset loaded now has tasks {string.Join(", ", data.TaskNames)}; the model was trained on {string.Join(", ", tasks)}.");
        bool higher = index["higher_is_better"]!.GetValue<bool>();
        var best = index["checkpoints"]!.AsArray().Select(e => e!.AsObject())
            .OrderBy(c => c["val_score"] is null ? double.PositiveInfinity : (higher ? -1 : 1) * c["val_score"]!.GetValue<double>())
            .FirstOrDefault() ?? throw new GraphMtlException($"{indexPath}: no checkpoint listed.");
        int seed = best["seed"]!.GetValue<int>();

        var table = data.Inputs is TabularInputs tabular
            ? PredictionTable.ReadTabular(input, data.TaskNames, tabular.FeatureNames)
            : PredictionTable.ReadMolecules(input, data.TaskNames, smilesColumn);
        var device = train.ConfigureEngine();
        var setting = spec.Setting.Resolve(data.TaskNames);
        var split = MultiLabelDataLoader.Split(data, spec.Split, seed);
        using var model = MultiLabelRunner.Build(data, spec, setting, split.Train);
        var (state, _) = SafeTensors.Load(Path.Combine(folder.ModelDirectory, best["file"]!.GetValue<string>()));
        try
        {
            model.load_state_dict(state, strict: true);
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
        model.to(device);
        var probabilities = new float[table.ValidRows.Length * data.TaskCount];
        if (table.ValidRows.Length > 0)
        {
            using var queries = spec.Encoder.CreateStore(table.Inputs, device);
            probabilities = MultiLabelPredictor.Predict(model, queries, table.Labels, Store, data.Labels, split.Train, data.TaskCount, setting,
                spec.BatchSize, seed, device);
        }
        table.Write(output, probabilities);
        return ([output], table.Count - table.ValidRows.Length);
    }

    /// <inheritdoc/>
    public void Dispose() => _store?.Dispose();
}
