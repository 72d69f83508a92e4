using System.Diagnostics;
using System.Text.Json.Nodes;
using GraphMtl.Data;
using GraphMtl.Experiments;
using GraphMtl.Graphs;
using GraphMtl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Bench;

/// <summary>
/// One measurement in a fresh process (so peaks of different models never mix): load a dataset, build a model from
/// config overrides, run warm-up epochs, then time every training epoch (forward, loss on the training nodes,
/// backward, Adam step) and every inference pass (forward under no_grad), and report medians and the peak RSS as
/// one JSON line.
/// </summary>
internal static class EpochBench
{
    /// <summary>Arguments of one measurement.</summary>
    /// <param name="Collect">Run a full .NET GC after every epoch, outside the timed region: some tensor handles escape the
    /// dispose scopes and are freed only by finalizers (docs/benchmarks.md), so without it RSS grows with the epochs.</param>
    internal sealed record Settings(string DataRoot, IReadOnlyList<string> Sets, int Threads, int Warmup, int Epochs, int Inference, double Lr, bool Collect = true);

    public static JsonObject Run(Settings s)
    {
        if (s.Threads > 0) set_num_threads(s.Threads);
        var total = Stopwatch.StartNew();
        var options = (NodeExperimentOptions)ExperimentConfig.Load(null, s.Sets);
        var root = DataRoot.Locate(s.DataRoot);
        var load = Stopwatch.StartNew();
        var graph = DatasetLoader.Load(options.Dataset, root);
        double loadSeconds = load.Elapsed.TotalSeconds;
        double rssAfterLoad = ProcessStats.RssMiB();
        double peakLoad = ProcessStats.PeakRssMiB();

        manual_seed(0);
        using var tensors = GraphTensors.From(graph, CPU);
        var spec = new ModelSpec(options.Model, options.Architecture, options.Weighting, options.Loss);
        using var model = spec.Architecture.Create("model", graph.Metadata, spec.Backbone, graph.Metadata.Tasks);
        var problem = new NodeTaskProblem(model, tensors, spec.Loss);
        using var optimizer = optim.Adam(model.parameters(), lr: s.Lr);
        long parameters = model.parameters().Sum(p => p.numel());
        double rssBeforeTraining = ProcessStats.RssMiB();

        var epochSeconds = new List<double>();
        var epochCpu = new List<double>();
        var epochRss = new List<double>();
        double lastLoss = double.NaN;
        var clock = new Stopwatch();
        model.train();
        for (int e = 0; e < s.Warmup + s.Epochs; e++)
        {
            double cpu0 = ProcessStats.CpuSeconds();
            clock.Restart();
            using (var scope = NewDisposeScope())
            {
                var losses = problem.TrainingSteps(e).First();
                var loss = losses.Length == 1 ? losses[0] : stack(losses).sum();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
            }
            double seconds = clock.Elapsed.TotalSeconds;
            double cpu = ProcessStats.CpuSeconds() - cpu0;
            if (s.Collect) NativeMemory.ReleaseUnscoped();
            epochRss.Add(ProcessStats.RssMiB());
            if (e >= s.Warmup)
            {
                epochSeconds.Add(seconds);
                epochCpu.Add(cpu);
            }
        }
        double peakTraining = ProcessStats.PeakRssMiB();

        var inferenceSeconds = new List<double>();
        model.eval();
        for (int i = 0; i < s.Inference + 1; i++)
        {
            clock.Restart();
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                var logits = model.call(tensors);
                foreach (var t in logits.Values) t.sum().item<float>(); // forces completion on any device
            }
            if (i > 0) inferenceSeconds.Add(clock.Elapsed.TotalSeconds); // first pass is a warm-up
            if (s.Collect) NativeMemory.ReleaseUnscoped();
        }

        var (accuracy, macroF1) = Score(problem);
        return new JsonObject
        {
            ["sets"] = new JsonArray(s.Sets.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["graph"] = graph.Name,
            ["nodes"] = graph.NodeTypes.Sum(t => (long)t.Count),
            ["edges"] = graph.Relations.Sum(r => (long)r.EdgeCount),
            ["parameters"] = parameters,
            ["threads"] = get_num_threads(),
            ["warmup"] = s.Warmup,
            ["collect_each_epoch"] = s.Collect,
            ["epoch_seconds"] = new JsonArray(epochSeconds.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["epoch_cpu_seconds"] = new JsonArray(epochCpu.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["epoch_rss_mib"] = new JsonArray(epochRss.Select(v => (JsonNode?)JsonValue.Create(Math.Round(v, 1))).ToArray()),
            ["inference_seconds"] = new JsonArray(inferenceSeconds.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["load_seconds"] = loadSeconds,
            ["rss_after_load_mib"] = rssAfterLoad,
            ["peak_rss_load_mib"] = peakLoad,
            ["rss_before_training_mib"] = rssBeforeTraining,
            ["peak_rss_training_mib"] = peakTraining,
            ["peak_rss_mib"] = ProcessStats.PeakRssMiB(),
            ["final_train_loss"] = lastLoss,
            ["test_accuracy"] = accuracy,
            ["test_macro_f1"] = macroF1,
            ["load_average"] = ProcessStats.LoadAverage(),
            ["total_seconds"] = total.Elapsed.TotalSeconds,
        };
    }

    // Test scores of the last epoch's weights (not a tuned result: a sanity check that the model learns).
    private static (double Accuracy, double MacroF1) Score(NodeTaskProblem problem)
    {
        var evaluation = problem.Evaluate(includeTrain: false);
        var task = problem.Tasks[0];
        return (evaluation.Value(task, SplitPart.Test, "accuracy"), evaluation.Value(task, SplitPart.Test, "macro_f1"));
    }
}
