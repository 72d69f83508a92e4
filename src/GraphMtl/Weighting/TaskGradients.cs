namespace GraphMtl.Weighting;

/// <summary>
/// Per-task gradients of the shared parameters, for weightings that look at or edit them (PCGrad, GradNorm's norms);
/// LibMTL's <c>_get_grads</c> / <c>_reset_grad</c> in <c>weighting/abstract_weighting.py</c>, written once.
/// </summary>
/// <remarks>
/// For losses L_1..L_K and shared parameters θ (flattened in the given order, P entries in all),
/// <see cref="Compute"/> returns the matrix G ∈ ℝ^{K×P} with row k = ∇_θ L_k, and <see cref="Backward"/> leaves
/// <c>θ.grad += ĝ</c> for a combined gradient ĝ ∈ ℝ^P while every other (task-specific) parameter φ receives the
/// ordinary gradient ∇_φ Σ_k L_k, i.e. only its own task's loss when φ is reached by one task. A parameter that a task's
/// loss does not reach has a zero gradient for that task; a loss that does not require gradients (e.g. a constant)
/// gives a zero row.
/// </remarks>
public static class TaskGradients
{
    /// <summary>
    /// The K × P matrix of per-task gradients of <paramref name="shared"/> (one <c>autograd.grad</c> per task, keeping
    /// the graph so the losses can be back-propagated afterwards). Nothing is accumulated into <c>.grad</c>.
    /// </summary>
    /// <param name="losses">One scalar loss per task.</param>
    /// <param name="shared">The shared parameters; none gives a K × 0 matrix.</param>
    /// <returns>A detached <c>[K, P]</c> tensor on the parameters' device (the first loss's device when there are none).</returns>
    public static Tensor Compute(IReadOnlyList<Tensor> losses, IReadOnlyList<Parameter> shared)
    {
        ArgumentOutOfRangeException.ThrowIfZero(losses.Count, nameof(losses));
        using var scope = NewDisposeScope();
        var device = shared.Count > 0 ? shared[0].device : losses[0].device;
        var dtype = shared.Count > 0 ? shared[0].dtype : losses[0].dtype;
        long size = shared.Sum(p => p.numel());
        var inputs = shared.Cast<Tensor>().ToList();
        var rows = new Tensor[losses.Count];
        for (int k = 0; k < losses.Count; k++)
        {
            if (size == 0 || !losses[k].requires_grad)
            {
                rows[k] = zeros(size, dtype: dtype, device: device);
                continue;
            }
            var grads = autograd.grad([losses[k]], inputs, retain_graph: true, allow_unused: true);
            // An input the loss does not reach comes back as an empty handle.
            rows[k] = cat(grads.Select((g, i) => g is null || g.IsInvalid
                ? zeros(shared[i].numel(), dtype: dtype, device: device)
                : g.reshape(-1)).ToList(), 0);
        }
        return stack(rows).MoveToOuterDisposeScope(); // [K, P]
    }

    /// <summary>
    /// Back-propagates Σ_k L_k, so task-specific parameters get their ordinary gradients, and makes the shared
    /// parameters' gradient <paramref name="sharedGradient"/> instead of Σ_k ∇_θ L_k (added to whatever <c>.grad</c>
    /// held before the call, as <c>backward</c> accumulates).
    /// </summary>
    /// <param name="losses">One scalar loss per task; the graph is released.</param>
    /// <param name="shared">The shared parameters, in the order used by <see cref="Compute"/>.</param>
    /// <param name="sharedGradient">The combined gradient, <c>[P]</c> with P the total size of <paramref name="shared"/>.</param>
    public static void Backward(IReadOnlyList<Tensor> losses, IReadOnlyList<Parameter> shared, Tensor sharedGradient)
    {
        long size = shared.Sum(p => p.numel());
        if (sharedGradient.numel() != size)
            throw new ArgumentException($"Expected a shared gradient of {size} entries (got {sharedGradient.numel()}).", nameof(sharedGradient));
        using var scope = NewDisposeScope();
        var before = shared.Select(p => p.grad is { } g ? g.detach().clone() : null).ToList();
        var total = Sum(losses);
        if (total.requires_grad) total.backward();
        using var _ = no_grad();
        long offset = 0;
        for (int i = 0; i < shared.Count; i++)
        {
            var p = shared[i];
            long n = p.numel();
            var part = sharedGradient.narrow(0, offset, n).view(p.shape).to(p.dtype, p.device);
            offset += n;
            if (before[i] is { } old) part = part + old;
            if (p.grad is { } g) g.copy_(part);
            else p.grad = part.clone();
        }
    }

    /// <summary>Σ_k c_k L_k with constant coefficients (all 1 when <paramref name="weights"/> is null).</summary>
    internal static Tensor Sum(IReadOnlyList<Tensor> losses, IReadOnlyList<double>? weights = null)
    {
        var total = weights is null ? losses[0] : losses[0] * weights[0];
        for (int k = 1; k < losses.Count; k++) total = total + (weights is null ? losses[k] : losses[k] * weights[k]);
        return total;
    }
}
