namespace GraphMtl.Weighting;

/// <summary>
/// What a weighting may know about training, passed explicitly (no attributes set on the strategy by the trainer):
/// task names, the epoch (0-based), the mean training loss of each finished epoch per task (oldest first), and the
/// parameters shared by the tasks.
/// </summary>
public sealed record WeightingContext(
    IReadOnlyList<string> Tasks,
    int Epoch,
    IReadOnlyList<double[]> EpochLosses,
    IReadOnlyList<Parameter> SharedParameters);

/// <summary>The task weights a weighting applied in one step (for the log), in task order.</summary>
public sealed record WeightingStep(double[] Weights);
