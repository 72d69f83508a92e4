namespace GraphMtl.Weighting;

/// <summary>
/// Turns per-task losses into gradients (LibMTL's AbsWeighting): a strategy calls <c>backward</c> itself, so it may
/// weight the losses, or edit per-task gradients of the shared parameters (PCGrad), and it reports the weights it
/// applied. It sees only the losses and an explicit <see cref="WeightingContext"/>, never the model or trainer.
/// </summary>
public interface ILossWeighting
{
    /// <summary>Parameters the strategy learns itself (e.g. uncertainty weighting's log-variances); optimised with the model.</summary>
    IEnumerable<Parameter> ExtraParameters();

    /// <summary>Back-propagates the combined objective of <paramref name="losses"/> (one scalar per task, in task order).</summary>
    WeightingStep Backward(IReadOnlyList<Tensor> losses, WeightingContext context);
}
