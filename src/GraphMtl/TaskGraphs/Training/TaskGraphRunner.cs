using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GraphMtl.Backbones;
using GraphMtl.Data.MultiLabel;
using GraphMtl.MultiLabel;
using GraphMtl.Reports;
using GraphMtl.Training;
using GraphMtl.Training.Checkpoints;
using GraphMtl.Weighting;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>
/// Trains a task-graph method (SGNN, SGNN-EBM, GCNet) over N seeds. Run r uses seed <c>Seed + r</c> for the split (unless
/// the split has its own seed), the engine (set before the model is built), batching and sampling. Per run: the
/// heuristic task graph (rebuilt from the run's training labels when label-built), the model, then each stage in turn —
/// its task embeddings pre-trained by link prediction, then the shared <see cref="Trainer"/> with the stage's epochs,
/// selection on the validation mean, best weights restored; a later stage reads the earlier stage's logits for every
/// row (computed once in eval mode). BCE stages use the configured weighting; NCE stages optimise their single
/// objective (equal weighting). The run's result is the last stage's best evaluation.
/// </summary>
/// <remarks>
/// Outputs with a run folder: <c>model/run-R.safetensors</c> (all stages) and <c>model/checkpoints.json</c>;
/// <c>graphs/</c> with the heuristic graph of each run, GCNet's structure prior and learned graph as weighted edge lists,
/// the true DAG when the data has one, and a picture per run. The <c>structure</c> section of <c>metrics.json</c> scores
/// the learned graph, the prior and the heuristic graph against the true DAG.
/// </remarks>
internal static class TaskGraphRunner
{
    public static ExperimentResult Run(TaskGraphHeadOptions options, MultiLabelDataset data, IExampleStore store, MultiLabelSpec spec, TrainOptions train,
        IReadOnlyList<ITrainingCallback> callbacks, RunFolder? folder)
    {
        if (train.Threads > 0) set_num_threads(train.Threads);
        var device = Devices.Parse(train.Device);
        var seeds = new List<SeedResult>();
        var structures = new List<(TaskGraph Heuristic, LearnedStructure? Learned)>();
        var checkpoints = new JsonArray();
        string? graphs = folder is null ? null : Path.Combine(folder.Path, "graphs");
        if (graphs is not null)
        {
            Directory.CreateDirectory(graphs);
            if (data.Structure?.TrueDag is { } truth) truth.WriteEdgeList(Path.Combine(graphs, "true-dag.tsv"), data.TaskNames);
        }
        for (int r = 0; r < train.Runs; r++)
        {
            int seed = train.Seed + r;
            var split = MultiLabelDataLoader.Split(data, spec.Split, seed);
            if (split.Train.Length < 2) throw new GraphMtlException($"dataset.split: expected at least 2 training examples (got {split.Train.Length} of {data.Count})");
            var heuristic = options.TaskGraph.Build(data, split.Train);
            manual_seed(seed);
            using var graph = new TaskGraphTensors(heuristic, device);
            using var model = options.Build(data, spec.Encoder, split.Train, graph);
            model.to(device);
            var parts = new List<RunResult>();
            var lastEpoch = new LastEpochStructure(model);
            Tensor? prior = null;
            var random = new Random(seed);
            try
            {
                // One stage (or the encoder warm-up) through the shared trainer; its problem gives the logits a later stage reads.
                (TaskGraphProblem Problem, RunResult Result) Fit(StageNetwork network, int epochs, ILossWeighting weighting, Func<int[], Tensor>? lookup,
                    ITrainingCallback? extra = null)
                {
                    var problem = new TaskGraphProblem(network, data, store, split, spec.BatchSize, seed, lookup, device, spec.Setting.Reveal);
                    var result = new Trainer(train with { Epochs = epochs }, extra is null ? callbacks : [.. callbacks, extra]).Fit(problem, weighting, new RunInfo(r, seed, data.TaskNames, epochs, network.StageName));
                    return (problem, result);
                }

                if (options.EncoderPretrain.Epochs > 0)
                {
                    // The reference's MTL warm-up of the first stage's encoder (trained in place; its linear head is dropped or starts the direct term).
                    var warmUp = new EncoderPretrainNetwork(model.Stages[0].Network.Encoder, data.TaskCount);
                    try
                    {
                        warmUp.to(device);
                        Fit(warmUp, options.EncoderPretrain.Epochs, spec.Weighting.Create(data.TaskNames), null);
                        if (model.Stages[0].Network.Direct is { } direct) TaskGraphModel.CopyWeights(warmUp.Head, direct);
                    }
                    finally
                    {
                        warmUp.DisposeHead();
                    }
                }
                for (int s = 0; s < model.Stages.Count; s++)
                {
                    var stage = model.Stages[s];
                    model.BeforeStage(s);
                    var positives = Positives(options, heuristic);
                    LinkPretraining.Run(stage.Tasks, positives, data.TaskCount, options.Pretrain, random, device);
                    var cache = prior;
                    Func<int[], Tensor>? lookup = cache is null ? null : rows => cache.index_select(0, tensor(rows.Select(v => (long)v).ToArray(), device: device));
                    var weighting = stage.IsEnergy ? new EqualWeightingOptions().Create(data.TaskNames) : spec.Weighting.Create(data.TaskNames);
                    bool lastStage = s == model.Stages.Count - 1;
                    var (problem, result) = Fit(stage.Network, stage.Options.EpochsOr(train.Epochs), weighting, lookup,
                        lastStage && model.StructureFromLastEpoch ? lastEpoch : null);
                    parts.Add(result);
                    if (s + 1 < model.Stages.Count)
                    {
                        prior?.Dispose();
                        prior = problem.AllLogits();
                    }
                }
            }
            finally
            {
                prior?.Dispose();
            }
            var learned = lastEpoch.Captured ?? model.Structure();
            structures.Add((heuristic, learned));
            seeds.Add(new SeedResult(r, seed, [Combine(parts)]));
            if (folder is not null && graphs is not null)
            {
                string file = $"run-{r}.safetensors";
                SafeTensors.Save(Path.Combine(folder.ModelDirectory, file), model.state_dict(),
                    new Dictionary<string, string> { ["seed"] = seed.ToString(CultureInfo.InvariantCulture) });
                checkpoints.Add(new JsonObject { ["file"] = file, ["run"] = r, ["seed"] = seed });
                WriteGraphs(Path.Combine(graphs, $"run-{r}"), data, heuristic, learned, options.ShdThreshold);
            }
        }
        if (folder is not null)
        {
            folder.WriteJson(Path.Combine("model", "checkpoints.json"), new JsonObject
            {
                ["method"] = HeadRegistry.Instance.NameOf(options.GetType()),
                ["dataset"] = data.Name,
                ["tasks"] = new JsonArray(data.TaskNames.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["checkpoints"] = checkpoints,
            });
        }
        double peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        var sections = new Dictionary<string, JsonNode> { ["structure"] = StructureReport.Build(data, options, structures) };
        return new ExperimentResult(spec.Describe(), data.Name, data.TaskNames, seeds, peak) { Sections = sections };
    }

    // Positive pairs of the link pre-training: the graph's directed edges, or every ordered pair.
    private static List<(int, int)> Positives(TaskGraphHeadOptions options, TaskGraph graph)
    {
        var rule = options.Pretrain.Positives == LinkPositives.Auto ? options.DefaultPositives : options.Pretrain.Positives;
        if (rule == LinkPositives.Graph) return Enumerable.Range(0, graph.EdgeCount).Select(e => (graph.Source[e], graph.Target[e])).ToList();
        int t = graph.TaskCount;
        return Enumerable.Range(0, t).SelectMany(i => Enumerable.Range(0, t).Where(j => j != i).Select(j => (i, j))).ToList();
    }

    // The run's result: the last stage's selected evaluation; epochs and timings of all stages.
    private static RunResult Combine(List<RunResult> parts)
    {
        var last = parts[^1];
        return last with
        {
            EpochsRun = parts.Sum(p => p.EpochsRun),
            EpochSeconds = parts.SelectMany(p => p.EpochSeconds).ToList(),
            EvaluationSeconds = parts.Sum(p => p.EvaluationSeconds),
        };
    }

    private static void WriteGraphs(string directory, MultiLabelDataset data, TaskGraph heuristic, LearnedStructure? learned, double threshold)
    {
        Directory.CreateDirectory(directory);
        heuristic.WriteEdgeList(Path.Combine(directory, "heuristic.tsv"), data.TaskNames, pairsOnce: heuristic.IsSymmetric);
        TaskGraph? learnedGraph = null;
        if (learned?.Prior is { } prior) heuristic.WithWeights(prior).WriteEdgeList(Path.Combine(directory, "prior.tsv"), data.TaskNames);
        if (learned?.Learned is { } dense)
        {
            learnedGraph = TaskGraph.FromDense(data.TaskCount, dense, 1e-6f);
            learnedGraph.WriteEdgeList(Path.Combine(directory, "learned.tsv"), data.TaskNames);
        }
        TaskGraphPicture.Save(Path.Combine(directory, "graphs.png"), data.TaskNames, heuristic, learnedGraph, data.Structure?.TrueDag, threshold);
    }
}
