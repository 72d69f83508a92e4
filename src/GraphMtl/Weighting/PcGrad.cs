namespace GraphMtl.Weighting;

/// <summary>
/// Projecting Conflicting Gradients: each task's gradient on the shared parameters loses its component along any other
/// task's gradient it conflicts with. Yu, Kumar, Gupta, Levine, Hausman and Finn, "Gradient Surgery for Multi-Task
/// Learning", NeurIPS 2020 (arXiv:2001.06782), Algorithm 1; LibMTL's <c>PCGrad</c>.
/// </summary>
/// <remarks>
/// With g_k = ∇_θ L_k on the shared parameters θ (<see cref="TaskGradients"/>), for every task i, starting from
/// g_i^PC = g_i and visiting the other tasks j ≠ i in a random order,
/// <code>
/// if g_i^PC · g_j &lt; 0:   g_i^PC ← g_i^PC − (g_i^PC · g_j / ‖g_j‖²) g_j
/// </code>
/// (projections against the original g_j), and the shared gradient is Σ_i g_i^PC (the sum, as LibMTL; the paper's
/// Algorithm 1 also sums). Task-specific parameters get the ordinary gradient of Σ_k L_k. Each g_i^PC is a linear
/// combination of the original gradients, so the whole surgery runs on the K × K Gram matrix (in double precision)
/// and one K × P product; the weights reported are the coefficients of the g_k in the final shared gradient
/// (all 1 when nothing conflicts; LibMTL reports none). The random order comes from a private generator seeded by
/// <see cref="PcGradOptions.Seed"/>, or by one draw from the engine's generator when the strategy is created, so a run
/// seeded with <c>manual_seed</c> is reproducible. Without shared parameters (single task, independent models) there is
/// nothing to project, and the strategy is the plain sum Σ_k L_k, which is PCGrad's definition in that case.
/// Unlike LibMTL, which also tests a task against itself, only j ≠ i are visited, as in the paper.
/// </remarks>
public sealed class PcGrad : ILossWeighting
{
    private readonly Random _random;

    /// <summary>Creates the strategy; <paramref name="seed"/> fixes the order in which conflicts are resolved.</summary>
    public PcGrad(int seed) => _random = new Random(seed);

    /// <inheritdoc/>
    public IEnumerable<Parameter> ExtraParameters() => [];

    /// <inheritdoc/>
    public WeightingStep Backward(IReadOnlyList<Tensor> losses, WeightingContext context)
    {
        int k = losses.Count;
        var shared = context.SharedParameters;
        using var scope = NewDisposeScope();
        if (k == 1 || shared.Count == 0)
        {
            var total = TaskGradients.Sum(losses);
            if (total.requires_grad) total.backward();
            return new WeightingStep(Enumerable.Repeat(1.0, k).ToArray());
        }
        var grads = TaskGradients.Compute(losses, shared); // [K, P]
        var g64 = grads.to(float64);
        var gram = g64.matmul(g64.t()).cpu().data<double>().ToArray(); // [K, K], row-major
        var weights = Coefficients(k, gram);
        var combined = tensor(weights, dtype: float64, device: g64.device).matmul(g64).to(grads.dtype); // [P]
        TaskGradients.Backward(losses, shared, combined);
        return new WeightingStep(weights);
    }

    // Coefficients c_j of Σ_i g_i^PC = Σ_j c_j g_j; row i of `pc` holds g_i^PC in the basis of the original gradients.
    private double[] Coefficients(int k, double[] gram)
    {
        var pc = new double[k, k];
        var order = new int[k - 1];
        for (int i = 0; i < k; i++)
        {
            pc[i, i] = 1;
            for (int j = 0, n = 0; j < k; j++) if (j != i) order[n++] = j;
            _random.Shuffle(order);
            foreach (int j in order)
            {
                double dot = 0; // g_i^PC · g_j
                for (int m = 0; m < k; m++) dot += pc[i, m] * gram[m * k + j];
                if (dot < 0) pc[i, j] -= dot / gram[j * k + j]; // dot < 0 implies ‖g_j‖ > 0
            }
        }
        var weights = new double[k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) weights[j] += pc[i, j];
        return weights;
    }
}

/// <summary>Options of <see cref="PcGrad"/> (<c>weighting: {name: pcgrad}</c>).</summary>
public sealed record PcGradOptions : WeightingOptions
{
    /// <summary>
    /// Seed of the random task order; null (default) draws it from the engine's generator when the strategy is created,
    /// so it follows the run's seed.
    /// </summary>
    public int? Seed { get; init; }

    /// <inheritdoc/>
    public override ILossWeighting Create(IReadOnlyList<string> tasks)
    {
        if (Seed is { } seed) return new PcGrad(seed);
        using var draw = randint(int.MaxValue, [1], dtype: int64);
        return new PcGrad((int)draw.item<long>());
    }
}
