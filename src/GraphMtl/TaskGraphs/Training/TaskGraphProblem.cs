using GraphMtl.Backbones;
using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Graphs;
using GraphMtl.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Training;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>
/// One stage of a task-graph method as an <see cref="ITrainingProblem"/>: a seeded shuffle of the training rows cut
/// into batches (a trailing batch of one example is skipped, for BatchNorm), the full label matrix of each batch with
/// its validity mask, and the previous stage's logits for the rows when the stage reads them. Evaluation scores every
/// observed label of the validation and test rows with the stage's probabilities (per-task scikit-learn ROC-AUC and
/// the other binary metrics of <see cref="MultiLabelProblem.Metrics"/>), drawing Gibbs samples from a generator
/// seeded per run and split part, so every evaluation of a run is reproducible. With <c>setting.reveal</c> p &gt; 0,
/// each observed label of an evaluated row is revealed with probability p by the run's <see cref="EvaluationReveal"/>
/// (the same pairs a single-model head of the same run sees): revealed labels go to the stage as
/// <see cref="StageBatch.Known"/> and are not scored.
/// </summary>
internal sealed class TaskGraphProblem : ITrainingProblem
{
    private readonly StageNetwork _network;
    private readonly MultiLabelDataset _data;
    private readonly IExampleStore _store;
    private readonly DatasetSplit _split;
    private readonly int _batchSize, _seed;
    private readonly Random _random;
    private readonly Func<int[], Tensor>? _prior;
    private readonly Device _device;
    private readonly EvaluationReveal _reveal;

    /// <summary>Creates the problem of <paramref name="network"/> for one run (<paramref name="reveal"/>: p of <c>setting.reveal</c>).</summary>
    public TaskGraphProblem(StageNetwork network, MultiLabelDataset data, IExampleStore store, DatasetSplit split, int batchSize, int seed,
        Func<int[], Tensor>? prior, Device device, double reveal = 0)
    {
        if (network.NeedsPrior && prior is null) throw new ArgumentException($"{network.StageName} needs the previous stage's logits", nameof(prior));
        _network = network;
        _data = data;
        _store = store;
        _split = split;
        _batchSize = batchSize;
        _seed = seed;
        _random = new Random(seed);
        _prior = prior;
        _device = device;
        _reveal = EvaluationReveal.ForRun(reveal, seed);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Tasks => _data.TaskNames;

    /// <inheritdoc/>
    public nn.Module Module => _network;

    /// <inheritdoc/>
    public IEnumerable<Parameter> SharedParameters() => _network.SharedParameters();

    /// <inheritdoc/>
    public IEnumerable<Tensor[]> TrainingSteps(int epoch)
    {
        _network.BeginEpoch(epoch);
        var rows = (int[])_split.Train.Clone();
        _random.Shuffle(rows);
        foreach (var chunk in rows.Chunk(_batchSize))
        {
            if (chunk.Length < 2) continue;
            yield return _network.Losses(Batch(chunk, _random, null));
        }
    }

    /// <summary>
    /// The rows' labels as the stage networks read them: <c>[rows × T]</c> targets (1 for a positive, else 0) and a
    /// mask that is 1 where the label is observed (missing labels, −1, never count).
    /// </summary>
    internal static (long[] Labels, float[] Valid) LabelMatrix(sbyte[] labels, int taskCount, int[] rows)
    {
        var targets = new long[rows.Length * taskCount];
        var valid = new float[rows.Length * taskCount];
        for (int i = 0; i < rows.Length; i++)
            for (int k = 0; k < taskCount; k++)
            {
                sbyte y = labels[rows[i] * taskCount + k];
                targets[i * taskCount + k] = y == 1 ? 1 : 0;
                valid[i * taskCount + k] = y >= 0 ? 1 : 0;
            }
        return (targets, valid);
    }

    /// <summary>Row-major <c>[rows × T]</c> flags of the rows' cells, <paramref name="cell"/>(dataset row, task) each.</summary>
    private bool[] Cells(int[] rows, Func<int, int, bool> cell)
    {
        int t = _data.TaskCount;
        var flags = new bool[rows.Length * t];
        for (int i = 0; i < rows.Length; i++)
            for (int k = 0; k < t; k++) flags[i * t + k] = cell(rows[i], k);
        return flags;
    }

    /// <summary>The batch of <paramref name="rows"/> (tensors in the current dispose scope).</summary>
    internal StageBatch Batch(int[] rows, Random random, Generator? generator)
    {
        int t = _data.TaskCount;
        var (labels, valid) = LabelMatrix(_data.Labels, t, rows);
        Tensor? intervened = _data.Interventions is { } flags
            ? tensor(Cells(rows, (row, k) => flags[row * t + k]), [rows.Length, t], device: _device).to(float32)
            : null;
        return new StageBatch(rows, _store.Collate(rows), tensor(labels, [rows.Length, t], device: _device), tensor(valid, [rows.Length, t], device: _device),
            _prior?.Invoke(rows), random, generator, intervened);
    }

    /// <inheritdoc/>
    public Evaluation Evaluate(bool includeTrain)
    {
        var result = new Evaluation();
        var parts = includeTrain ? new[] { SplitPart.Train, SplitPart.Val, SplitPart.Test } : [SplitPart.Val, SplitPart.Test];
        foreach (var part in parts)
        {
            var scores = Score(part);
            for (int k = 0; k < _data.TaskCount; k++)
            {
                var (labels, logits) = scores[k];
                if (labels.Count > 0) result.Set(_data.TaskNames[k], part, MultiLabelProblem.Metrics(labels, logits));
            }
        }
        return result;
    }

    /// <summary>
    /// Per task: the observed, unrevealed labels of a split part and the stage's scores as logits (log-odds of the
    /// probability), the revealed labels given to the stage.
    /// </summary>
    public (List<int> Labels, List<float> Logits)[] Score(SplitPart part)
    {
        var rows = part switch { SplitPart.Train => _split.Train, SplitPart.Val => _split.Valid, _ => _split.Test };
        int t = _data.TaskCount;
        var scores = Enumerable.Range(0, t).Select(_ => (new List<int>(), new List<float>())).ToArray();
        int seed = SubSeed((ulong)part, 0x6C1B);
        var random = new Random(seed);
        using var generator = new Generator((ulong)(uint)seed, _device);
        using var _ = no_grad();
        foreach (var chunk in rows.Chunk(_batchSize))
        {
            using var scope = NewDisposeScope();
            var known = Cells(chunk, (row, k) => _data.Labels[row * t + k] >= 0 && _reveal.IsRevealed(row, k));
            var batch = Batch(chunk, random, generator);
            if (_reveal.Probability > 0) batch = batch with { Known = tensor(known, [chunk.Length, t], device: _device) };
            var p = _network.Probabilities(batch).clamp(1e-6, 1 - 1e-6);
            var values = (p.log() - (1 - p).log()).cpu().data<float>().ToArray();
            for (int i = 0; i < chunk.Length; i++)
                for (int k = 0; k < t; k++)
                {
                    sbyte y = _data.Labels[chunk[i] * t + k];
                    if (y < 0 || known[i * t + k]) continue;
                    scores[k].Item1.Add(y);
                    scores[k].Item2.Add(values[i * t + k]);
                }
        }
        return scores;
    }

    private int SubSeed(ulong a, ulong b) => (int)(EvaluationReveal.Hash((ulong)(uint)_seed, a, b) >> 33);

    /// <summary>The stage's logits (log-odds) for every row of the dataset <c>[N, T]</c>, in eval mode (the next stage's prior).</summary>
    public Tensor AllLogits()
    {
        var all = Enumerable.Range(0, _data.Count).ToArray();
        var parts = new List<Tensor>();
        int seed = SubSeed(7, 0x9A11);
        var random = new Random(seed);
        using var generator = new Generator((ulong)(uint)seed, _device);
        using var _ = no_grad();
        bool wasTraining = _network.training;
        _network.eval();
        using (var scope = NewDisposeScope())
        {
            foreach (var chunk in all.Chunk(_batchSize))
            {
                var p = _network.Probabilities(Batch(chunk, random, generator)).clamp(1e-6, 1 - 1e-6);
                parts.Add(p.log() - (1 - p).log());
            }
            var result = cat(parts, 0).MoveToOuterDisposeScope();
            if (wasTraining) _network.train();
            return result;
        }
    }
}
