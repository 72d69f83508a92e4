namespace GraphMtl.Training;

/// <summary>
/// What one epoch means for a model and its data, so the <see cref="Trainer"/> needs no special cases: full-batch
/// node tasks give one step per epoch, mini-batched molecules give many.
/// </summary>
public interface ITrainingProblem
{
    /// <summary>Task names, in the order of the loss vectors.</summary>
    IReadOnlyList<string> Tasks { get; }

    /// <summary>The trained module (its parameters go to the optimiser; train/eval mode is switched on it).</summary>
    nn.Module Module { get; }

    /// <summary>Parameters shared by several tasks (for gradient-based weightings).</summary>
    IEnumerable<Parameter> SharedParameters();

    /// <summary>
    /// The optimisation steps of one epoch. Each step yields the per-task training losses (scalars, task order). The
    /// trainer opens a dispose scope before asking for each step, so every tensor a step creates is released after it.
    /// </summary>
    IEnumerable<Tensor[]> TrainingSteps(int epoch);

    /// <summary>Per-task metrics and losses on the validation and test parts (and train when asked), in eval mode without gradients.</summary>
    Evaluation Evaluate(bool includeTrain);
}
