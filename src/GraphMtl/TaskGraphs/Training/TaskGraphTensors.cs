namespace GraphMtl.TaskGraphs.Training;

/// <summary>The edge index of a task graph on a device (kept outside dispose scopes; owned by the runner).</summary>
internal sealed class TaskGraphTensors : IDisposable
{
    /// <summary>Copies the edges of <paramref name="graph"/> to <paramref name="device"/>.</summary>
    public TaskGraphTensors(TaskGraph graph, Device device)
    {
        Graph = graph;
        using var scope = NewDisposeScope();
        Source = tensor(graph.Source.Select(v => (long)v).ToArray(), dtype: int64, device: device).DetachFromDisposeScope();
        Target = tensor(graph.Target.Select(v => (long)v).ToArray(), dtype: int64, device: device).DetachFromDisposeScope();
        FlatIndex = (Source * graph.TaskCount + Target).DetachFromDisposeScope();
    }

    /// <summary>The graph.</summary>
    public TaskGraph Graph { get; }

    /// <summary>Source task per directed edge <c>[M]</c>.</summary>
    public Tensor Source { get; }

    /// <summary>Target task per directed edge <c>[M]</c>.</summary>
    public Tensor Target { get; }

    /// <summary>Row-major index i·T + j of each edge (i, j) into a flattened T × T matrix <c>[M]</c>.</summary>
    public Tensor FlatIndex { get; }

    /// <summary>Number of tasks.</summary>
    public int TaskCount => Graph.TaskCount;

    /// <summary>Number of directed edges.</summary>
    public int EdgeCount => Graph.EdgeCount;

    /// <inheritdoc/>
    public void Dispose()
    {
        Source.Dispose();
        Target.Dispose();
        FlatIndex.Dispose();
    }
}
