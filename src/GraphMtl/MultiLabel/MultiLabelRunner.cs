using System.Diagnostics;
using GraphMtl.Backbones;
using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.MultiLabel;

/// <summary>Everything that defines a multi-label model and its training episodes.</summary>
/// <param name="Encoder">Example encoder.</param>
/// <param name="Head">Task head.</param>
/// <param name="Setting">Reveal probability and meta setting.</param>
/// <param name="Weighting">Combination of the per-task losses.</param>
/// <param name="Loss">Per-task split of the BCE.</param>
/// <param name="Split">How each run splits the data.</param>
/// <param name="BatchSize">Examples per batch.</param>
public sealed record MultiLabelSpec(EncoderOptions Encoder, HeadOptions Head, RelationalSettingOptions Setting, WeightingOptions Weighting,
    MultiLabelLossOptions Loss, MultiLabelSplitOptions Split, int BatchSize)
{
    /// <summary>A short description, e.g. <c>metalink/mpnn p=0.2</c> or <c>direct/mlp meta</c>.</summary>
    public string Describe()
    {
        string text = $"{HeadRegistry.Instance.NameOf(Head.GetType())}/{EncoderRegistry.Instance.NameOf(Encoder.GetType())}";
        if (Setting.Reveal > 0) text += $" p={Setting.Reveal:0.###}";
        if (Setting.Meta) text += " meta";
        return text;
    }
}

/// <summary>A trained run: its info, model (best weights loaded) and split, handed to the caller before the model is disposed.</summary>
public sealed record TrainedRun(RunInfo Run, MultiLabelModel Model, DatasetSplit Split, MultiLabelProblem Problem);

/// <summary>
/// Trains an example-level multi-label model over N seeds: run r uses seed <c>Seed + r</c> for the split (unless the
/// split has its own seed), the engine (set before the model is built), batching and reveals, so the same seed gives
/// the same result on the CPU.
/// </summary>
public static class MultiLabelRunner
{
    /// <summary>
    /// Trains and evaluates. <paramref name="store"/> holds the dataset's tensors (built once by the encoder options);
    /// <paramref name="onModelTrained"/> receives each trained run before its model is disposed (e.g. to save it).
    /// </summary>
    public static ExperimentResult Run(MultiLabelDataset data, IExampleStore store, MultiLabelSpec spec, TrainOptions train,
        IReadOnlyList<ITrainingCallback> callbacks, Action<TrainedRun>? onModelTrained = null)
    {
        if (train.Threads > 0) set_num_threads(train.Threads);
        var device = Devices.Parse(train.Device);
        var setting = spec.Setting.Resolve(data.TaskNames);
        var trainer = new Trainer(train, callbacks);
        var seeds = new List<SeedResult>();
        IReadOnlyList<string> evaluated = setting.EvaluatedTasks(data.TaskCount).Select(t => data.TaskNames[t]).ToList();
        for (int r = 0; r < train.Runs; r++)
        {
            int seed = train.Seed + r;
            var split = MultiLabelDataLoader.Split(data, spec.Split, seed);
            if (split.Train.Length < 2) throw new GraphMtlException($"dataset.split: expected at least 2 training examples (got {split.Train.Length} of {data.Count})");
            manual_seed(seed);
            using var model = Build(data, spec, setting, split.Train);
            model.to(device);
            var weighting = spec.Weighting.Create(data.TaskNames);
            var problem = new MultiLabelProblem(model, data, store, split, new MultiLabelProblemOptions(spec.BatchSize, setting, spec.Loss.Reduction), seed, device);
            var run = new RunInfo(r, seed, data.TaskNames, train.Epochs, "");
            var result = trainer.Fit(problem, weighting, run);
            onModelTrained?.Invoke(new TrainedRun(run, model, split, problem));
            seeds.Add(new SeedResult(r, seed, [result]));
        }
        double peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new ExperimentResult(spec.Describe(), data.Name, evaluated, seeds, peak);
    }

    /// <summary>The model of <paramref name="spec"/> for <paramref name="data"/> (encoder input statistics from <paramref name="trainRows"/>).</summary>
    public static MultiLabelModel Build(MultiLabelDataset data, MultiLabelSpec spec, RelationalSetting setting, IReadOnlyList<int> trainRows)
    {
        var encoder = spec.Encoder.Create("encoder", data.Inputs, trainRows);
        var head = spec.Head.Create("head", encoder.OutDim, data.TaskCount, setting);
        return new MultiLabelModel("model", encoder, head);
    }
}
