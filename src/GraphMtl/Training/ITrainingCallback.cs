namespace GraphMtl.Training;

/// <summary>
/// Observes training (progress display, CSV logs, checkpoints) without the trainer knowing who listens. All members
/// have empty defaults.
/// </summary>
public interface ITrainingCallback
{
    /// <summary>A run starts.</summary>
    void OnRunStart(RunInfo run) { }

    /// <summary>An epoch finished (with the evaluation when one was made).</summary>
    void OnEpoch(RunInfo run, EpochRecord record) { }

    /// <summary>A run finished; the model holds the selected (best) weights.</summary>
    void OnRunEnd(RunInfo run, RunResult result) { }
}

/// <summary>Identifies a run: its index, its seed, the tasks trained together, and the total number of epochs allowed.</summary>
public sealed record RunInfo(int Index, int Seed, IReadOnlyList<string> Tasks, int MaxEpochs, string Label);

/// <summary>
/// One epoch: mean training loss and applied weight per task (task order), seconds spent in optimisation steps, and
/// the evaluation when the epoch was evaluated (null otherwise) with whether it was accepted as the new best.
/// </summary>
public sealed record EpochRecord(int Epoch, double[] TrainLoss, double[] Weights, double Seconds, Evaluation? Evaluation, bool Improved);

/// <summary>The outcome of one run: the evaluation of the selected checkpoint and timings.</summary>
public sealed record RunResult(
    RunInfo Run,
    Evaluation Best,
    int BestEpoch,
    int EpochsRun,
    IReadOnlyList<double> EpochSeconds,
    double EvaluationSeconds);
