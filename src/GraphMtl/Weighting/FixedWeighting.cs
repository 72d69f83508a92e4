namespace GraphMtl.Weighting;

/// <summary>
/// Constant task weights: the objective is Σ_k w_k L_k. Equal weighting is the case w_k = 1 (as LibMTL's EW does in
/// code: the weights are 1, not 1/K).
/// </summary>
public sealed class FixedWeighting(double[] weights) : ILossWeighting
{
    /// <inheritdoc/>
    public IEnumerable<Parameter> ExtraParameters() => [];

    /// <inheritdoc/>
    public WeightingStep Backward(IReadOnlyList<Tensor> losses, WeightingContext context)
    {
        Tensor total = losses[0] * weights[0];
        for (int k = 1; k < losses.Count; k++) total = total + losses[k] * weights[k];
        total.backward();
        return new WeightingStep((double[])weights.Clone());
    }
}

/// <summary>Equal weighting: Σ_k L_k.</summary>
public sealed record EqualWeightingOptions : WeightingOptions
{
    /// <inheritdoc/>
    public override ILossWeighting Create(IReadOnlyList<string> tasks) => new FixedWeighting(tasks.Select(_ => 1.0).ToArray());
}

/// <summary>Constant weights per task name (<c>weights: {author: 0.005, paper: 0.995}</c>); unnamed tasks get 1.</summary>
public sealed record FixedWeightingOptions : WeightingOptions
{
    /// <summary>Weight per task name.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();

    /// <inheritdoc/>
    public override ILossWeighting Create(IReadOnlyList<string> tasks)
    {
        foreach (var name in Weights.Keys)
            if (!tasks.Contains(name))
                throw new GraphMtlException($"weighting.weights: unknown task '{name}' (expected one of: {string.Join(", ", tasks)}).");
        return new FixedWeighting(tasks.Select(t => Weights.GetValueOrDefault(t, 1.0)).ToArray());
    }

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var (task, w) in Weights)
            if (!(w >= 0) || double.IsInfinity(w)) yield return (nameof(Weights), $"expected a non-negative weight for '{task}' (got {w})");
    }
}
