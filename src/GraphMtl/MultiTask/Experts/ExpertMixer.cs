namespace GraphMtl.MultiTask.Experts;

/// <summary>
/// The only place experts are combined: a per-node convex combination of expert outputs, for whole embeddings (MMoE,
/// CGC, PLE) or per relation (InLINE).
/// </summary>
public static class ExpertMixer
{
    /// <summary>
    /// Σ_e w[n, e] · x_e[n, :] for expert outputs <c>x_e : [N, D]</c> and weights <c>[N, E]</c>; per relation
    /// Σ_e w[n, r, e] · x_e[r, n, :] for <c>x_e : [R, N, D]</c> and weights <c>[N, R, E]</c> (InLINE's gate per
    /// relation), giving <c>[R, N, D]</c>.
    /// </summary>
    /// <remarks>
    /// Computed as a running sum of weighted experts rather than on a stacked <c>[E, …]</c> tensor: the stack and the
    /// batched product behind <c>einsum</c> each copy every expert output, which measured 3–4× slower on the CPU
    /// (InLINE's paper-node aggregates on DBLP are 40 MB per expert).
    /// </remarks>
    public static Tensor Mix(IReadOnlyList<Tensor> experts, Tensor weights)
    {
        if (experts.Count == 0) throw new ArgumentException("Expected at least one expert (got none).", nameof(experts));
        if (weights.shape[^1] != experts.Count)
            throw new ArgumentException($"Expected weights over {experts.Count} experts in the last dimension (got {weights.shape[^1]}).", nameof(weights));
        var (perExpert, expected) = (experts[0].dim(), weights.dim()) switch
        {
            (2, 2) => (weights.t().unsqueeze(-1), 2),                  // [E, N, 1]
            (3, 3) => (weights.permute(2, 1, 0).unsqueeze(-1), 3),     // [E, R, N, 1]
            _ => throw new ArgumentException($"Expected expert outputs [N, D] with weights [N, E], or [R, N, D] with [N, R, E] (got {experts[0].dim()} and {weights.dim()} dimensions)."),
        };
        Tensor mixed = experts[0] * perExpert[0];
        for (int e = 1; e < experts.Count; e++)
        {
            if (experts[e].dim() != expected) throw new ArgumentException($"Expected every expert output with {expected} dimensions (expert {e} has {experts[e].dim()}).", nameof(experts));
            mixed = mixed + experts[e] * perExpert[e];
        }
        return mixed;
    }

    /// <summary>
    /// The same for stacked outputs: <c>[E, N, D]</c> with weights <c>[N, E]</c>, or <c>[E, R, N, D]</c> with
    /// <c>[N, R, E]</c>.
    /// </summary>
    public static Tensor Mix(Tensor experts, Tensor weights) => experts.dim() switch
    {
        3 or 4 => Mix(experts.unbind(0), weights),
        _ => throw new ArgumentException($"Expected expert outputs [E, N, D] or [E, R, N, D] (got {experts.dim()} dimensions)."),
    };
}
