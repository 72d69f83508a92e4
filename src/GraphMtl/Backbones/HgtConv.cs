using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// HGT layer (Hu et al., "Heterogeneous Graph Transformer", WWW 2020, arXiv 2003.01332): node-type-specific K/Q/V
/// maps, relation-specific attention and message matrices with learnable priors, softmax over all incoming edges of a
/// target, and a target-specific output map with a gated skip connection.
/// </summary>
/// <remarks>
/// <para>For an edge u → v of relation r (types τ(u), τ(v)) and head h of width d = out / H:</para>
/// <code>
/// ATT^h(u, r, v) = ( K^h_{τ(u)}(x_u) W^{att,h}_r · Q^h_{τ(v)}(x_v) ) · μ_r^h / √d,   softmax over all u ∈ N(v), all r
/// MSG^h(u, r)    = V^h_{τ(u)}(x_u) W^{msg,h}_r
/// h̃_v            = ‖_h Σ_u ATT^h · MSG^h
/// h'_v           = σ(s_{τ(v)}) · A_{τ(v)}(GELU(h̃_v)) + (1 − σ(s_{τ(v)})) · x_v     (skip only when in = out)
/// </code>
/// <para>Q is computed once per node type; the relation matrices transform node rows, not edge rows (one block of
/// source nodes per relation, <see cref="FlatEdges.RelationSource"/>), folded into the K and V maps
/// (<c>x (W_K W_att) + b_K W_att</c>) so that the relations leaving a node type cost one matrix product; logits
/// and aggregation are the blocked <see cref="MessagePassing.EdgeDot"/> and <see cref="EdgeAttention.Aggregate"/> (softmax
/// and weighted sum in one step; <see cref="MessagePassing.WeightedSum"/> when attention dropout is on) kernels over all
/// edges at once. The prior μ_r^h/√d is folded into W^{att,h}_r, so the logits need no per-edge scaling. Optional layer
/// normalisation per type follows the skip (the reference's <c>use_norm</c>). The relative temporal encoding of the
/// paper is not implemented (static graphs).</para>
/// </remarks>
public sealed class HgtConv : HeteroConv
{
    private readonly Parameter keyWeight;      // [T, D_in, out]
    private readonly Parameter keyBias;        // [T, out]
    private readonly Parameter queryWeight;
    private readonly Parameter queryBias;
    private readonly Parameter valueWeight;
    private readonly Parameter valueBias;
    private readonly Parameter outputWeight;   // [T, out, out] (A-Linear)
    private readonly Parameter outputBias;     // [T, out]
    private readonly Parameter relationAttention; // [R, H, d, d]
    private readonly Parameter relationMessage;   // [R, H, d, d]
    private readonly Parameter relationPrior;     // [R, H]
    private readonly Parameter? skip;             // [T]
    private readonly Parameter? normWeight;       // [T, out]
    private readonly Parameter? normBias;         // [T, out]
    private readonly HgtOptions _options;
    private readonly int _heads;
    private readonly int _headDim;

    /// <summary>Creates a layer mapping width <paramref name="inDim"/> to <paramref name="outDim"/> (split over <c>options.Heads</c>).</summary>
    public HgtConv(string name, GraphMetadata metadata, int inDim, int outDim, HgtOptions options) : base(name, inDim, outDim)
    {
        if (options.Heads < 1 || outDim % options.Heads != 0)
            throw new ArgumentException($"Expected a head count dividing the output width {outDim} (got {options.Heads}).", nameof(options));
        _options = options;
        _heads = options.Heads;
        _headDim = outDim / _heads;
        int types = metadata.NodeTypes.Count;
        int relations = Math.Max(1, metadata.Relations.Count);

        Parameter Linear(long fanIn, params long[] shape) => Init.Param(shape, t => Init.LinearDefault(t, fanIn));
        keyWeight = Linear(inDim, types, inDim, outDim);
        keyBias = Linear(inDim, types, outDim);
        queryWeight = Linear(inDim, types, inDim, outDim);
        queryBias = Linear(inDim, types, outDim);
        valueWeight = Linear(inDim, types, inDim, outDim);
        valueBias = Linear(inDim, types, outDim);
        outputWeight = Linear(outDim, types, outDim, outDim);
        outputBias = Linear(outDim, types, outDim);
        relationAttention = Init.Param([relations, _heads, _headDim, _headDim], t => Init.Glorot(t, _headDim, _headDim));
        relationMessage = Init.Param([relations, _heads, _headDim, _headDim], t => Init.Glorot(t, _headDim, _headDim));
        relationPrior = Init.Param([relations, _heads], t => t.fill_(1));
        if (inDim == outDim) skip = Init.Param([types], t => t.fill_(1));
        if (options.LayerNorm)
        {
            normWeight = Init.Param([types, outDim], t => t.fill_(1));
            normBias = Init.Param([types, outDim], t => t.zero_());
        }
        RegisterComponents();
    }

    /// <summary>Number of attention heads.</summary>
    public int Heads => _heads;

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph, Tensor[] h)
    {
        if (h.Length != graph.Nodes.Count)
            throw new ArgumentException($"Expected one representation per node type ({graph.Nodes.Count}) (got {h.Length}).", nameof(h));
        var flat = FlatEdges.Of(graph);
        long n = flat.NodeCount;
        var query = flat.ConcatNodes(h.Select((x, t) => x.matmul(queryWeight[t]) + queryBias[t]).ToArray()).view(n, _heads, _headDim);

        Tensor aggregated;
        if (flat.EdgeCount == 0)
        {
            aggregated = zeros(n, _heads, _headDim, dtype: query.dtype, device: query.device);
        }
        else
        {
            // μ_r^h / √d scales W^{att,h}_r before the fold, so the logits need no per-edge multiplication.
            var scaledAttention = relationAttention * (relationPrior / Math.Sqrt(_headDim)).unsqueeze(-1).unsqueeze(-1);
            var keyRelation = RelationRows(flat, h, keyWeight, keyBias, scaledAttention);       // [ΣN_src(r), H, d]
            var valueRelation = RelationRows(flat, h, valueWeight, valueBias, relationMessage); // [ΣN_src(r), H, d]
            var logits = MessagePassing.EdgeDot(query, flat.Destination, keyRelation, flat.RelationSource, _options.Kernel); // [E, H]
            bool dropsAttention = _options.AttentionDropout > 0 && training;
            if (_options.Kernel == MessageKernel.Blocked && !dropsAttention)
            {
                aggregated = EdgeAttention.Aggregate(logits, valueRelation, flat.RelationSource, flat.Destination, _options.SoftmaxShift);
            }
            else
            {
                var alpha = EdgeSoftmax.Softmax(logits, flat.Destination, _options.SoftmaxShift);
                if (dropsAttention) alpha = nn.functional.dropout(alpha, _options.AttentionDropout, training);
                aggregated = MessagePassing.WeightedSum(valueRelation, flat.RelationSource, flat.Destination, alpha, _options.Kernel);
            }
        }

        var perType = flat.SplitNodes(aggregated.view(n, OutDim));
        return perType.Select((m, t) =>
        {
            var o = nn.functional.gelu(m).matmul(outputWeight[t]) + outputBias[t];
            if (skip is not null)
            {
                var gate = skip[t].sigmoid();
                o = gate * o + (1 - gate) * h[t];
            }
            if (normWeight is not null && normBias is not null)
                o = nn.functional.layer_norm(o, [OutDim], normWeight[t], normBias[t]);
            return o;
        }).ToArray();
    }

    /// <summary>
    /// <c>(x_u W_{τ(u)} + b_{τ(u)}) W_r</c> per head for the source nodes of every relation, one block per relation
    /// (<see cref="FlatEdges.RelationSource"/>). The relation matrix is folded into the type map first
    /// (<c>x (W W_r) + b W_r</c>, the same value), so the relations leaving a node type cost one matrix product on its
    /// rows (<see cref="FlatEdges.ProjectRelationSources"/>).
    /// </summary>
    private Tensor RelationRows(FlatEdges flat, Tensor[] h, Parameter weight, Parameter bias, Tensor relationMatrices)
    {
        var sourceTypes = tensor(flat.RelationSourceTypes.Select(t => (long)t).ToArray(), device: weight.device);
        var typeWeights = weight.index_select(0, sourceTypes).view(-1, InDim, _heads, _headDim);         // [R, in, H, d]
        var typeBiases = bias.index_select(0, sourceTypes).view(-1, _heads, _headDim);                  // [R, H, d]
        var foldedWeights = einsum("rihd,rhde->rihe", typeWeights, relationMatrices).reshape(-1, InDim, OutDim); // [R, in, H·d]
        var foldedBiases = einsum("rhd,rhde->rhe", typeBiases, relationMatrices).reshape(-1, OutDim);           // [R, H·d]
        return flat.ProjectRelationSources(h, foldedWeights, foldedBiases).view(-1, _heads, _headDim);
    }

    /// <inheritdoc/>
    public override string ToString() => $"HgtConv({InDim} → {OutDim}, {_heads} heads{(_options.LayerNorm ? ", layer norm" : "")})";
}
