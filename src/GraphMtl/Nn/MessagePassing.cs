using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>
/// The two edge kernels every attention layer is built from (DGL's <c>u_mul_e_sum</c> and <c>u_dot_v</c>, i.e. a
/// sparse-dense product with learned edge weights and a sampled dense-dense product), vectorised over all edges of
/// all relations at once.
/// </summary>
/// <remarks>
/// <para>With <see cref="MessageKernel.Blocked"/> (the default) the edges are processed in blocks of about
/// <see cref="BlockBytes"/> and the backward pass is written by hand, so the per-edge messages <c>[E, H, D]</c>
/// (hundreds of MB at HGB sizes) never exist: allocating and page-faulting them costs more than the arithmetic on a
/// CPU. The backward of either kernel is the other kernel with the roles of the index sides swapped. When a gradient
/// graph is requested for the backward itself (<c>create_graph</c>, e.g. GradNorm), the backward falls back to the
/// differentiable reference ops, so higher-order gradients stay correct.</para>
/// <para>Edge weights here receive gradients, unlike the values of a sparse tensor in TorchSharp; for fixed weights
/// <see cref="Aggregation.PropagateFixed"/> uses the cached sparse adjacency.</para>
/// </remarks>
public static class MessagePassing
{
    /// <summary>Target size of one block of gathered rows (bytes): large enough to amortise per-call overhead,
    /// small enough to stay in cache and under the allocator's mmap threshold.</summary>
    public const long BlockBytes = 4L << 20;

    /// <summary>
    /// <c>out[g] = Σ_{e : target(e) = g} w_e · x[source(e)]</c>: gathers source rows, scales them by the edge weights
    /// and sums them per target row.
    /// </summary>
    /// <param name="x">Source rows: <c>[S, F]</c>, or <c>[S, H, D]</c> for multi-head messages.</param>
    /// <param name="source">Each edge's row in <paramref name="x"/> (<c>S = source.Count</c>).</param>
    /// <param name="target">Each edge's output row; the result has <c>target.Count</c> rows (zeros without edges).</param>
    /// <param name="weight">Per-edge weights, or null for plain sums: <c>[E]</c>, or <c>[E, H]</c> (one per head) for a
    /// three-dimensional <paramref name="x"/>. Receives gradients.</param>
    /// <param name="kernel">Blocked (default) or the scatter reference.</param>
    /// <returns><c>[target.Count, F]</c> or <c>[target.Count, H, D]</c>.</returns>
    public static Tensor WeightedSum(Tensor x, EdgeGroups source, EdgeGroups target, Tensor? weight = null, MessageKernel kernel = MessageKernel.Blocked)
    {
        CheckEdges(source, target);
        if (x.shape[0] != source.Count)
            throw new ArgumentException($"Expected {source.Count} source rows (got {x.shape[0]}).", nameof(x));
        var x3 = x.dim() switch
        {
            2 => x.unsqueeze(1),
            3 => x,
            _ => throw new ArgumentException($"Expected x of shape [S, F] or [S, H, D] (got {x.dim()} dimensions).", nameof(x)),
        };
        var w2 = weight is null ? null : ToHeads(weight, x3.shape[1], source.EdgeCount, nameof(weight));
        var result = kernel == MessageKernel.Scatter
            ? ReferenceWeightedSum(x3, source.Index, w2, target.Index, target.Count)
            : WeightedSumFunction.apply(x3, w2!, source, target)[0];
        return x.dim() == 2 ? result.squeeze(1) : result;
    }

    /// <summary>
    /// <c>out[e, h] = ⟨a[ia(e), h, :], b[ib(e), h, :]⟩</c>: per edge and head, the dot product of a row gathered from
    /// each side (attention logits such as HGT's <c>Q(v)·W_att K(u)</c>).
    /// </summary>
    /// <param name="a">Rows <c>[A, H, D]</c> (or <c>[A, D]</c>).</param>
    /// <param name="ia">Each edge's row in <paramref name="a"/>.</param>
    /// <param name="b">Rows <c>[B, H, D]</c> (or <c>[B, D]</c>), same H and D as <paramref name="a"/>.</param>
    /// <param name="ib">Each edge's row in <paramref name="b"/>.</param>
    /// <param name="kernel">Blocked (default) or the scatter reference.</param>
    /// <returns><c>[E, H]</c> (or <c>[E]</c> for two-dimensional inputs).</returns>
    public static Tensor EdgeDot(Tensor a, EdgeGroups ia, Tensor b, EdgeGroups ib, MessageKernel kernel = MessageKernel.Blocked)
    {
        CheckEdges(ia, ib);
        if (a.dim() != b.dim() || a.dim() is < 2 or > 3 || !a.shape.Skip(1).SequenceEqual(b.shape.Skip(1)))
            throw new ArgumentException($"Expected a and b of equal shape [*, H, D] or [*, D] (got [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}]).");
        if (a.shape[0] != ia.Count || b.shape[0] != ib.Count)
            throw new ArgumentException($"Expected {ia.Count} rows of a and {ib.Count} rows of b (got {a.shape[0]} and {b.shape[0]}).");
        var a3 = a.dim() == 2 ? a.unsqueeze(1) : a;
        var b3 = b.dim() == 2 ? b.unsqueeze(1) : b;
        var result = kernel == MessageKernel.Scatter
            ? ReferenceEdgeDot(a3, ia.Index, b3, ib.Index)
            : EdgeDotFunction.apply(a3, b3, ia, ib)[0];
        return a.dim() == 2 ? result.squeeze(1) : result;
    }

    private static void CheckEdges(EdgeGroups first, EdgeGroups second)
    {
        if (first.EdgeCount != second.EdgeCount)
            throw new ArgumentException($"Expected both index sides over the same edges (got {first.EdgeCount} and {second.EdgeCount} edges).");
    }

    private static Tensor ToHeads(Tensor weight, long heads, long edges, string name)
    {
        if (weight.shape[0] != edges)
            throw new ArgumentException($"Expected one weight per edge ({edges}) (got {weight.shape[0]}).", name);
        return weight.dim() switch
        {
            1 => weight.unsqueeze(1),
            2 when weight.shape[1] == heads || weight.shape[1] == 1 => weight,
            _ => throw new ArgumentException($"Expected weights [E] or [E, {heads}] (got [{string.Join(", ", weight.shape)}]).", name),
        };
    }

    // ---- reference formulations (ordinary autograd) ----

    internal static Tensor ReferenceWeightedSum(Tensor x3, Tensor gather, Tensor? w2, Tensor scatter, long rows)
    {
        var messages = x3.index_select(0, gather); // [E, H, D]
        if (w2 is not null) messages = messages * w2.unsqueeze(-1);
        return zeros([rows, x3.shape[1], x3.shape[2]], dtype: x3.dtype, device: x3.device).index_add_(0, scatter, messages, 1);
    }

    internal static Tensor ReferenceEdgeDot(Tensor a3, Tensor ia, Tensor b3, Tensor ib) =>
        (a3.index_select(0, ia) * b3.index_select(0, ib)).sum(-1);

    // ---- blocked raw kernels (no autograd) ----

    private static long BlockEdges(long rowElements) => Math.Max(64, BlockBytes / (Math.Max(1, rowElements) * 4));

    /// <summary>out[scatter[e]] += w[e] · x[gather[e]] in blocks; x [S, H, D], w [E, H] or [E, 1] or null.</summary>
    /// <remarks>libtorch runs <c>index_add_</c> on one thread, so with several engine threads the blocks are shared
    /// among workers (<see cref="ForEachBlock"/>), each adding into its own output, and the outputs are summed.</remarks>
    internal static Tensor BlockedWeightedSum(Tensor x3, Tensor gather, Tensor? w2, Tensor scatter, long rows)
    {
        long edges = gather.shape[0];
        long block = BlockEdges(x3.shape[1] * x3.shape[2]);
        int workers = Workers(x3, edges, block);
        var outputs = Enumerable.Range(0, workers)
            .Select(_ => zeros([rows, x3.shape[1], x3.shape[2]], dtype: x3.dtype, device: x3.device)).ToArray();
        ForEachBlock(edges, block, workers, (worker, start, n) =>
        {
            var rowsBlock = x3.index_select(0, gather.narrow(0, start, n)); // [n, H, D]
            if (w2 is not null) rowsBlock.mul_(w2.narrow(0, start, n).unsqueeze(-1));
            outputs[worker].index_add_(0, scatter.narrow(0, start, n), rowsBlock, 1);
        });
        for (int w = 1; w < workers; w++)
        {
            outputs[0].add_(outputs[w]);
            outputs[w].Dispose(); // not left to a scope: the backward may run outside any
        }
        return outputs[0];
    }

    /// <summary>out[e] = Σ_d a[ia[e], :, d] · b[ib[e], :, d] in blocks: [E, H]. Workers write disjoint rows.</summary>
    internal static Tensor BlockedEdgeDot(Tensor a3, Tensor ia, Tensor b3, Tensor ib)
    {
        long edges = ia.shape[0];
        var output = empty([edges, a3.shape[1]], dtype: a3.dtype, device: a3.device);
        long block = BlockEdges(a3.shape[1] * a3.shape[2]);
        ForEachBlock(edges, block, Workers(a3, edges, block), (_, start, n) =>
        {
            var left = a3.index_select(0, ia.narrow(0, start, n));
            left.mul_(b3.index_select(0, ib.narrow(0, start, n)));
            output.narrow(0, start, n).copy_(left.sum(-1));
        });
        return output;
    }

    /// <summary>
    /// Parallel workers for a blocked kernel: the engine's thread count on the CPU (capped by the number of blocks), one
    /// elsewhere (a GPU kernel is already parallel).
    /// </summary>
    private static int Workers(Tensor like, long edges, long block) =>
        like.device.type != DeviceType.CPU ? 1 : (int)Math.Max(1, Math.Min(get_num_threads(), (edges + block - 1) / block));

    /// <summary>
    /// Runs <paramref name="body"/>(worker, start, count) for every block of <paramref name="block"/> edges; worker w takes
    /// blocks w, w + workers, …. Each block runs in its own dispose scope and without gradient recording (grad mode is
    /// per thread in libtorch, and a worker thread starts with it on).
    /// </summary>
    private static void ForEachBlock(long edges, long block, int workers, Action<int, long, long> body)
    {
        void Work(int worker)
        {
            using var _ = no_grad();
            for (long start = worker * block; start < edges; start += workers * block)
            {
                using var scope = NewDisposeScope();
                body(worker, start, Math.Min(block, edges - start));
            }
        }
        if (workers <= 1) Work(0);
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, Work);
    }

    /// <summary>Reduces a per-head gradient [E, H] to the weight's shape [E, 1] when one weight serves all heads.</summary>
    private static Tensor ToWeightShape(Tensor perHead, Tensor w2) => w2.shape[1] == perHead.shape[1] ? perHead : perHead.sum(1, keepdim: true);

    private sealed class WeightedSumFunction : autograd.MultiTensorFunction<WeightedSumFunction>
    {
        public override string Name => nameof(WeightedSumFunction);

        public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var x3 = (Tensor)vars[0];
            var w2 = vars[1] as Tensor;
            var source = (EdgeGroups)vars[2];
            var target = (EdgeGroups)vars[3];
            ctx.save_for_backward(w2 is null ? [x3] : [x3, w2]);
            ctx.save_data("source", source);
            ctx.save_data("target", target);
            ctx.save_data("needX", x3.requires_grad);
            return [BlockedWeightedSum(x3, source.Index, w2, target.Index, target.Count)];
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> grads)
        {
            var saved = ctx.get_saved_variables();
            var x3 = saved[0];
            var w2 = saved.Count > 1 ? saved[1] : null;
            var source = (EdgeGroups)ctx.get_data("source");
            var target = (EdgeGroups)ctx.get_data("target");
            bool needX = (bool)ctx.get_data("needX");
            var g = grads[0]; // [T, H, D]
            Tensor? dx = null, dw = null;
            if (is_grad_enabled())
            {
                // create_graph: build the backward from differentiable ops.
                if (needX) dx = ReferenceWeightedSum(g, target.Index, w2, source.Index, source.Count);
                if (w2 is not null) dw = ToWeightShape(ReferenceEdgeDot(g, target.Index, x3, source.Index), w2);
            }
            else
            {
                if (needX) dx = BlockedWeightedSum(g, target.Index, w2, source.Index, source.Count);
                if (w2 is not null) dw = ToWeightShape(BlockedEdgeDot(g, target.Index, x3, source.Index), w2);
            }
            return [dx!, dw!, null!, null!];
        }
    }

    private sealed class EdgeDotFunction : autograd.MultiTensorFunction<EdgeDotFunction>
    {
        public override string Name => nameof(EdgeDotFunction);

        public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var a3 = (Tensor)vars[0];
            var b3 = (Tensor)vars[1];
            var ia = (EdgeGroups)vars[2];
            var ib = (EdgeGroups)vars[3];
            ctx.save_for_backward([a3, b3]);
            ctx.save_data("ia", ia);
            ctx.save_data("ib", ib);
            ctx.save_data("needA", a3.requires_grad);
            ctx.save_data("needB", b3.requires_grad);
            return [BlockedEdgeDot(a3, ia.Index, b3, ib.Index)];
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> grads)
        {
            var saved = ctx.get_saved_variables();
            var (a3, b3) = (saved[0], saved[1]);
            var ia = (EdgeGroups)ctx.get_data("ia");
            var ib = (EdgeGroups)ctx.get_data("ib");
            bool needA = (bool)ctx.get_data("needA"), needB = (bool)ctx.get_data("needB");
            var g = grads[0]; // [E, H]
            Func<Tensor, Tensor, Tensor?, Tensor, long, Tensor> sum = is_grad_enabled() ? ReferenceWeightedSum : BlockedWeightedSum;
            var da = needA ? sum(b3, ib.Index, g, ia.Index, ia.Count) : null;
            var db = needB ? sum(a3, ia.Index, g, ib.Index, ib.Count) : null;
            return [da!, db!, null!, null!];
        }
    }
}
