using GraphMtl.Backbones;
using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.Relational;
using GraphMtl.Training;

namespace GraphMtl.MultiLabel;

/// <summary>Mini-batching and settings of a <see cref="MultiLabelProblem"/>.</summary>
/// <param name="BatchSize">Examples per batch (the reference: 128; a MetaLink step pairs a support batch and a query batch).</param>
/// <param name="Setting">Reveal probability and held-out tasks.</param>
/// <param name="Reduction">Per-task split of the BCE.</param>
public sealed record MultiLabelProblemOptions(int BatchSize, RelationalSetting Setting, LossReduction Reduction = LossReduction.Pooled);

/// <summary>
/// Example-level multi-label training on mini-batches (the <c>multilabel</c> experiment; shared by the direct, concat
/// and MetaLink heads and meant for later heads too). One epoch shuffles the training examples (seeded) and cuts
/// batches. A head that uses a support set gets consecutive (support, query) batch pairs — an odd last batch is
/// skipped, and a split that fits in one batch is halved — or, with <see cref="TrainingSupport.Sampled"/>, every batch as
/// a query with a random support batch drawn from the other training examples. Otherwise every batch is a query (a
/// trailing batch of one example is skipped, for BatchNorm). Each step builds a <see cref="LabelEpisode"/> under the setting (known labels
/// revealed with probability p for heads that read them; meta-test tasks deleted) and yields the per-task BCE over the
/// hidden pairs.
/// </summary>
/// <remarks>
/// Evaluation scores every head on the same hidden pairs: the reveal is the hash-based <see cref="EvaluationReveal"/>
/// of the run's seed; query batches follow a seeded shuffle of the part; each query batch gets
/// <see cref="RelationalSetting.Repeat"/> seeded random support batches from the training split with all their active
/// labels, averaged at the logit level. The same seeds are used at every evaluation, so passes are reproducible.
/// Metrics per task are computed over its hidden pairs pooled over the pass (scikit-learn ROC-AUC; a task with one
/// class is NaN and skipped by the mean over tasks).
/// </remarks>
public sealed class MultiLabelProblem : ITrainingProblem
{
    private readonly MultiLabelModel _model;
    private readonly MultiLabelDataset _data;
    private readonly IExampleStore _store;
    private readonly DatasetSplit _split;
    private readonly MultiLabelProblemOptions _options;
    private readonly int _seed;
    private readonly Random _rng;
    private readonly EvaluationReveal _evalReveal;
    private readonly Device _device;

    /// <summary>Creates the problem for one run.</summary>
    public MultiLabelProblem(MultiLabelModel model, MultiLabelDataset data, IExampleStore store, DatasetSplit split, MultiLabelProblemOptions options, int seed, Device? device = null)
    {
        if (options.BatchSize < 2) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "expected a batch size of at least 2");
        if (store.Count != data.Count) throw new ArgumentException($"expected a store of {data.Count} examples (got {store.Count})", nameof(store));
        _model = model;
        _data = data;
        _store = store;
        _split = split;
        _options = options;
        _seed = seed;
        _rng = new Random(seed);
        _evalReveal = EvaluationReveal.ForRun(options.Setting.Reveal, seed);
        _device = device ?? CPU;
        Tasks = data.TaskNames;
        EvaluatedTasks = options.Setting.EvaluatedTasks(data.TaskCount).Select(t => data.TaskNames[t]).ToList();
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Tasks { get; }

    /// <summary>The tasks scored at evaluation (held-out tasks in the meta setting).</summary>
    public IReadOnlyList<string> EvaluatedTasks { get; }

    /// <inheritdoc/>
    public nn.Module Module => _model;

    /// <summary>The model.</summary>
    public MultiLabelModel Model => _model;

    /// <inheritdoc/>
    public IEnumerable<Parameter> SharedParameters() => _model.SharedParameters();

    /// <summary>The training episodes of one epoch (host side; also used by tests to inspect what training sees).</summary>
    public IEnumerable<LabelEpisode> TrainingEpisodes()
    {
        var head = _model.Head;
        var rows = (int[])_split.Train.Clone();
        _rng.Shuffle(rows);
        var active = _options.Setting.ActiveTasks(EpisodePhase.Train, _data.TaskCount);
        double p = head.UsesKnownLabels ? _options.Setting.Reveal : 0;
        Func<int, int, int, bool> reveal = p > 0 ? (_, _, _) => _rng.NextDouble() < p : (_, _, _) => false;
        foreach (var (query, support) in Batches(rows, head.UsesSupport(EpisodePhase.Train)))
            yield return LabelEpisode.Build(query, support, _data.Labels, _data.TaskCount, active, reveal);
    }

    private IEnumerable<(int[] Query, int[] Support)> Batches(int[] rows, bool withSupport)
    {
        var chunks = rows.Chunk(_options.BatchSize).ToList();
        if (!withSupport || _options.Setting.TrainingSupport == TrainingSupport.Sampled)
        {
            foreach (var c in chunks)
                if (c.Length >= 2 || chunks.Count == 1) yield return (c, withSupport ? SampleSupport(_rng, exclude: c) : []);
            yield break;
        }
        if (chunks.Count == 1)
        {
            int half = rows.Length / 2;
            if (half >= 1) yield return (rows[half..], rows[..half]);
            yield break;
        }
        for (int j = 0; j + 1 < chunks.Count; j += 2) yield return (chunks[j + 1], chunks[j]);
    }

    /// <inheritdoc/>
    public IEnumerable<Tensor[]> TrainingSteps(int epoch)
    {
        foreach (var episode in TrainingEpisodes())
        {
            if (episode.TargetNode.Length == 0) continue;
            var tensors = episode.ToTensors(_device);
            var logits = _model.call(_store.Collate([.. episode.Query, .. episode.Support]), tensors, EpisodePhase.Train);
            yield return TaskLosses(logits, tensors.TargetValue, tensors.TargetTask, _data.TaskCount, _options.Reduction);
        }
    }

    /// <summary>Per-task BCE-with-logits losses of target logits <c>[P]</c> (see <see cref="LossReduction"/>).</summary>
    public static Tensor[] TaskLosses(Tensor logits, Tensor targets, Tensor tasks, int taskCount, LossReduction reduction)
    {
        var bce = nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None).unsqueeze(1); // [P, 1]
        var sums = Nn.Scatter.Sum(bce, tasks, taskCount).squeeze(1); // [T]
        var losses = reduction == LossReduction.Pooled
            ? sums / Math.Max(1, logits.shape[0])
            : sums / Nn.Scatter.Degree(tasks, taskCount).clamp_min(1);
        return Enumerable.Range(0, taskCount).Select(k => losses[k]).ToArray();
    }

    /// <inheritdoc/>
    public Evaluation Evaluate(bool includeTrain)
    {
        var result = new Evaluation();
        var parts = includeTrain ? new[] { SplitPart.Train, SplitPart.Val, SplitPart.Test } : [SplitPart.Val, SplitPart.Test];
        foreach (var part in parts)
        {
            var scores = Score(part);
            foreach (int t in _options.Setting.EvaluatedTasks(_data.TaskCount))
            {
                var (labels, logits) = scores[t];
                if (labels.Count == 0) continue;
                result.Set(_data.TaskNames[t], part, Metrics(labels, logits));
            }
        }
        return result;
    }

    /// <summary>Per task (dataset column order): the true labels and logits of its hidden pairs in a split part.</summary>
    public (List<int> Labels, List<float> Logits)[] Score(SplitPart part)
    {
        var rows = (int[])(part switch { SplitPart.Train => _split.Train, SplitPart.Val => _split.Valid, _ => _split.Test }).Clone();
        var scores = Enumerable.Range(0, _data.TaskCount).Select(_ => (new List<int>(), new List<float>())).ToArray();
        new Random(SubSeed((int)part, 0)).Shuffle(rows);
        var supportRng = new Random(SubSeed((int)part, 1));
        var active = _options.Setting.ActiveTasks(EpisodePhase.Eval, _data.TaskCount);
        bool useSupport = _model.Head.UsesSupport(EpisodePhase.Eval);
        int draws = useSupport ? _options.Setting.Repeat : 1;
        using var _ = no_grad();
        foreach (var query in rows.Chunk(_options.BatchSize))
        {
            using var scope = NewDisposeScope();
            Tensor? sum = null;
            LabelEpisode? episode = null;
            for (int r = 0; r < draws; r++)
            {
                int[] support = useSupport ? SampleSupport(supportRng) : [];
                episode = LabelEpisode.Build(query, support, _data.Labels, _data.TaskCount, active, (_, row, t) => _evalReveal.IsRevealed(row, t));
                if (episode.TargetNode.Length == 0) break;
                var tensors = episode.ToTensors(_device);
                var logits = _model.call(_store.Collate([.. episode.Query, .. episode.Support]), tensors, EpisodePhase.Eval);
                sum = sum is null ? logits : sum + logits;
            }
            if (sum is null || episode is null) continue;
            var values = (sum / draws).cpu().data<float>().ToArray();
            for (int k = 0; k < values.Length; k++)
            {
                var (labels, logits) = scores[episode.TargetTask[k]];
                labels.Add((int)episode.TargetValue[k]);
                logits.Add(values[k]);
            }
        }
        return scores;
    }

    /// <summary>
    /// A support set: <see cref="RelationalSetting.SupportSize"/> (default the batch size) training rows drawn without
    /// replacement, leaving out <paramref name="exclude"/> (a training step's own queries).
    /// </summary>
    internal int[] SampleSupport(Random rng, int[]? exclude = null)
    {
        var pool = exclude is null ? (int[])_split.Train.Clone() : _split.Train.Except(exclude).ToArray();
        int size = Math.Min(pool.Length, _options.Setting.SupportSize > 0 ? _options.Setting.SupportSize : _options.BatchSize);
        for (int i = 0; i < size; i++)
        {
            int j = rng.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..size];
    }

    private int SubSeed(int a, int b) => (int)(EvaluationReveal.Hash((ulong)(uint)_seed, (ulong)a, (ulong)b) >> 33);

    /// <summary>The task metrics of one task's hidden pairs plus its mean BCE (<c>loss</c>).</summary>
    public static Dictionary<string, double> Metrics(List<int> labels, List<float> logits)
    {
        var probabilities = logits.Select(z => (float)(1 / (1 + Math.Exp(-z)))).ToArray();
        var metrics = new Dictionary<string, double>(TaskMetrics.Compute(TaskKind.Binary, 1, labels.ToArray(), probabilities));
        double loss = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            double z = logits[i];
            loss += Math.Max(z, 0) - z * labels[i] + Math.Log(1 + Math.Exp(-Math.Abs(z))); // BCE with logits, stable
        }
        metrics[TaskMetrics.LossKey] = loss / labels.Count;
        return metrics;
    }
}
