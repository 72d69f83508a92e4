using GraphMtl.Graphs;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>
/// All relations of a graph as one edge list (the flattening of HGT, Hu et al., WWW 2020, and of PyG's
/// <c>construct_bipartite_edge_index</c>), so one batched kernel covers every relation. Built once per graph and cached
/// on it (<see cref="Of"/>).
/// </summary>
/// <remarks>
/// <para>Four row spaces index the edges (each an <see cref="EdgeGroups"/>):</para>
/// <list type="bullet">
/// <item><see cref="Source"/>, <see cref="Destination"/>: the global node space, node types concatenated in metadata
/// order (type t occupies rows <c>NodeOffsets[t] … NodeOffsets[t+1]</c>).</item>
/// <item><see cref="RelationSource"/>: one block of the source type's nodes per relation, ordered by source type and
/// then relation, for messages that depend on the relation (HGT's <c>W_att^r K(u)</c>, a centre-type projection
/// <c>W_{τ(v)} x_u</c>); the blocks of one source type are contiguous, so <see cref="ProjectRelationSources"/> fills all
/// of them with one matrix product per type.</item>
/// <item><see cref="RelationDestination"/>: one block of the destination type's nodes per relation, ordered by
/// destination type and then relation, so that for node type t the rows of its <c>R_t</c> incoming relations are
/// contiguous and a <c>[R_t·N_t, …]</c> slice views as <c>[R_t, N_t, …]</c> (per-relation aggregates, the grouping of
/// a per-relation softmax).</item>
/// </list>
/// <para>Edges are sorted by (destination, relation), which keeps scatter writes sequential.</para>
/// </remarks>
public sealed class FlatEdges : IDisposable
{
    private readonly long[] _nodeOffsets;
    private readonly long[] _relationSourceOffsets;
    private readonly long[] _relationDestinationOffsets;
    private readonly long[] _typeBlockOffsets;
    private readonly int[][] _incoming;
    private readonly int[][] _outgoing;
    private readonly int[] _nodeCounts;
    private readonly int[] _relationSourceTypes;
    private readonly int[] _relationDestinationTypes;

    /// <summary>The flattened view of <paramref name="graph"/>, built on first use and disposed with the graph.</summary>
    public static FlatEdges Of(GraphTensors graph) => graph.CachedStructure("nn:flat-edges", () => new FlatEdges(graph));

    /// <summary>Total number of nodes (all types).</summary>
    public long NodeCount { get; }

    /// <summary>Total number of edges (all relations).</summary>
    public long EdgeCount { get; }

    /// <summary>Number of node types.</summary>
    public int NodeTypeCount => _nodeCounts.Length;

    /// <summary>Number of relations.</summary>
    public int RelationCount => _relationSourceOffsets.Length;

    /// <summary>First global row of each node type, plus the total at the end (<c>T + 1</c> entries).</summary>
    public IReadOnlyList<long> NodeOffsets => _nodeOffsets;

    /// <summary>First row of each relation's block in the relation-source space.</summary>
    public IReadOnlyList<long> RelationSourceOffsets => _relationSourceOffsets;

    /// <summary>First row of each relation's block in the relation-destination space.</summary>
    public IReadOnlyList<long> RelationDestinationOffsets => _relationDestinationOffsets;

    /// <summary>Per relation, the node type index of its sources.</summary>
    public IReadOnlyList<int> RelationSourceTypes => _relationSourceTypes;

    /// <summary>Per relation, the node type index of its destinations.</summary>
    public IReadOnlyList<int> RelationDestinationTypes => _relationDestinationTypes;

    /// <summary>Per node type, the relations whose destination it is (relation ids in relation order).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Incoming => _incoming;

    /// <summary>Per node type, the relations whose source it is (relation ids in relation order).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Outgoing => _outgoing;

    /// <summary>Per edge, its relation id: <c>long [E]</c>.</summary>
    public Tensor Relation { get; }

    /// <summary>Per edge, its source in the global node space.</summary>
    public EdgeGroups Source { get; }

    /// <summary>Per edge, its destination in the global node space (the grouping of a softmax over all incoming edges).</summary>
    public EdgeGroups Destination { get; }

    /// <summary>Per edge, its source in the relation-source space.</summary>
    public EdgeGroups RelationSource { get; }

    /// <summary>Per edge, its (destination, relation) row in the relation-destination space (a per-relation softmax).</summary>
    public EdgeGroups RelationDestination { get; }

    private FlatEdges(GraphTensors graph)
    {
        var device = graph.Device;
        _nodeCounts = graph.Nodes.Select(n => n.Count).ToArray();
        _nodeOffsets = Offsets(_nodeCounts.Select(c => (long)c));
        var relations = graph.Relations;
        _relationSourceTypes = relations.Select(r => r.SrcType).ToArray();
        _relationDestinationTypes = relations.Select(r => r.DstType).ToArray();
        _incoming = Enumerable.Range(0, _nodeCounts.Length)
            .Select(t => Enumerable.Range(0, relations.Count).Where(r => relations[r].DstType == t).ToArray()).ToArray();
        _outgoing = Enumerable.Range(0, _nodeCounts.Length)
            .Select(t => Enumerable.Range(0, relations.Count).Where(r => relations[r].SrcType == t).ToArray()).ToArray();
        _relationSourceOffsets = new long[relations.Count];
        long sourceRows = 0;
        foreach (int r in _outgoing.SelectMany(rs => rs))
        {
            _relationSourceOffsets[r] = sourceRows;
            sourceRows += _nodeCounts[relations[r].SrcType];
        }
        _relationDestinationOffsets = new long[relations.Count];
        _typeBlockOffsets = new long[_nodeCounts.Length + 1];
        long offset = 0;
        for (int t = 0; t < _nodeCounts.Length; t++)
        {
            _typeBlockOffsets[t] = offset;
            foreach (int r in _incoming[t])
            {
                _relationDestinationOffsets[r] = offset;
                offset += _nodeCounts[t];
            }
        }
        _typeBlockOffsets[^1] = offset;
        NodeCount = _nodeOffsets[^1];

        var rel = new List<Tensor>();
        var src = new List<Tensor>();
        var dst = new List<Tensor>();
        var relSrc = new List<Tensor>();
        var relDst = new List<Tensor>();
        for (int r = 0; r < relations.Count; r++)
        {
            var x = relations[r];
            rel.Add(full(x.EdgeCount, r, dtype: ScalarType.Int64, device: device));
            src.Add(x.Src + _nodeOffsets[x.SrcType]);
            dst.Add(x.Dst + _nodeOffsets[x.DstType]);
            relSrc.Add(x.Src + _relationSourceOffsets[r]);
            relDst.Add(x.Dst + _relationDestinationOffsets[r]);
        }
        Tensor Cat(List<Tensor> parts) => parts.Count == 0 ? empty(0, dtype: ScalarType.Int64, device: device) : cat(parts);
        var relation = Cat(rel);
        var globalDst = Cat(dst);
        // Sort by (destination, relation); the stable sort keeps each relation's edge order within a destination.
        var (_, order) = (globalDst * Math.Max(1, relations.Count) + relation).sort(stable: true);
        EdgeCount = relation.shape[0];
        Relation = relation.index_select(0, order).DetachFromDisposeScope();
        Source = new EdgeGroups(Cat(src).index_select(0, order), NodeCount);
        Destination = new EdgeGroups(globalDst.index_select(0, order), NodeCount);
        RelationSource = new EdgeGroups(Cat(relSrc).index_select(0, order), sourceRows);
        RelationDestination = new EdgeGroups(Cat(relDst).index_select(0, order), offset);
    }

    private static long[] Offsets(IEnumerable<long> counts)
    {
        var list = new List<long> { 0 };
        foreach (long c in counts) list.Add(list[^1] + c);
        return list.ToArray();
    }

    /// <summary>Rows of node type <paramref name="nodeType"/> in the global node space (a view).</summary>
    public Tensor NodesOf(Tensor global, int nodeType) =>
        global.narrow(0, _nodeOffsets[nodeType], _nodeCounts[nodeType]);

    /// <summary>Splits a global-node-space tensor <c>[NodeCount, …]</c> into per-type views <c>[N_t, …]</c>.</summary>
    public Tensor[] SplitNodes(Tensor global) =>
        Enumerable.Range(0, _nodeCounts.Length).Select(t => NodesOf(global, t)).ToArray();

    /// <summary>Concatenates per-type rows <c>[N_t, …]</c> into the global node space.</summary>
    public Tensor ConcatNodes(IReadOnlyList<Tensor> perType)
    {
        if (perType.Count != _nodeCounts.Length)
            throw new ArgumentException($"Expected one tensor per node type ({_nodeCounts.Length}) (got {perType.Count}).", nameof(perType));
        return perType.Count == 1 ? perType[0].alias() : cat(perType.ToArray());
    }

    /// <summary>
    /// Relation-source rows <c>[RelationSource.Count, F]</c>: block r holds <c>x_{src(r)} W_r + b_r</c>. The relations
    /// leaving one node type share its rows, so their weights are concatenated and each type costs a single matrix
    /// product <c>x_t [W_r1 | W_r2 | …]</c> (one wide product is faster than several narrow ones); the
    /// <c>[N_t, R_t, F]</c> result, read relation-major, is the type's contiguous slice of the relation-source space.
    /// </summary>
    /// <param name="x">Rows per node type <c>[N_t, in]</c>.</param>
    /// <param name="weights">Per relation <c>[R, in, F]</c>.</param>
    /// <param name="biases">Per relation <c>[R, F]</c>, or null.</param>
    public Tensor ProjectRelationSources(IReadOnlyList<Tensor> x, Tensor weights, Tensor? biases = null)
    {
        if (x.Count != _nodeCounts.Length)
            throw new ArgumentException($"Expected one tensor per node type ({_nodeCounts.Length}) (got {x.Count}).", nameof(x));
        long inDim = weights.shape[1], outDim = weights.shape[2];
        if (RelationCount == 0) return zeros([0, outDim], dtype: weights.dtype, device: weights.device);
        var blocks = new List<Tensor>();
        for (int t = 0; t < _nodeCounts.Length; t++)
        {
            int rt = _outgoing[t].Length;
            if (rt == 0) continue;
            var ids = tensor(_outgoing[t].Select(r => (long)r).ToArray(), device: weights.device);
            var w = weights.index_select(0, ids).permute(1, 0, 2).reshape(inDim, rt * outDim);     // [in, R_t·F]
            var y = biases is null ? x[t].matmul(w) : addmm(biases.index_select(0, ids).reshape(-1), x[t], w, 1, 1);
            blocks.Add(y.view(_nodeCounts[t], rt, outDim).transpose(0, 1).reshape(-1, outDim));     // [R_t·N_t, F]
        }
        return blocks.Count == 1 ? blocks[0] : cat(blocks.ToArray());
    }

    /// <summary>
    /// The per-relation rows of node type <paramref name="nodeType"/> in a relation-destination-space tensor
    /// <c>[RelationDestination.Count, …]</c>, viewed as <c>[R_t, N_t, …]</c> in the order of <see cref="Incoming"/>
    /// (<c>[0, N_t, …]</c> when no relation reaches the type).
    /// </summary>
    public Tensor RelationsOf(Tensor perRelationDestination, int nodeType)
    {
        long rt = _incoming[nodeType].Length;
        var shape = perRelationDestination.shape.ToArray();
        shape[0] = _nodeCounts[nodeType];
        var view = new long[shape.Length + 1];
        view[0] = rt;
        Array.Copy(shape, 0, view, 1, shape.Length);
        return perRelationDestination.narrow(0, _typeBlockOffsets[nodeType], rt * _nodeCounts[nodeType]).view(view);
    }

    /// <summary>Splits a relation-destination-space tensor into per-type stacks <c>[R_t, N_t, …]</c>.</summary>
    public Tensor[] SplitRelations(Tensor perRelationDestination) =>
        Enumerable.Range(0, _nodeCounts.Length).Select(t => RelationsOf(perRelationDestination, t)).ToArray();

    /// <inheritdoc/>
    public void Dispose()
    {
        Relation.Dispose();
        Source.Dispose();
        Destination.Dispose();
        RelationSource.Dispose();
        RelationDestination.Dispose();
    }
}
