using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// R-GCN layer (Schlichtkrull et al., "Modeling Relational Data with Graph Convolutional Networks", ESWC 2018):
/// <c>h'_v = W_0^{τ(v)} h_v + b^{τ(v)} + Σ_r (1/|N_r(v)|) Σ_{u∈N_r(v)} W_r h_u</c>.
/// </summary>
/// <remarks>
/// <para>The self-connection W_0 is per node type (nodes of different types live in different spaces). With
/// <c>bases &gt; 0</c>, W_r = Σ_b a_rb V_b (basis decomposition). Aggregation uses cached row-normalised sparse
/// adjacencies (fixed weights: the sparse-mm fast path).</para>
/// <para>Two equivalent evaluations (PyG's <c>RGCNConv</c> / <c>FastRGCNConv</c> pair): per relation (one sparse
/// product per relation, in whichever order of "aggregate, then transform" or "transform, then aggregate" touches
/// fewer rows), or fused (one matrix product per source type for all its relations, <c>H_s [W_r1 | W_r2 | …]</c>,
/// then one sparse product over a block adjacency that covers every relation). Both give the same result.</para>
/// </remarks>
public sealed class RgcnConv : HeteroConv
{
    private readonly Parameter relationWeight; // [R, in, out] or, with bases, [B, in, out]
    private readonly Parameter? coefficients;  // [R, B]
    private readonly Parameter rootWeight;      // [T, in, out]
    private readonly Parameter bias;            // [T, out]
    private readonly int _relations;
    private readonly bool _fused;

    /// <summary>
    /// Creates the layer for a schema; <paramref name="bases"/> = 0 means full relation matrices;
    /// <paramref name="fused"/> selects the fused evaluation (same parameters, same result).
    /// </summary>
    public RgcnConv(string name, GraphMetadata metadata, int inDim, int outDim, int bases = 0, bool fused = false) : base(name, inDim, outDim)
    {
        _relations = metadata.Relations.Count;
        _fused = fused;
        int mats = bases > 0 ? bases : _relations;
        relationWeight = Init.Param([mats, inDim, outDim], t => Init.Glorot(t, inDim, outDim));
        coefficients = bases > 0 ? Init.Param([_relations, bases], t => Init.Glorot(t, _relations, bases)) : null;
        rootWeight = Init.Param([metadata.NodeTypes.Count, inDim, outDim], t => Init.Glorot(t, inDim, outDim));
        bias = Init.Param([metadata.NodeTypes.Count, outDim], t => t.zero_());
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph, Tensor[] h) => _fused ? ForwardFused(graph, h) : ForwardPerRelation(graph, h);

    private Tensor RelationWeights() => coefficients is null ? relationWeight.alias() : einsum("rb,bio->rio", coefficients, relationWeight);

    /// <summary>One sparse product per relation.</summary>
    internal Tensor[] ForwardPerRelation(GraphTensors graph, Tensor[] h)
    {
        var w = RelationWeights();
        var outputs = h.Select((x, t) => x.matmul(rootWeight[t]) + bias[t]).ToArray();
        for (int r = 0; r < _relations; r++)
        {
            var rel = graph.Relations[r];
            var adj = Adjacency.Mean(graph, r); // [N_dst, N_src]
            var message = rel.DstCount <= rel.SrcCount
                ? mm(adj, h[rel.SrcType]).matmul(w[r])   // aggregate the narrower side first
                : mm(adj, h[rel.SrcType].matmul(w[r]));
            outputs[rel.DstType] = outputs[rel.DstType] + message;
        }
        return outputs;
    }

    /// <summary>One dense product per source type and one sparse product for all relations.</summary>
    internal Tensor[] ForwardFused(GraphTensors graph, Tensor[] h)
    {
        var outputs = h.Select((x, t) => x.matmul(rootWeight[t]) + bias[t]).ToArray();
        if (_relations == 0) return outputs;
        var w = RelationWeights(); // [R, in, out]
        var layout = FusedLayout.Of(graph);
        var blocks = new List<Tensor>();
        for (int s = 0; s < h.Length; s++)
        {
            var rels = layout.Outgoing[s];
            if (rels.Length == 0) continue;
            // [in, R_s·out]: columns of relation k at k·out…; rows of the product view as (node, relation) pairs.
            var stacked = w.index_select(0, tensor(rels.Select(r => (long)r).ToArray(), device: w.device))
                .permute(1, 0, 2).reshape(InDim, rels.Length * OutDim);
            blocks.Add(h[s].matmul(stacked).view(-1, OutDim));
        }
        var messages = mm(layout.Adjacency, cat(blocks.ToArray())); // [ΣN_t, out]
        long offset = 0;
        for (int t = 0; t < outputs.Length; t++)
        {
            long n = outputs[t].shape[0];
            outputs[t] = outputs[t] + messages.narrow(0, offset, n);
            offset += n;
        }
        return outputs;
    }

    /// <summary>
    /// The fused evaluation's block adjacency <c>[ΣN_t, Σ_s N_s·R_s]</c>: the row of destination v (types
    /// concatenated), the column of (source u, relation r) at <c>offset_s + u·R_s + k_s(r)</c>, value 1/|N_r(v)|.
    /// </summary>
    private sealed class FusedLayout : IDisposable
    {
        public required int[][] Outgoing { get; init; }
        public required Tensor Adjacency { get; init; }

        public static FusedLayout Of(GraphTensors graph) => graph.CachedStructure("rgcn:fused-adjacency", () =>
        {
            var relations = graph.Relations;
            var counts = graph.Nodes.Select(n => (long)n.Count).ToArray();
            var outgoing = Enumerable.Range(0, counts.Length)
                .Select(s => Enumerable.Range(0, relations.Count).Where(r => relations[r].SrcType == s).ToArray()).ToArray();
            var rowOffset = new long[counts.Length];
            var colOffset = new long[counts.Length];
            for (int t = 1; t < counts.Length; t++)
            {
                rowOffset[t] = rowOffset[t - 1] + counts[t - 1];
                colOffset[t] = colOffset[t - 1] + counts[t - 1] * outgoing[t - 1].Length;
            }
            long rows = counts.Sum(), cols = counts.Select((c, t) => c * outgoing[t].Length).Sum();
            var rowParts = new List<Tensor>();
            var colParts = new List<Tensor>();
            var valueParts = new List<Tensor>();
            for (int r = 0; r < relations.Count; r++)
            {
                var rel = relations[r];
                int s = rel.SrcType;
                rowParts.Add(rel.Dst + rowOffset[rel.DstType]);
                colParts.Add(rel.Src * outgoing[s].Length + (colOffset[s] + Array.IndexOf(outgoing[s], r)));
                valueParts.Add(Scatter.Degree(rel.Dst, rel.DstCount).clamp_min(1).index_select(0, rel.Dst).reciprocal());
            }
            var adjacency = sparse_coo_tensor(stack([cat(rowParts.ToArray()), cat(colParts.ToArray())]), cat(valueParts.ToArray()), [rows, cols]);
            return new FusedLayout { Outgoing = outgoing, Adjacency = adjacency.DetachFromDisposeScope() };
        });

        public void Dispose() => Adjacency.Dispose();
    }
}
