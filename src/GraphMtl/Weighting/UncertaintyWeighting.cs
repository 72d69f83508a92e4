namespace GraphMtl.Weighting;

/// <summary>
/// Uncertainty weighting: each task's loss is scaled by a learned homoscedastic uncertainty. Kendall, Gal and
/// Cipolla, "Multi-Task Learning Using Uncertainty to Weigh Losses for Scene Geometry and Semantics", CVPR 2018
/// (arXiv:1705.07115); LibMTL's <c>UW</c>.
/// </summary>
/// <remarks>
/// With learned log-variances s_k = log σ_k² (one per task, <see cref="UncertaintyWeightingOptions.InitialLogVariance"/>,
/// default 0) the objective is the paper's regression form, used for every task (as LibMTL does):
/// <code>
/// L = Σ_k [ exp(−s_k) · L_k / 2 + s_k / 2 ]      (= Σ_k L_k / (2σ_k²) + log σ_k)
/// </code>
/// so the weight applied (and reported) is w_k = 1 / (2·exp(s_k)), and s_k receives ∂L/∂s_k = ½ − exp(−s_k)·L_k / 2,
/// which vanishes at s_k = log L_k. The s_k are <see cref="ExtraParameters"/>, optimised with the model. The strategy
/// uses no shared parameters, so it works with any architecture, single-task included.
/// </remarks>
public sealed class UncertaintyWeighting : ILossWeighting
{
    private readonly Parameter _logVariance; // [K]

    /// <summary>Creates the strategy for <paramref name="taskCount"/> tasks with s_k = <paramref name="initialLogVariance"/>.</summary>
    public UncertaintyWeighting(int taskCount, double initialLogVariance = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(taskCount, 1);
        _logVariance = new Parameter(full(taskCount, initialLogVariance, dtype: float32));
    }

    /// <summary>The learned log-variances s_k = log σ_k², in task order.</summary>
    public Parameter LogVariance => _logVariance;

    /// <inheritdoc/>
    public IEnumerable<Parameter> ExtraParameters() => [_logVariance];

    /// <inheritdoc/>
    public WeightingStep Backward(IReadOnlyList<Tensor> losses, WeightingContext context)
    {
        if (losses.Count != _logVariance.shape[0])
            throw new ArgumentException($"Expected {_logVariance.shape[0]} task losses (got {losses.Count}).", nameof(losses));
        using var scope = NewDisposeScope();
        var s = _logVariance.device == losses[0].device ? _logVariance : _logVariance.to(losses[0].device);
        var stacked = stack(losses.Select(l => l.reshape([])).ToList()).to(s.dtype); // [K]
        var objective = (stacked * (-s).exp() / 2 + s / 2).sum();
        objective.backward();
        using var _ = no_grad();
        double[] weights = [.. (0.5 * (-_logVariance).exp()).to(float64).cpu().data<double>()];
        return new WeightingStep(weights);
    }
}

/// <summary>Options of <see cref="UncertaintyWeighting"/> (<c>weighting: {name: uncertainty}</c>, alias <c>uw</c>).</summary>
public sealed record UncertaintyWeightingOptions : WeightingOptions
{
    /// <summary>Initial log-variance s_k = log σ_k² of every task; 0 gives weights ½ (LibMTL starts at −0.5).</summary>
    public double InitialLogVariance { get; init; }

    /// <inheritdoc/>
    public override ILossWeighting Create(IReadOnlyList<string> tasks) => new UncertaintyWeighting(tasks.Count, InitialLogVariance);

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        if (!double.IsFinite(InitialLogVariance))
            yield return (nameof(InitialLogVariance), $"expected a finite number (got {InitialLogVariance})");
    }
}
