namespace GraphMtl.TaskGraphs;

/// <summary>
/// The polynomial acyclicity constraint of DAG-GNN (Yu, Chen, Gao and Yu, "DAG-GNN: DAG Structure Learning with Graph
/// Neural Networks", ICML 2019), as GCNet uses it: h(A) = tr[(I + (A∘A)/T)^T] − T for a T × T adjacency A. h(A) ≥ 0,
/// with equality exactly when the weighted graph of A has no directed cycle (self-loops included).
/// </summary>
/// <remarks>
/// (I + M)^T = Σ_k C(T, k) M^k and tr M^k sums the weights of closed walks of length k in M = A∘A/T ≥ 0, so the trace
/// exceeds tr I = T iff some closed walk (a cycle) exists. Computed with <c>matrix_power</c>, differentiable in A.
/// GCNet's penalty is L_h = 100·h(A) + 10·h(A)², fixed weights, no augmented Lagrangian.
/// </remarks>
public static class Acyclicity
{
    /// <summary>h(A) as a scalar tensor.</summary>
    public static Tensor H(Tensor adjacency)
    {
        if (adjacency.dim() != 2 || adjacency.shape[0] != adjacency.shape[1])
            throw new ArgumentException($"expected a square matrix (got shape [{string.Join(", ", adjacency.shape)}])", nameof(adjacency));
        long t = adjacency.shape[0];
        var m = eye(t, dtype: adjacency.dtype, device: adjacency.device) + adjacency * adjacency / t;
        return m.matrix_power((int)t).trace() - t;
    }

    /// <summary>GCNet's penalty 100·h + 10·h².</summary>
    public static Tensor Penalty(Tensor adjacency)
    {
        var h = H(adjacency);
        return 100 * h + 10 * h * h;
    }
}
