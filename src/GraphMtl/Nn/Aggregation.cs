using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>
/// How messages reaching a row are combined, chosen by name (PyG's <c>aggr</c> modules: "mean" is a setting, not a
/// layer). Three entry points share the definition: <see cref="Aggregate"/> for per-edge messages already computed
/// (the scatter path), <see cref="Propagate"/> for gathered source rows with optional learned per-edge weights
/// (the <see cref="MessagePassing"/> kernel), and <see cref="PropagateFixed"/> for unweighted source rows through the
/// cached sparse adjacency (the fast path for fixed weights). Rows without edges get zeros.
/// </summary>
public abstract class Aggregation
{
    /// <summary>Σ of the messages.</summary>
    public static Aggregation Sum { get; } = new SumAggregation();

    /// <summary>Σ of the messages divided by the number of edges (clamped to ≥ 1).</summary>
    public static Aggregation Mean { get; } = new MeanAggregation();

    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names => ["sum", "mean"];

    /// <summary>The aggregation called <paramref name="name"/> (<c>sum</c>/<c>add</c>, <c>mean</c>; case-insensitive).</summary>
    public static Aggregation Create(string name) => name.Trim().ToLowerInvariant() switch
    {
        "sum" or "add" => Sum,
        "mean" => Mean,
        _ => throw new GraphMtlException($"Unknown aggregation '{name}' (expected one of: {string.Join(", ", Names)})."),
    };

    /// <summary>The canonical name.</summary>
    public abstract string Name { get; }

    /// <summary>Combines per-edge messages <c>[E, …]</c> into <c>[groups.Count, …]</c> (index_add).</summary>
    public Tensor Aggregate(Tensor messages, EdgeGroups groups) =>
        Normalise(Scatter.Sum(messages, groups.Index, groups.Count), groups);

    /// <summary>
    /// Gathers <paramref name="x"/> rows along <paramref name="source"/>, scales them by <paramref name="weight"/>
    /// (learned, receives gradients; <c>[E]</c> or <c>[E, H]</c>) and combines them per <paramref name="target"/> row.
    /// </summary>
    public Tensor Propagate(Tensor x, EdgeGroups source, EdgeGroups target, Tensor? weight = null, MessageKernel kernel = MessageKernel.Blocked) =>
        Normalise(MessagePassing.WeightedSum(x, source, target, weight, kernel), target);

    /// <summary>
    /// Combines unweighted source rows <c>[S, F]</c> (or <c>[S, H, D]</c>) with the cached sparse adjacency of
    /// (<paramref name="target"/>, <paramref name="source"/>): one sparse-dense product; gradients reach <paramref name="x"/>.
    /// </summary>
    public Tensor PropagateFixed(Tensor x, EdgeGroups source, EdgeGroups target)
    {
        var adjacency = target.Adjacency(source, IsMean);
        var flat = x.dim() == 2 ? x : x.reshape(x.shape[0], -1);
        var result = mm(adjacency, flat);
        if (x.dim() == 2) return result;
        var shape = x.shape.ToArray();
        shape[0] = target.Count;
        return result.view(shape);
    }

    private protected abstract bool IsMean { get; }

    private protected abstract Tensor Normalise(Tensor sums, EdgeGroups groups);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private sealed class SumAggregation : Aggregation
    {
        public override string Name => "sum";
        private protected override bool IsMean => false;
        private protected override Tensor Normalise(Tensor sums, EdgeGroups groups) => sums;
    }

    private sealed class MeanAggregation : Aggregation
    {
        public override string Name => "mean";
        private protected override bool IsMean => true;

        private protected override Tensor Normalise(Tensor sums, EdgeGroups groups)
        {
            var view = new long[sums.dim()];
            Array.Fill(view, 1L);
            view[0] = groups.Count;
            return sums / groups.Degree.clamp_min(1).to(sums.dtype).view(view);
        }
    }
}
