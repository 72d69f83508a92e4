using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>
/// Attention aggregation in one step: <c>out[v] = Σ_{e : target(e) = v} α_e · x[source(e)]</c> with
/// <c>α = softmax of the logits over each target's incoming edges</c> (<see cref="EdgeSoftmax"/>), per head.
/// The same value as <see cref="EdgeSoftmax.Softmax"/> followed by <see cref="MessagePassing.WeightedSum"/>, with a
/// cheaper backward pass.
/// </summary>
/// <remarks>
/// <para>The backward uses the identity FlashAttention uses for the softmax (Dao et al. 2022): with
/// <c>G = ∂L/∂out</c>, <c>∂L/∂s_e = α_e (G[v]·x[u] − D[v])</c> for edge e = (u → v), where
/// <c>D[v] = Σ_e α_e G[v]·x[u] = G[v]·out[v]</c> is a per-node dot product. So the softmax's backward costs one
/// node-level reduction and one gather instead of the scatter, gathers and divisions autograd records for the
/// normalisation; <c>∂L/∂x</c> is the weighted sum over the reversed edges, as in <see cref="MessagePassing"/>.</para>
/// <para>Attention dropout between the softmax and the sum breaks the identity (D would need the undropped weights), so
/// callers with dropout in training use the two-step path. When a gradient graph is requested for the backward itself
/// (<c>create_graph</c>, e.g. GradNorm), the backward recomputes α with differentiable ops and applies the same formulas
/// to them, so higher-order gradients stay correct.</para>
/// </remarks>
public static class EdgeAttention
{
    /// <summary>Softmax of <paramref name="logits"/> over the edges of each target, then the weighted sum of source rows.</summary>
    /// <param name="logits">Edge logits <c>[E, H]</c>; receives gradients.</param>
    /// <param name="x">Source rows <c>[S, H, D]</c>; receives gradients.</param>
    /// <param name="source">Each edge's row in <paramref name="x"/>.</param>
    /// <param name="target">Each edge's output row, also the softmax groups.</param>
    /// <param name="shift">How the softmax shifts its logits (<see cref="SoftmaxShift"/>).</param>
    /// <returns><c>[target.Count, H, D]</c>, zeros for rows without edges.</returns>
    public static Tensor Aggregate(Tensor logits, Tensor x, EdgeGroups source, EdgeGroups target, SoftmaxShift shift = SoftmaxShift.Auto)
    {
        if (logits.dim() != 2 || x.dim() != 3 || logits.shape[1] != x.shape[1])
            throw new ArgumentException($"Expected logits [E, H] and rows [S, H, D] (got [{string.Join(", ", logits.shape)}] and [{string.Join(", ", x.shape)}]).");
        if (logits.shape[0] != source.EdgeCount || source.EdgeCount != target.EdgeCount)
            throw new ArgumentException($"Expected one logit row per edge ({source.EdgeCount}) on both index sides (got {logits.shape[0]} logits, {target.EdgeCount} targets).");
        if (x.shape[0] != source.Count)
            throw new ArgumentException($"Expected {source.Count} source rows (got {x.shape[0]}).", nameof(x));
        if (source.EdgeCount == 0)
            return zeros([target.Count, x.shape[1], x.shape[2]], dtype: x.dtype, device: x.device);
        return AttentionFunction.apply(logits, x, source, target, shift)[0];
    }

    private sealed class AttentionFunction : autograd.MultiTensorFunction<AttentionFunction>
    {
        public override string Name => nameof(AttentionFunction);

        public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var logits = (Tensor)vars[0];
            var x = (Tensor)vars[1];
            var source = (EdgeGroups)vars[2];
            var target = (EdgeGroups)vars[3];
            var shift = (SoftmaxShift)vars[4];
            Tensor alpha, output;
            using (no_grad())
            {
                alpha = EdgeSoftmax.Softmax(logits, target, shift);
                output = MessagePassing.BlockedWeightedSum(x, source.Index, alpha, target.Index, target.Count);
            }
            ctx.save_for_backward([logits, x, alpha, output]);
            ctx.save_data("source", source);
            ctx.save_data("target", target);
            ctx.save_data("shift", shift);
            ctx.save_data("needX", x.requires_grad);
            ctx.save_data("needLogits", logits.requires_grad);
            return [output];
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> grads)
        {
            var saved = ctx.get_saved_variables();
            var (logits, x, alpha, output) = (saved[0], saved[1], saved[2], saved[3]);
            var source = (EdgeGroups)ctx.get_data("source");
            var target = (EdgeGroups)ctx.get_data("target");
            bool needX = (bool)ctx.get_data("needX"), needLogits = (bool)ctx.get_data("needLogits");
            var g = grads[0]; // [T, H, D]
            Tensor? dx = null, dLogits = null;
            if (is_grad_enabled())
            {
                // create_graph: the same formulas on differentiable ops, α recomputed from the logits.
                var a = EdgeSoftmax.Softmax(logits, target, (SoftmaxShift)ctx.get_data("shift"));
                if (needX) dx = MessagePassing.ReferenceWeightedSum(g, target.Index, a, source.Index, source.Count);
                if (needLogits)
                {
                    var o = MessagePassing.ReferenceWeightedSum(x, source.Index, a, target.Index, target.Count);
                    var d = (g * o).sum(-1); // [T, H]
                    dLogits = a * (MessagePassing.ReferenceEdgeDot(g, target.Index, x, source.Index) - d.index_select(0, target.Index));
                }
            }
            else
            {
                if (needX) dx = MessagePassing.BlockedWeightedSum(g, target.Index, alpha, source.Index, source.Count);
                if (needLogits)
                {
                    var d = (g * output).sum(-1); // D[v] = G[v]·out[v]  [T, H]
                    dLogits = MessagePassing.BlockedEdgeDot(g, target.Index, x, source.Index);
                    dLogits.sub_(d.index_select(0, target.Index)).mul_(alpha);
                }
            }
            return [dLogits!, dx!, null!, null!, null!];
        }
    }
}
