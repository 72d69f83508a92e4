namespace GraphMtl.Weighting;

/// <summary>
/// Gradient normalisation: learned task weights that equalise the tasks' gradient norms on the shared parameters,
/// scaled by how far each task lags behind. Chen, Badrinarayanan, Lee and Rabinovich, "GradNorm: Gradient Normalization
/// for Adaptive Loss Balancing in Deep Multitask Networks", ICML 2018 (arXiv:1711.02257), Eq. 1–2 and Algorithm 1;
/// LibMTL's <c>GradNorm</c>.
/// </summary>
/// <remarks>
/// Learned weights w_k (initially 1) scale the losses. At step t, with g_k = ∇_θ L_k on the shared parameters θ
/// (<see cref="TaskGradients"/>, all shared parameters flattened),
/// <code>
/// G_k = ‖∇_θ (w_k L_k)‖ = w_k ‖g_k‖,    Ḡ = mean_k G_k
/// L̃_k = L_k(t) / L_k(0),               r_k = L̃_k / mean_j L̃_j
/// L_grad = Σ_k | G_k − [Ḡ · r_k^α] |    (the bracket is a constant: no gradient flows through the target)
/// </code>
/// w receives ∂L_grad/∂w_k = sign(G_k − Ḡ r_k^α)·‖g_k‖ and the model receives ∇ Σ_k w_k L_k (w held constant), so the
/// task whose loss fell least (largest r_k) gets a larger target and its weight rises. Because w_k is a scalar factor,
/// ∇_θ(w_k L_k) = w_k g_k exactly, so the gradient of L_grad with respect to w needs no second-order graph
/// (<c>create_graph</c>): this is the same derivative, computed from one first-order gradient per task.
/// <para>
/// Choices and deviations. The w_k are <see cref="ExtraParameters"/>, stepped by the model's optimiser (as LibMTL
/// puts them in the main optimiser); at the start of every step they are renormalised to Σ_k w_k = K (Algorithm 1),
/// after clamping at 10⁻⁶ so they stay positive; the trainer's decoupled weight decay scales all w_k alike and is undone by
/// the renormalisation. LibMTL instead parameterises w = K·softmax(ℓ). L_k(0) is the loss of the first step (the paper's
/// t = 0), and GradNorm is active from that step; LibMTL uses the mean loss of epoch 0 and equal weights during it. A
/// task with L_k(0) ≤ 0 or a non-finite ratio gets L̃_k = 1. G_k uses all shared parameters (as LibMTL); the paper
/// uses the last shared layer only, a cheaper approximation. Task-specific parameters get ∇ Σ_k w_k L_k (the paper);
/// LibMTL gives them the unweighted Σ_k L_k. α is <see cref="GradNormOptions.Alpha"/> (default 1.5, LibMTL's default).
/// With one task the weight is 1 and the strategy is plain training; with several tasks but no shared parameters it
/// throws a <see cref="GraphMtlException"/> naming <c>weighting.name</c>, since there is nothing to normalise.
/// </para>
/// </remarks>
public sealed class GradNorm : ILossWeighting
{
    private const double MinWeight = 1e-6;
    private readonly Parameter _weights; // [K]
    private double[]? _initialLosses;

    /// <summary>Creates the strategy for <paramref name="taskCount"/> tasks with restoring-force strength <paramref name="alpha"/>.</summary>
    public GradNorm(int taskCount, double alpha = 1.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(taskCount, 1);
        if (!(alpha >= 0) || double.IsInfinity(alpha))
            throw new ArgumentOutOfRangeException(nameof(alpha), $"Expected a non-negative α (got {alpha}).");
        Alpha = alpha;
        _weights = new Parameter(ones(taskCount, dtype: float32));
    }

    /// <summary>The asymmetry α: how strongly lagging tasks are pulled back to the common training rate.</summary>
    public double Alpha { get; }

    /// <summary>The learned task weights (renormalised to sum K at the start of each step, so they may not sum to K right after an optimiser step).</summary>
    public Parameter TaskWeights => _weights;

    /// <summary>The losses L_k(0) of the first step, or null before it.</summary>
    public IReadOnlyList<double>? InitialLosses => _initialLosses;

    /// <inheritdoc/>
    public IEnumerable<Parameter> ExtraParameters() => [_weights];

    /// <inheritdoc/>
    public WeightingStep Backward(IReadOnlyList<Tensor> losses, WeightingContext context)
    {
        int k = losses.Count;
        if (k != _weights.shape[0]) throw new ArgumentException($"Expected {_weights.shape[0]} task losses (got {k}).", nameof(losses));
        using var scope = NewDisposeScope();
        Renormalise();
        var current = stack(losses.Select(l => l.detach().reshape([])).ToList()).to(float64).cpu().data<double>().ToArray();
        _initialLosses ??= current;
        if (k == 1)
        {
            if (losses[0].requires_grad) losses[0].backward();
            return new WeightingStep([1.0]);
        }
        var shared = context.SharedParameters;
        if (shared.Count == 0)
            throw new GraphMtlException($"weighting.name: grad-norm expected parameters shared by the {k} tasks ({string.Join(", ", context.Tasks)}) " +
                "(got none: each task has its own parameters). Use an architecture that shares parameters, or a weighting that needs none (equal, uncertainty, dwa).");

        var norms = TaskGradients.Compute(losses, shared).norm(1); // [K], ‖g_k‖
        var w = _weights.device == norms.device ? _weights : _weights.to(norms.device);
        var g = w * norms.to(w.dtype); // [K], G_k
        var target = (g.mean() * tensor(Targets(current), dtype: w.dtype, device: w.device)).detach(); // [K], Ḡ r_k^α
        (g - target).abs().sum().backward();

        double[] applied;
        using (no_grad()) applied = [.. _weights.to(float64).cpu().data<double>()];
        var total = TaskGradients.Sum(losses, applied);
        if (total.requires_grad) total.backward();
        return new WeightingStep(applied);
    }

    // r_k^α with r_k the relative inverse training rate.
    private double[] Targets(double[] current)
    {
        var relative = current.Select((l, i) =>
        {
            double ratio = l / _initialLosses![i];
            return _initialLosses[i] > 0 && double.IsFinite(ratio) ? ratio : 1;
        }).ToArray();
        double mean = relative.Average();
        return relative.Select(v => Math.Pow(mean > 0 ? v / mean : 1, Alpha)).ToArray();
    }

    // Algorithm 1's renormalisation Σ_k w_k = K, applied before the weights are used (the optimiser steps them in between).
    private void Renormalise()
    {
        using var _ = no_grad();
        _weights.clamp_min_(MinWeight);
        double sum = _weights.sum().item<float>();
        _weights.mul_(_weights.shape[0] / sum);
    }
}

/// <summary>Options of <see cref="GradNorm"/> (<c>weighting: {name: grad-norm, alpha: 1.5}</c>, alias <c>gradnorm</c>).</summary>
public sealed record GradNormOptions : WeightingOptions
{
    /// <summary>Asymmetry α ≥ 0 (paper: 0.12–3 depending on the task set; LibMTL's default 1.5). α = 0 equalises the gradient norms.</summary>
    public double Alpha { get; init; } = 1.5;

    /// <inheritdoc/>
    public override ILossWeighting Create(IReadOnlyList<string> tasks) => new GradNorm(tasks.Count, Alpha);

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        if (!(Alpha >= 0) || double.IsInfinity(Alpha)) yield return (nameof(Alpha), $"expected a non-negative α (got {Alpha})");
    }
}
