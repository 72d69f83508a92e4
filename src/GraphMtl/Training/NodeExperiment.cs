using System.Diagnostics;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;

namespace GraphMtl.Training;

/// <summary>
/// Runs node-level multi-task training over N seeds: seed r = <c>Seed + r</c> is set before the model is built, so
/// the same seed gives the same weights and metrics on the CPU. Single-task architectures train one model per task.
/// </summary>
public static class NodeExperiment
{
    /// <summary>
    /// Trains and evaluates. <paramref name="onModelTrained"/> receives each trained model (best weights loaded, eval
    /// mode) with the graph's tensors before it is disposed, e.g. to save a checkpoint or read its gates.
    /// </summary>
    public static ExperimentResult Run(HeteroGraph graph, ModelSpec spec, TrainOptions train, IReadOnlyList<ITrainingCallback> callbacks,
        Action<RunInfo, MultiTaskModel, GraphTensors>? onModelTrained = null)
    {
        if (train.Threads > 0) set_num_threads(train.Threads);
        var device = Devices.Parse(train.Device);
        var metadata = graph.Metadata;
        var groups = spec.Architecture.IndependentPerTask
            ? metadata.Tasks.Select(t => (IReadOnlyList<TaskInfo>)[t]).ToList()
            : [metadata.Tasks];
        var trainer = new Trainer(train, callbacks);
        var seeds = new List<SeedResult>();

        using var tensors = GraphTensors.From(graph, device);
        for (int r = 0; r < train.Runs; r++)
        {
            int seed = train.Seed + r;
            var parts = new List<RunResult>();
            foreach (var group in groups)
            {
                manual_seed(seed);
                using var model = spec.Architecture.Create("model", metadata, spec.Backbone, group);
                model.to(device);
                var names = group.Select(t => t.Name).ToList();
                var weighting = spec.Weighting.Create(names);
                var run = new RunInfo(r, seed, names, train.Epochs, groups.Count > 1 ? string.Join(",", names) : "");
                var result = trainer.Fit(new NodeTaskProblem(model, tensors, spec.Loss), weighting, run);
                onModelTrained?.Invoke(run, model, tensors);
                parts.Add(result);
            }
            seeds.Add(new SeedResult(r, seed, parts));
        }
        double peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new ExperimentResult(spec.Describe(), graph.Name, metadata.Tasks.Select(t => t.Name).ToList(), seeds, peak);
    }
}
