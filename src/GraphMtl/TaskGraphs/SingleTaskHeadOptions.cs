using System.Diagnostics;
using GraphMtl.Backbones;
using GraphMtl.Data.MultiLabel;
using GraphMtl.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Reports;
using GraphMtl.Training;

namespace GraphMtl.TaskGraphs;

/// <summary>
/// Single-task learning in the <c>multilabel</c> experiment (<c>head: {name: single-task}</c>; the STL baseline of
/// SGNN-EBM/GCNet): per run and task, an independent encoder and direct head trained on that task's labels only and
/// selected on its own validation score, with the run's split shared by all tasks. The per-task results are merged.
/// Every observed label is a target (<c>setting.reveal</c> 0, no meta setting); no checkpoints are written.
/// </summary>
public sealed record SingleTaskHeadOptions : HeadOptions, IMultiLabelScheme
{
    /// <summary>Linear → PReLU layers of each task's direct head.</summary>
    public int Layers { get; init; } = 1;

    /// <inheritdoc/>
    public override MultiLabelHead Create(string name, int embeddingDim, int taskCount, RelationalSetting setting) =>
        new DirectHeadOptions { Layers = Layers }.Create(name, embeddingDim, taskCount, setting);

    /// <inheritdoc/>
    public HeadOptions Prepare(MultiLabelDataset data, MultiLabelSpec spec, Func<string, string> resolve)
    {
        if (spec.Setting.Reveal > 0 || spec.Setting.Meta)
            throw new GraphMtlException($"setting: single-task learning scores every observed label (expected reveal: 0 and meta: false; got reveal: {spec.Setting.Reveal}, meta: {spec.Setting.Meta.ToString().ToLowerInvariant()})");
        return this;
    }

    /// <inheritdoc/>
    public ExperimentResult Run(MultiLabelDataset data, IExampleStore store, MultiLabelSpec spec, TrainOptions train, IReadOnlyList<ITrainingCallback> callbacks, RunFolder? folder)
    {
        if (train.Threads > 0) set_num_threads(train.Threads);
        var device = Devices.Parse(train.Device);
        var trainer = new Trainer(train, callbacks);
        var seeds = new List<SeedResult>();
        var taskSpec = spec with { Head = new DirectHeadOptions { Layers = Layers } };
        for (int r = 0; r < train.Runs; r++)
        {
            int seed = train.Seed + r;
            var split = MultiLabelDataLoader.Split(data, spec.Split, seed);
            var parts = new List<RunResult>();
            for (int k = 0; k < data.TaskCount; k++)
            {
                var task = Column(data, k);
                var setting = spec.Setting.Resolve(task.TaskNames);
                manual_seed(seed);
                using var model = MultiLabelRunner.Build(task, taskSpec, setting, split.Train);
                model.to(device);
                var problem = new MultiLabelProblem(model, task, store, split, new MultiLabelProblemOptions(spec.BatchSize, setting, spec.Loss.Reduction), seed, device);
                var run = new RunInfo(r, seed, task.TaskNames, train.Epochs, task.TaskNames[0]);
                parts.Add(trainer.Fit(problem, spec.Weighting.Create(task.TaskNames), run));
            }
            seeds.Add(new SeedResult(r, seed, parts));
        }
        double peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new ExperimentResult(spec.Describe(), data.Name, data.TaskNames, seeds, peak);
    }

    /// <summary>The dataset restricted to task <paramref name="task"/> (same inputs and rows).</summary>
    internal static MultiLabelDataset Column(MultiLabelDataset data, int task)
    {
        var labels = new sbyte[data.Count];
        for (int i = 0; i < data.Count; i++) labels[i] = data.Label(i, task);
        return new MultiLabelDataset(data.Name, data.Source, data.Inputs, [data.TaskNames[task]], labels, data.ScaffoldKeys, data.Identifiers);
    }

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        if (Layers < 0) yield return (nameof(Layers), $"expected 0 or more layers (got {Layers})");
    }
}
