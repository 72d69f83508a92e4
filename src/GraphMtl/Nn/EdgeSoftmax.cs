using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>How <see cref="EdgeSoftmax"/> shifts logits before exponentiating (a constant per group does not change the result).</summary>
public enum SoftmaxShift
{
    /// <summary>The global per-head maximum, falling back to <see cref="GroupMax"/> when a group's denominator underflows.</summary>
    Auto,

    /// <summary>
    /// The global per-head maximum over all edges (one <c>amax</c>, cheapest). Exact as long as no group's logits all
    /// lie more than about 70 below it; beyond that the group's exponentials underflow in float32.
    /// </summary>
    GlobalMax,

    /// <summary>The exact maximum of each group (padded buckets, see <see cref="EdgeGroups.GroupMaxPerEdge"/>): always stable.</summary>
    GroupMax,
}

/// <summary>
/// Softmax of edge logits over groups of edges (all incoming edges of a node, or those of one relation), the
/// normalisation of GAT-style attention (Veličković et al., "Graph Attention Networks", ICLR 2018) as used by
/// Simple-HGN and HGT: <c>α_e = exp(s_e − m_g) / (Σ_{e'∈g} exp(s_e' − m_g) + ε)</c> for edge e in group g.
/// </summary>
/// <remarks>
/// <para>TorchSharp 0.107 has no <c>scatter_reduce</c>, so the shift <c>m_g</c> is either the global detached maximum
/// per head or the exact per-group maximum (<see cref="SoftmaxShift"/>). Sums use <c>index_add</c>; ε = 1e-16 (as PyG's
/// <c>softmax</c>) keeps groups whose logits are all −∞ at 0 instead of NaN (on the global-shift path, where a
/// denominator may be legitimately tiny and ε would bias it, zero denominators are replaced by 1 instead). Groups
/// without edges have no entries;
/// aggregating the weights gives them zeros. Gradients flow through the logits; the shift is detached.</para>
/// <para><see cref="SoftmaxShift.Auto"/> detects underflow after the fast path: a group with edges whose denominator is
/// below 1e-30 (its largest logit is ≳ 70 below the global maximum) triggers the exact path for the whole call.</para>
/// </remarks>
public static class EdgeSoftmax
{
    /// <summary>Added to every denominator on the exact (per-group shift) path.</summary>
    public const double Epsilon = 1e-16;

    /// <summary>A denominator below this (for a group with edges) means the global shift lost precision.</summary>
    public const double UnderflowThreshold = 1e-30;

    /// <summary>Normalised weights, same shape as <paramref name="logits"/> (<c>[E]</c> or <c>[E, H]</c>).</summary>
    /// <param name="logits">One logit per edge (and head).</param>
    /// <param name="groups">The group of each edge (e.g. <see cref="FlatEdges.Destination"/> or <see cref="FlatEdges.RelationDestination"/>).</param>
    /// <param name="shift">The shift strategy.</param>
    public static Tensor Softmax(Tensor logits, EdgeGroups groups, SoftmaxShift shift = SoftmaxShift.Auto)
    {
        if (logits.shape[0] != groups.EdgeCount)
            throw new ArgumentException($"Expected one logit row per edge ({groups.EdgeCount}) (got {logits.shape[0]}).", nameof(logits));
        if (logits.dim() is < 1 or > 2)
            throw new ArgumentException($"Expected logits [E] or [E, H] (got {logits.dim()} dimensions).", nameof(logits));
        if (groups.EdgeCount == 0) return zeros_like(logits);

        using var scope = NewDisposeScope();
        Tensor result;
        if (shift == SoftmaxShift.GroupMax)
        {
            result = Normalise(logits, Finite(groups.GroupMaxPerEdge(logits)), groups, exact: true).weights;
        }
        else
        {
            Tensor max;
            using (no_grad())
            {
                max = Finite(logits.detach().amax([0], keepdim: true)); // [1, H]
            }
            var (weights, denominators) = Normalise(logits, max, groups, exact: false);
            result = shift == SoftmaxShift.Auto && Underflows(denominators, groups)
                ? Normalise(logits, Finite(groups.GroupMaxPerEdge(logits)), groups, exact: true).weights
                : weights;
        }
        return result.MoveToOuterDisposeScope();
    }

    private static (Tensor weights, Tensor denominators) Normalise(Tensor logits, Tensor shift, EdgeGroups groups, bool exact)
    {
        var ex = (logits - shift).exp();
        var denominators = Scatter.Sum(ex, groups.Index, groups.Count); // [G] or [G, H]
        // After the exact shift a denominator is ≥ 1 (or 0 when every logit is −∞), so ε only prevents 0/0. After the
        // global shift it may legitimately be tiny (1e-30), where ε would bias the result: replace exact zeros instead.
        var safe = exact ? denominators + Epsilon : denominators.masked_fill(denominators == 0, 1);
        return (ex / safe.index_select(0, groups.Index), denominators);
    }

    /// <summary>A shift of −∞ (all logits of a group or head masked) would give NaN; use 0 there.</summary>
    private static Tensor Finite(Tensor shift) => where(shift.isfinite(), shift, zeros_like(shift));

    private static bool Underflows(Tensor denominators, EdgeGroups groups)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var hasEdges = denominators.dim() == 1 ? groups.HasEdges : groups.HasEdges.unsqueeze(1);
        return ((denominators.detach() < UnderflowThreshold) & hasEdges).any().item<bool>();
    }
}
