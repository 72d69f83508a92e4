using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// Simple-HGN layer (Lv et al., "Are we really making much progress? Revisiting, benchmarking, and refining
/// heterogeneous graph neural networks", KDD 2021, arXiv 2112.14936): multi-head GAT attention with learnable
/// edge-type embeddings, node residual and edge (attention) residual; with <see cref="AttentionMode.Split"/> the
/// per-relation variant InLINE builds on.
/// </summary>
/// <remarks>
/// <para>For an edge u → v of relation r, head h (z = W x with W shared, or W_{τ(v)} per type):</para>
/// <code>
/// e_vu^h = LeakyReLU( a_src^h · z_u^h + a_dst^h · z_v^h + a_e^h · (W_e E_r)^h )
/// α_vu^h = softmax over u ∈ N(v) of e_vu^h,            then α ← (1 − β) α + β α_prev   (edge residual)
/// h'_v   = ‖_h Σ_u α_vu^h z_u^h + Res(x_v) [+ b]
/// </code>
/// <para>Split mode normalises per relation (α^r over u ∈ N_r(v)), giving per-relation aggregates
/// <c>m_{v,r} = Σ_{u∈N_r(v)} α^r_vu z_u</c> (0 without neighbours), combined by a relation attention
/// <c>β_{v,r} = softmax_r q([z_v ; m_{v,r}])</c>: <c>h'_v = Σ_r β_{v,r} m_{v,r} + Res(x_v)</c>. <see cref="ForwardSplit"/>
/// returns the parts before that combination for InLINE's gates.</para>
/// <para>All relations are processed at once over the <see cref="FlatEdges"/> view; attention logits are per-edge
/// gathers of per-node scores, and aggregation uses the blocked <see cref="MessagePassing.WeightedSum"/> kernel.</para>
/// </remarks>
public sealed class SimpleHgnConv : HeteroConv
{
    private readonly Parameter weight;          // [D_in, H·D] shared, or [T, D_in, H·D] per type
    private readonly Parameter edgeEmbedding;   // [R, D_e]
    private readonly Parameter edgeWeight;      // [D_e, H·D_e]
    private readonly Parameter attnSrc;         // [H, D]
    private readonly Parameter attnDst;         // [H, D]
    private readonly Parameter attnEdge;        // [H, D_e]
    private readonly Parameter? residualWeight; // [D_in, H·D]
    private readonly Parameter? residualBias;   // [H·D]
    private readonly Parameter? bias;           // [H·D]
    private readonly Parameter? relationScorerWeight; // [2·H·D, 1] (split mode)
    private readonly Parameter? relationScorerBias;   // [1]
    private readonly SimpleHgnOptions _options;
    private readonly int _heads;
    private readonly int _headDim;
    private readonly int _edgeDim;
    private readonly int _relations;
    private readonly bool _identityResidual;

    /// <summary>
    /// Creates a layer reading width <paramref name="inDim"/> and writing <c>Heads × <paramref name="outPerHead"/></c>
    /// for every node type of <paramref name="metadata"/>.
    /// </summary>
    /// <param name="name">Module name.</param>
    /// <param name="metadata">Graph schema (node types and relations).</param>
    /// <param name="inDim">Input width (every node type).</param>
    /// <param name="outPerHead">Output width per head.</param>
    /// <param name="options">Heads, slope, edge embedding size, dropouts, weight sharing, mode and kernels.</param>
    /// <param name="residual">Node residual of this layer.</param>
    public SimpleHgnConv(string name, GraphMetadata metadata, int inDim, int outPerHead, SimpleHgnOptions options, NodeResidual residual)
        : base(name, inDim, options.Heads * outPerHead)
    {
        _options = options;
        _heads = options.Heads;
        _headDim = outPerHead;
        _edgeDim = options.EdgeDim;
        _relations = metadata.Relations.Count;
        int types = metadata.NodeTypes.Count;
        int outDim = OutDim;
        bool inline = options.Init == SimpleHgnInit.Inline;
        double gain = Math.Sqrt(2); // HGB: xavier_normal with gain('relu')
        // HGB: Xavier-normal (gain √2), fans of a (1, H, D) attention tensor as PyTorch computes them (in = H·D, out = D),
        // E ~ N(0, 1). InLINE: Xavier-uniform (gain 1) for all of them, an attention vector of length n has fans 1 + n.
        Tensor Glorot(Tensor t, long fanIn, long fanOut) => inline ? Init.Glorot(t, fanIn, fanOut) : Init.GlorotNormal(t, fanIn, fanOut, gain);
        Tensor Attention(Tensor t, long length) => inline ? Init.Glorot(t, 1, length) : Init.GlorotNormal(t, _heads * length, length, gain);

        weight = options.PerTypeWeights
            ? Init.Param([types, inDim, outDim], t => Glorot(t, inDim, outDim))
            : Init.Param([inDim, outDim], t => Glorot(t, inDim, outDim));
        edgeEmbedding = Init.Param([Math.Max(1, _relations), _edgeDim], t => inline ? Init.Glorot(t, _edgeDim, Math.Max(1, _relations)) : nn.init.normal_(t));
        edgeWeight = Init.Param([_edgeDim, _heads * _edgeDim], t => Glorot(t, _edgeDim, _heads * _edgeDim));
        attnSrc = Init.Param([_heads, _headDim], t => Attention(t, _headDim));
        attnDst = Init.Param([_heads, _headDim], t => Attention(t, _headDim));
        attnEdge = Init.Param([_heads, _edgeDim], t => Attention(t, _edgeDim));

        _identityResidual = residual == NodeResidual.Auto && inDim == outDim;
        if (residual is NodeResidual.Linear or NodeResidual.Projection || (residual == NodeResidual.Auto && !_identityResidual))
            residualWeight = residual == NodeResidual.Linear
                ? Init.Param([inDim, outDim], t => Init.LinearDefault(t, inDim))
                : Init.Param([inDim, outDim], t => Init.GlorotNormal(t, inDim, outDim, gain));
        if (residual == NodeResidual.Linear) residualBias = Init.Param([outDim], t => Init.LinearDefault(t, inDim));
        if (options.Bias) bias = Init.Param([outDim], t => t.zero_());
        if (options.Mode == AttentionMode.Split)
        {
            relationScorerWeight = Init.Param([2 * outDim, 1], t => Init.LinearDefault(t, 2 * outDim));
            relationScorerBias = Init.Param([1], t => Init.LinearDefault(t, 2 * outDim));
        }
        HasResidual = residual != NodeResidual.None;
        RegisterComponents();
    }

    /// <summary>Number of attention heads.</summary>
    public int Heads => _heads;

    /// <summary>Whether the layer adds a node residual.</summary>
    public bool HasResidual { get; }

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph, Tensor[] h) => Forward(graph, h, null).Output;

    /// <inheritdoc/>
    public override Tensor[] StackForward(GraphTensors graph, Tensor[] h, LayerCarry carry)
    {
        var (output, attention) = Forward(graph, h, carry.Attention);
        carry.Attention = attention;
        return output;
    }

    /// <summary>
    /// The layer with an explicit edge residual: <paramref name="previousAttention"/> (<c>[E, H]</c> over
    /// <see cref="FlatEdges"/>, or null) is mixed into this layer's attention with weight β. Returns the per-type
    /// outputs <c>[N_t, H·D]</c> and this layer's attention (detached, as HGB hands it on), or null in split mode.
    /// </summary>
    public (Tensor[] Output, Tensor? Attention) Forward(GraphTensors graph, Tensor[] h, Tensor? previousAttention)
    {
        CheckInputs(graph, h);
        var flat = FlatEdges.Of(graph);
        if (_options.Mode == AttentionMode.Split)
        {
            var parts = ForwardSplit(graph, h);
            return (parts.Select((p, t) => Finish(AttendRelations(p.Projected, p.Messages) + p.Residual)).ToArray(), null);
        }

        var x = Dropped(h);
        var (zSource, source, zTarget) = Project(flat, x);
        var alpha = Attention(flat, zSource, source, zTarget, flat.Destination);
        if (previousAttention is not null && _options.EdgeResidual > 0)
        {
            if (!previousAttention.shape.SequenceEqual(alpha.shape))
                throw new ArgumentException($"Expected the previous attention of shape [{string.Join(", ", alpha.shape)}] (got [{string.Join(", ", previousAttention.shape)}]); edge residuals need equal head counts.", nameof(previousAttention));
            alpha = alpha * (1 - _options.EdgeResidual) + previousAttention * _options.EdgeResidual;
        }
        var aggregated = MessagePassing.WeightedSum(zSource, source, flat.Destination, alpha, _options.Kernel); // [N, H, D]
        var perType = flat.SplitNodes(aggregated.view(flat.NodeCount, OutDim));
        var output = perType.Select((m, t) => Finish(m + Residual(h[t]))).ToArray();
        return (output, alpha.detach());
    }

    /// <summary>
    /// Split mode (InLINE's "R-Agg"): per destination type t, the per-relation aggregates under a per-relation
    /// softmax, <c>Messages [R_t, N_t, H·D]</c> (relations in <see cref="FlatEdges.Incoming"/> order, zeros for nodes
    /// without neighbours of a relation), the projected centre <c>Projected = z_v [N_t, H·D]</c>, the node residual
    /// <c>[N_t, H·D]</c> (zeros without one) and the gate input <c>[x̃_v ; x̃_v] [N_t, 2·D_in]</c> (x̃ = the input after
    /// the layer's feature dropout). Bias and activation are left to the caller.
    /// </summary>
    public SimpleHgnSplit[] ForwardSplit(GraphTensors graph, Tensor[] h)
    {
        CheckInputs(graph, h);
        var flat = FlatEdges.Of(graph);
        var x = Dropped(h);
        var (zSource, source, zTarget) = Project(flat, x);
        var alpha = Attention(flat, zSource, source, zTarget, flat.RelationDestination);
        var aggregated = MessagePassing.WeightedSum(zSource, source, flat.RelationDestination, alpha, _options.Kernel); // [ΣR_t·N_t, H, D]
        var stacks = flat.SplitRelations(aggregated.view(flat.RelationDestination.Count, OutDim));
        var centres = flat.SplitNodes(zTarget.view(flat.NodeCount, OutDim));
        return h.Select((input, t) => new SimpleHgnSplit(
            flat.Incoming[t], stacks[t], centres[t], Residual(input), cat([x[t], x[t]], 1))).ToArray();
    }

    /// <summary>
    /// The split mode's relation attention: <c>Σ_r softmax_r(q([z ; m_r])) m_r</c> over the stack
    /// <paramref name="messages"/> <c>[R, N, H·D]</c> given the centres <paramref name="projected"/> <c>[N, H·D]</c>
    /// (zeros when R = 0). Only layers built with <see cref="AttentionMode.Split"/> own the scorer q.
    /// </summary>
    public Tensor AttendRelations(Tensor projected, Tensor messages)
    {
        if (messages.shape[0] == 0)
        {
            RelationWeights(projected, messages); // same checks
            return zeros_like(projected);
        }
        return (RelationWeights(projected, messages) * messages).sum(dim: 0);
    }

    /// <summary>
    /// The relation attention's weights <c>β [R, N, 1] = softmax_r q([z_v ; m_{v,r}])</c> (summing to one over the
    /// relations of each node; <c>[0, N, 1]</c> when R = 0), as used by <see cref="AttendRelations"/>.
    /// </summary>
    public Tensor RelationWeights(Tensor projected, Tensor messages)
    {
        if (relationScorerWeight is null || relationScorerBias is null)
            throw new InvalidOperationException("The relation attention exists only in split mode (options.Mode = Split).");
        long r = messages.shape[0];
        if (r == 0) return zeros(0, projected.shape[0], 1, dtype: projected.dtype, device: projected.device);
        // q([z ; m_r]) = z·q_z + m_r·q_m + b, without materialising the [R, N, 2·H·D] concatenation.
        long width = projected.shape[1];
        var scoreCentre = projected.matmul(relationScorerWeight.narrow(0, 0, width)); // [N, 1]
        var scoreMessages = messages.matmul(relationScorerWeight.narrow(0, width, width)); // [R, N, 1]
        return softmax(scoreMessages + scoreCentre + relationScorerBias, 0); // [R, N, 1]
    }

    private void CheckInputs(GraphTensors graph, Tensor[] h)
    {
        if (h.Length != graph.Nodes.Count)
            throw new ArgumentException($"Expected one representation per node type ({graph.Nodes.Count}) (got {h.Length}).", nameof(h));
        for (int t = 0; t < h.Length; t++)
            if (h[t].dim() != 2 || h[t].shape[1] != InDim)
                throw new ArgumentException($"Expected node type {graph.Nodes[t].Name} as [{graph.Nodes[t].Count}, {InDim}] (got [{string.Join(", ", h[t].shape)}]).", nameof(h));
    }

    private Tensor[] Dropped(Tensor[] h) =>
        _options.FeatureDropout > 0 && training
            ? h.Select(x => nn.functional.dropout(x, _options.FeatureDropout, training)).ToArray()
            : h;

    /// <summary>Projected sources (with the edge index into them) and targets <c>[N, H, D]</c>.</summary>
    private (Tensor Source, EdgeGroups SourceIndex, Tensor Target) Project(FlatEdges flat, Tensor[] x)
    {
        if (!_options.PerTypeWeights)
        {
            var z = flat.ConcatNodes(x).matmul(weight).view(flat.NodeCount, _heads, _headDim);
            return (z, flat.Source, z);
        }
        // Centre-type projection: targets with their own W_t, neighbours of relation r with W_{dst(r)}.
        var target = cat(x.Select((xt, t) => xt.matmul(weight[t])).ToArray()).view(flat.NodeCount, _heads, _headDim);
        var destinationTypes = tensor(flat.RelationDestinationTypes.Select(t => (long)t).ToArray(), device: weight.device);
        var source = flat.ProjectRelationSources(x, weight.index_select(0, destinationTypes)).view(flat.RelationSource.Count, _heads, _headDim);
        return (source, flat.RelationSource, target);
    }

    /// <summary>Attention weights <c>[E, H]</c> normalised over <paramref name="groups"/>.</summary>
    private Tensor Attention(FlatEdges flat, Tensor zSource, EdgeGroups source, Tensor zTarget, EdgeGroups groups)
    {
        var scoreSource = (zSource * attnSrc).sum(-1); // [S, H]
        var scoreTarget = (zTarget * attnDst).sum(-1); // [N, H]
        var edgeTypes = edgeEmbedding.matmul(edgeWeight).view(-1, _heads, _edgeDim);
        var scoreRelation = (edgeTypes * attnEdge).sum(-1); // [R, H]
        var logits = scoreSource.index_select(0, source.Index)
                     + scoreTarget.index_select(0, flat.Destination.Index)
                     + scoreRelation.index_select(0, flat.Relation); // [E, H]
        logits = nn.functional.leaky_relu(logits, _options.NegativeSlope);
        if (_options.LogitDropout > 0) logits = nn.functional.dropout(logits, _options.LogitDropout, training);
        var alpha = EdgeSoftmax.Softmax(logits, groups, _options.SoftmaxShift);
        return _options.AttentionDropout > 0 ? nn.functional.dropout(alpha, _options.AttentionDropout, training) : alpha;
    }

    private Tensor Residual(Tensor x)
    {
        if (residualWeight is not null)
        {
            var r = x.matmul(residualWeight);
            return residualBias is null ? r : r + residualBias;
        }
        return _identityResidual ? x : zeros(x.shape[0], OutDim, dtype: x.dtype, device: x.device);
    }

    private Tensor Finish(Tensor output) => bias is null ? output : output + bias;

    /// <inheritdoc/>
    public override string ToString() =>
        $"SimpleHgnConv({InDim} → {_heads}×{_headDim}, edge {_edgeDim}, {_options.Mode}{(_options.PerTypeWeights ? ", per-type W" : "")})";
}

/// <summary>
/// What <see cref="SimpleHgnConv.ForwardSplit"/> returns for one destination node type t: the incoming relations (ids),
/// the per-relation aggregates <c>[R_t, N_t, H·D]</c>, the projected centres z_v <c>[N_t, H·D]</c>, the node residual
/// <c>[N_t, H·D]</c> (zeros without one) and the gate input <c>[N_t, 2·D_in]</c>.
/// </summary>
public sealed record SimpleHgnSplit(IReadOnlyList<int> Relations, Tensor Messages, Tensor Projected, Tensor Residual, Tensor GateInput);
