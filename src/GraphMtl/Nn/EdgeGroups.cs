using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>
/// An assignment of every edge to one row of a node space: the edge's destination (a group to aggregate or
/// normalise over) or its source (the row its message is gathered from). Graphs are static, so everything derived
/// from the assignment (degrees, the layout of the exact per-group maximum, sparse adjacencies) is computed once,
/// on first use, and kept until <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// The exact per-group maximum uses no <c>scatter_reduce</c> (TorchSharp 0.107 has none): groups are bucketed by
/// in-degree rounded up to a power of two, each bucket is a dense <c>[groups, width]</c> block padded with −∞, and one
/// <c>amax</c> per bucket gives the maxima. Padding at most doubles the edge count, whatever the degree skew, and the
/// number of buckets is ⌈log₂ max-degree⌉ + 1.
/// </remarks>
public sealed class EdgeGroups : IDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<(EdgeGroups Source, bool Mean), Tensor> _adjacency = [];
    private Tensor? _degree;
    private Tensor? _hasEdges;
    private MaxLayout? _maxLayout;

    /// <summary>Per edge, its row in the space: <c>long [E]</c>.</summary>
    public Tensor Index { get; }

    /// <summary>Number of rows of the space (groups, including those without edges).</summary>
    public long Count { get; }

    /// <summary>Number of edges.</summary>
    public long EdgeCount { get; }

    /// <summary>
    /// Wraps an edge-to-row assignment. The index is kept (and disposed with this object); it is detached from any
    /// dispose scope.
    /// </summary>
    public EdgeGroups(Tensor index, long count)
    {
        if (index.dim() != 1 || index.dtype != ScalarType.Int64)
            throw new ArgumentException($"Expected a long [E] index (got {index.dtype} of shape [{string.Join(", ", index.shape)}]).", nameof(index));
        Index = index.DetachFromDisposeScope();
        Count = count;
        EdgeCount = index.shape[0];
    }

    /// <summary>Edges per row as <c>float [Count]</c> (0 for rows without edges).</summary>
    public Tensor Degree => Lazy(ref _degree, () => bincount(Index, minlength: Count).to(ScalarType.Float32));

    /// <summary>Whether a row has at least one edge: <c>bool [Count]</c>.</summary>
    public Tensor HasEdges => Lazy(ref _hasEdges, () => bincount(Index, minlength: Count) > 0);

    /// <summary>
    /// The exact maximum of <paramref name="values"/> (<c>[E]</c> or <c>[E, H]</c>) over each edge's group, gathered
    /// back to the edges (same shape as the input). Computed without gradients: it serves as a softmax shift.
    /// </summary>
    public Tensor GroupMaxPerEdge(Tensor values)
    {
        if (EdgeCount == 0) return zeros_like(values);
        var layout = Layout();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var v = values.dim() == 1 ? values.unsqueeze(1) : values; // [E, H]
        long h = v.shape[1];
        var slots = full([layout.TotalSlots, h], double.NegativeInfinity, dtype: v.dtype, device: v.device);
        slots.index_copy_(0, layout.Slot, v.detach());
        var maxima = cat(layout.Buckets.Select(b => slots.narrow(0, b.SlotOffset, b.Rows * b.Width).view(b.Rows, b.Width, h).amax([1])).ToArray()); // [groups with edges, H]
        var perEdge = maxima.index_select(0, layout.EdgeRow);
        return (values.dim() == 1 ? perEdge.squeeze(1) : perEdge).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The fixed sparse adjacency <c>[Count, source.Count]</c> with one entry per edge (at this edge's row and its
    /// source row): ones, or 1/degree for <paramref name="mean"/>. Duplicate edges are summed by the sparse product.
    /// </summary>
    public Tensor Adjacency(EdgeGroups source, bool mean)
    {
        if (source.EdgeCount != EdgeCount)
            throw new ArgumentException($"Expected a source assignment over the same {EdgeCount} edges (got {source.EdgeCount}).", nameof(source));
        lock (_lock)
        {
            if (_adjacency.TryGetValue((source, mean), out var a)) return a;
            using (no_grad())
            using (NewDisposeScope())
            {
                var values = mean
                    ? Degree.clamp_min(1).index_select(0, Index).reciprocal()
                    : ones(EdgeCount, device: Index.device);
                a = sparse_coo_tensor(stack([Index, source.Index]), values, [Count, source.Count]).DetachFromDisposeScope();
            }
            _adjacency[(source, mean)] = a;
            return a;
        }
    }

    private Tensor Lazy(ref Tensor? field, Func<Tensor> compute)
    {
        lock (_lock)
        {
            if (field is not null) return field;
            using (no_grad())
            using (NewDisposeScope())
            {
                field = compute().DetachFromDisposeScope();
            }
            return field;
        }
    }

    private MaxLayout Layout()
    {
        lock (_lock)
        {
            if (_maxLayout is not null) return _maxLayout;
            using (no_grad())
            using (NewDisposeScope())
            {
                _maxLayout = MaxLayout.Build(Index, Count);
            }
            return _maxLayout;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Index.Dispose();
        _degree?.Dispose();
        _hasEdges?.Dispose();
        _maxLayout?.Dispose();
        foreach (var a in _adjacency.Values) a.Dispose();
        _adjacency.Clear();
    }

    /// <summary>
    /// Where each edge's value goes in the padded buckets (<see cref="Slot"/>), and which bucket row holds its group's
    /// maximum (<see cref="EdgeRow"/>).
    /// </summary>
    private sealed class MaxLayout : IDisposable
    {
        public required Tensor Slot { get; init; }     // long [E]
        public required Tensor EdgeRow { get; init; }  // long [E]
        public required long TotalSlots { get; init; }
        public required IReadOnlyList<(long SlotOffset, long Rows, long Width)> Buckets { get; init; }

        public static MaxLayout Build(Tensor index, long count)
        {
            long e = index.shape[0];
            var device = index.device;
            var deg = bincount(index, minlength: count); // long [G]
            // Rank of each edge within its group: position in the group-sorted order minus the group's start.
            var (sortedGroups, order) = index.sort(stable: true);
            var start = deg.cumsum(0) - deg;
            var rankSorted = arange(e, dtype: ScalarType.Int64, device: device) - start.index_select(0, sortedGroups);
            var rank = empty(e, dtype: ScalarType.Int64, device: device).index_copy_(0, order, rankSorted);

            // Bucket b holds the groups whose degree d satisfies 2^(b-1) < d ≤ 2^b (b = 0 for d = 1), padded to 2^b.
            var bucket = deg.clamp_min(1).to(ScalarType.Float64).log2().ceil().to(ScalarType.Int64); // [G]
            long maxDegree = e == 0 ? 0 : deg.max().item<long>();
            int nBuckets = maxDegree == 0 ? 0 : (int)Math.Ceiling(Math.Log2(maxDegree)) + 1;
            var groupSlotBase = zeros(count, dtype: ScalarType.Int64, device: device); // first slot of the group's padded row
            var groupRow = zeros(count, dtype: ScalarType.Int64, device: device);      // row of the group in the concatenated maxima
            var buckets = new List<(long, long, long)>();
            long slotOffset = 0, rowOffset = 0;
            for (int b = 0; b < nBuckets; b++)
            {
                var member = (bucket == b) & (deg > 0); // [G]
                long rows = member.sum().item<long>();
                if (rows == 0) continue;
                long width = 1L << b;
                var rowInBucket = member.to(ScalarType.Int64).cumsum(0) - 1;
                groupSlotBase = where(member, slotOffset + rowInBucket * width, groupSlotBase);
                groupRow = where(member, rowOffset + rowInBucket, groupRow);
                buckets.Add((slotOffset, rows, width));
                slotOffset += rows * width;
                rowOffset += rows;
            }
            var slot = groupSlotBase.index_select(0, index) + rank;
            var edgeRow = groupRow.index_select(0, index);
            return new MaxLayout
            {
                Slot = slot.DetachFromDisposeScope(),
                EdgeRow = edgeRow.DetachFromDisposeScope(),
                TotalSlots = slotOffset,
                Buckets = buckets,
            };
        }

        public void Dispose()
        {
            Slot.Dispose();
            EdgeRow.Dispose();
        }
    }
}
