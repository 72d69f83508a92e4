namespace GraphMtl.MultiTask.Experts;

/// <summary>The only place experts are combined: a per-node convex combination of stacked expert outputs.</summary>
public static class ExpertMixer
{
    /// <summary>
    /// Σ_e w[n, e] · x[e, n, :] for a stack <paramref name="experts"/> <c>[E, N, D]</c> and weights <c>[N, E]</c>;
    /// also per relation when given <c>[E, R, N, D]</c> and <c>[N, R, E]</c> (InLINE's gate per relation).
    /// </summary>
    public static Tensor Mix(Tensor experts, Tensor weights) => experts.dim() switch
    {
        3 => einsum("end,ne->nd", experts, weights),
        4 => einsum("ernd,nre->rnd", experts, weights),
        _ => throw new ArgumentException($"Expected expert outputs [E, N, D] or [E, R, N, D] (got {experts.dim()} dimensions)."),
    };
}
