using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// R-GCN layer (Schlichtkrull et al., "Modeling Relational Data with Graph Convolutional Networks", ESWC 2018):
/// <c>h'_v = W_0^{τ(v)} h_v + b^{τ(v)} + Σ_r (1/|N_r(v)|) Σ_{u∈N_r(v)} W_r h_u</c>.
/// </summary>
/// <remarks>
/// The self-connection W_0 is per node type (nodes of different types live in different spaces). With
/// <c>bases &gt; 0</c>, W_r = Σ_b a_rb V_b (basis decomposition). Aggregation uses the cached row-normalised sparse
/// adjacency (fixed weights: the sparse-mm fast path), in whichever order of "aggregate, then transform" or
/// "transform, then aggregate" touches fewer rows.
/// </remarks>
public sealed class RgcnConv : HeteroConv
{
    private readonly Parameter relationWeight; // [R, in, out] or, with bases, [B, in, out]
    private readonly Parameter? coefficients;  // [R, B]
    private readonly Parameter rootWeight;      // [T, in, out]
    private readonly Parameter bias;            // [T, out]
    private readonly int _relations;

    /// <summary>Creates the layer for a schema; <paramref name="bases"/> = 0 means full relation matrices.</summary>
    public RgcnConv(string name, GraphMetadata metadata, int inDim, int outDim, int bases = 0) : base(name, inDim, outDim)
    {
        _relations = metadata.Relations.Count;
        int mats = bases > 0 ? bases : _relations;
        relationWeight = Init.Param([mats, inDim, outDim], t => Init.Glorot(t, inDim, outDim));
        coefficients = bases > 0 ? Init.Param([_relations, bases], t => Init.Glorot(t, _relations, bases)) : null;
        rootWeight = Init.Param([metadata.NodeTypes.Count, inDim, outDim], t => Init.Glorot(t, inDim, outDim));
        bias = Init.Param([metadata.NodeTypes.Count, outDim], t => t.zero_());
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph, Tensor[] h)
    {
        var w = coefficients is null ? relationWeight.alias() : einsum("rb,bio->rio", coefficients, relationWeight);
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
}
