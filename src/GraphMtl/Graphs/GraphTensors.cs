using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Graphs;

/// <summary>
/// A <see cref="HeteroGraph"/> on a device: per node type its features, per relation its edge index, per task its
/// labels and split ids. Created once, outside any dispose scope, and owned until <see cref="Dispose"/>. Derived
/// structures (degrees, normalised adjacencies) are cached on first use and detached from the caller's scope.
/// </summary>
public sealed class GraphTensors : IDisposable
{
    private readonly List<Tensor> _owned = [];
    private readonly Dictionary<string, Tensor> _cache = [];
    private readonly Dictionary<string, IDisposable> _structures = [];

    /// <summary>The schema the tensors follow (node type, relation and task order).</summary>
    public GraphMetadata Metadata { get; }

    /// <summary>The device all tensors live on.</summary>
    public Device Device { get; }

    /// <summary>Per node type (metadata order): features or null for featureless types.</summary>
    public IReadOnlyList<NodeTensors> Nodes { get; }

    /// <summary>Per relation (metadata order): edge index.</summary>
    public IReadOnlyList<RelationTensors> Relations { get; }

    /// <summary>Per task (metadata order): labels and splits.</summary>
    public IReadOnlyList<TaskTensors> Tasks { get; }

    private GraphTensors(GraphMetadata metadata, Device device, List<NodeTensors> nodes, List<RelationTensors> relations, List<TaskTensors> tasks, List<Tensor> owned)
    {
        Metadata = metadata;
        Device = device;
        Nodes = nodes;
        Relations = relations;
        Tasks = tasks;
        _owned = owned;
    }

    /// <summary>Moves a host graph to <paramref name="device"/>.</summary>
    public static GraphTensors From(HeteroGraph graph, Device device)
    {
        var owned = new List<Tensor>();
        Tensor Own(Tensor t)
        {
            t = t.DetachFromDisposeScope();
            owned.Add(t);
            return t;
        }

        var nodes = graph.NodeTypes.Select(t => new NodeTensors(t.Name, t.Count, t.Features?.Dim ?? 0,
            t.Features switch
            {
                null => null,
                DenseFeatures d => Own(tensor(d.Values, [d.Rows, d.Dim], device: device)),
                SparseFeatures s => Own(SparseCoo(s.RowIndex, s.ColIndex, s.Values, s.Rows, s.Dim, device)),
                _ => throw new NotSupportedException(t.Features.GetType().Name),
            })).ToList();

        var types = graph.NodeTypes.Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i);
        var relations = graph.Relations.Select(r => new RelationTensors(r.Type, types[r.Type.Src], types[r.Type.Dst],
            graph.NodeTypes[types[r.Type.Src]].Count, graph.NodeTypes[types[r.Type.Dst]].Count, r.EdgeCount,
            Own(tensor(r.Src.Select(i => (long)i).ToArray(), device: device)),
            Own(tensor(r.Dst.Select(i => (long)i).ToArray(), device: device)))).ToList();

        var tasks = graph.Tasks.Select(t => new TaskTensors(t.Name, types[t.NodeType], t.Kind, t.NumClasses,
            t.Kind == TaskKind.MultiLabel
                ? Own(tensor(t.Labels.Select(v => (float)v).ToArray(), [t.Labelled.Length, t.NumClasses], device: device))
                : Own(tensor(t.Labels.Select(v => (long)v).ToArray(), device: device)),
            Own(LongIds(t.Split.Train, device)), Own(LongIds(t.Split.Val, device)), Own(LongIds(t.Split.Test, device)),
            t.Split)).ToList();

        return new GraphTensors(graph.Metadata, device, nodes, relations, tasks, owned);
    }

    private static Tensor LongIds(int[] ids, Device device) => tensor(ids.Select(i => (long)i).ToArray(), device: device);

    /// <summary>A sparse COO tensor from host arrays (duplicates are summed by the sparse kernels).</summary>
    public static Tensor SparseCoo(int[] rows, int[] cols, float[] values, long nRows, long nCols, Device device)
    {
        var idx = new long[2 * rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            idx[i] = rows[i];
            idx[rows.Length + i] = cols[i];
        }
        using var indices = tensor(idx, [2, rows.Length], device: device);
        using var vals = tensor(values, device: device);
        return sparse_coo_tensor(indices, vals, [nRows, nCols]);
    }

    /// <summary>
    /// A tensor derived from the graph (degrees, normalised adjacency…), computed once per <paramref name="key"/> and
    /// kept for the lifetime of the graph, whatever dispose scope is active when it is first requested.
    /// </summary>
    public Tensor Cached(string key, Func<Tensor> compute)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(key, out var t)) return t;
            using (no_grad())
            {
                t = compute().DetachFromDisposeScope();
            }
            _cache[key] = t;
            return t;
        }
    }

    /// <summary>
    /// A structure derived from the graph that holds several tensors (e.g. the flattened edge view of
    /// <see cref="Nn.FlatEdges"/>), built once per <paramref name="key"/> and disposed with the graph. The builder runs
    /// without gradients inside its own dispose scope: temporaries die with it, and the structure must detach the
    /// tensors it keeps (<c>DetachFromDisposeScope</c>).
    /// </summary>
    public T CachedStructure<T>(string key, Func<T> build) where T : class, IDisposable
    {
        lock (_structures)
        {
            if (_structures.TryGetValue(key, out var s)) return (T)s;
            T built;
            using (no_grad())
            using (NewDisposeScope())
            {
                built = build();
            }
            _structures[key] = built;
            return built;
        }
    }

    /// <summary>Index of a task by name.</summary>
    public TaskTensors Task(string name) => Tasks.First(t => t.Name == name);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in _owned) t.Dispose();
        foreach (var t in _cache.Values) t.Dispose();
        foreach (var s in _structures.Values) s.Dispose();
        _owned.Clear();
        _cache.Clear();
        _structures.Clear();
    }
}

/// <summary>One node type on the device: count, feature dimension (0 when none) and features (dense or sparse COO).</summary>
public sealed record NodeTensors(string Name, int Count, int FeatureDim, Tensor? Features);

/// <summary>One relation on the device: types (as node type indices), sizes and the edge index.</summary>
public sealed record RelationTensors(EdgeType Type, int SrcType, int DstType, int SrcCount, int DstCount, int EdgeCount, Tensor Src, Tensor Dst);

/// <summary>
/// One task on the device: labels (<c>long [N]</c> class ids, or <c>float [N, C]</c> multi-hot for multi-label
/// tasks) and the split ids as <c>long</c> tensors.
/// </summary>
public sealed record TaskTensors(string Name, int NodeType, TaskKind Kind, int NumClasses, Tensor Labels, Tensor Train, Tensor Val, Tensor Test, NodeSplit Split)
{
    /// <summary>The ids of a split part.</summary>
    public Tensor Part(SplitPart part) => part switch
    {
        SplitPart.Train => Train,
        SplitPart.Val => Val,
        _ => Test,
    };
}
