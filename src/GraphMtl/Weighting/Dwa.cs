namespace GraphMtl.Weighting;

/// <summary>
/// Dynamic Weight Average: a task's weight grows with how slowly its loss fell over the last epoch. Liu, Johns and
/// Davison, "End-to-End Multi-Task Learning with Attention", CVPR 2019 (arXiv:1803.10704), Eq. 7; LibMTL's <c>DWA</c>.
/// </summary>
/// <remarks>
/// With L̄_k(e) the mean training loss of task k in finished epoch e (<see cref="WeightingContext.EpochLosses"/>), the
/// weights during epoch t are
/// <code>
/// w_k(t) = K · exp(r_k(t−1) / T) / Σ_j exp(r_j(t−1) / T),      r_k(t−1) = L̄_k(t−1) / L̄_k(t−2)
/// </code>
/// using the last two finished epochs, and w_k = 1 while fewer than two epochs have finished (epochs 0 and 1), as in the
/// paper and LibMTL. T is <see cref="DwaOptions.Temperature"/> (default 2). The weights are constant within an epoch
/// and the model gradient is that of Σ_k w_k L_k. A ratio that is undefined (L̄_k(t−2) ≤ 0 or a non-finite loss) is
/// taken as 1, a choice neither the paper nor LibMTL makes (they would divide by zero). No shared parameters are used, so
/// any architecture works.
/// </remarks>
public sealed class Dwa(double temperature = 2) : ILossWeighting
{
    /// <summary>The softmax temperature T.</summary>
    public double Temperature { get; } = temperature > 0 ? temperature
        : throw new ArgumentOutOfRangeException(nameof(temperature), $"Expected a positive temperature (got {temperature}).");

    /// <inheritdoc/>
    public IEnumerable<Parameter> ExtraParameters() => [];

    /// <inheritdoc/>
    public WeightingStep Backward(IReadOnlyList<Tensor> losses, WeightingContext context)
    {
        var weights = Weights(losses.Count, context.EpochLosses);
        using var scope = NewDisposeScope();
        var total = TaskGradients.Sum(losses, weights);
        if (total.requires_grad) total.backward();
        return new WeightingStep(weights);
    }

    /// <summary>The DWA weights for the next epoch from the per-epoch mean losses of the finished epochs (oldest first).</summary>
    public double[] Weights(int taskCount, IReadOnlyList<double[]> epochLosses)
    {
        var weights = Enumerable.Repeat(1.0, taskCount).ToArray();
        if (epochLosses.Count < 2) return weights;
        double[] last = epochLosses[^1], before = epochLosses[^2];
        if (last.Length != taskCount || before.Length != taskCount)
            throw new ArgumentException($"Expected {taskCount} losses per epoch (got {before.Length} and {last.Length}).", nameof(epochLosses));
        var scaled = new double[taskCount];
        for (int k = 0; k < taskCount; k++)
        {
            double ratio = last[k] / before[k];
            scaled[k] = (before[k] > 0 && double.IsFinite(ratio) ? ratio : 1) / Temperature;
        }
        double max = scaled.Max(), sum = scaled.Sum(v => Math.Exp(v - max));
        for (int k = 0; k < taskCount; k++) weights[k] = taskCount * Math.Exp(scaled[k] - max) / sum;
        return weights;
    }
}

/// <summary>Options of <see cref="Dwa"/> (<c>weighting: {name: dwa, temperature: 2}</c>).</summary>
public sealed record DwaOptions : WeightingOptions
{
    /// <summary>Softmax temperature T; larger values give more uniform weights (paper and LibMTL: 2).</summary>
    public double Temperature { get; init; } = 2;

    /// <inheritdoc/>
    public override ILossWeighting Create(IReadOnlyList<string> tasks) => new Dwa(Temperature);

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        if (!(Temperature > 0) || double.IsInfinity(Temperature))
            yield return (nameof(Temperature), $"expected a positive temperature (got {Temperature})");
    }
}
