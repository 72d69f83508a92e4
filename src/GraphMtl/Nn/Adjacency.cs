using GraphMtl.Graphs;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>
/// Fixed (non-learned) sparse adjacencies of a relation, cached on the graph: the sparse-matrix product is the fast
/// path for aggregation with fixed edge weights (about 3× faster than index_select + index_add, forward + backward).
/// Sparse values never receive gradients in TorchSharp, so learned edge weights must use <see cref="Scatter"/>.
/// </summary>
public static class Adjacency
{
    /// <summary>
    /// Row-normalised adjacency <c>[N_dst, N_src]</c> with entries 1/deg_in(v): <c>A @ H</c> is the mean over
    /// in-neighbours (zero rows for nodes without edges). Duplicate edges count with their multiplicity.
    /// </summary>
    public static Tensor Mean(GraphTensors graph, int relation) =>
        graph.Cached($"adj-mean:{relation}", () =>
        {
            var r = graph.Relations[relation];
            var deg = Scatter.Degree(r.Dst, r.DstCount).clamp_min(1);
            var values = deg.index_select(0, r.Dst).reciprocal();
            return sparse_coo_tensor(stack([r.Dst, r.Src]), values, [r.DstCount, r.SrcCount]); // duplicates are summed by mm
        });

    /// <summary>Unnormalised adjacency <c>[N_dst, N_src]</c> with ones (sum aggregation).</summary>
    public static Tensor Sum(GraphTensors graph, int relation) =>
        graph.Cached($"adj-sum:{relation}", () =>
        {
            var r = graph.Relations[relation];
            return sparse_coo_tensor(stack([r.Dst, r.Src]), ones(r.EdgeCount, device: graph.Device), [r.DstCount, r.SrcCount]);
        });
}
