namespace GraphMtl.TaskGraphs.Layers;

/// <summary>
/// Task representations of SGNN-EBM and GCNet (gcnet.md §2.1): free embeddings e_t = Linear(Emb(T, d)[t]) refined by
/// a residual two-layer GCN over the task graph with symmetric normalisation and self-loops
/// (Â = D^−½ (A + I) D^−½, GCN(h) = Â h W + b): h = e + GCN₁(e); h = Dropout(ReLU(h)); h = h + GCN₂(h).
/// </summary>
internal sealed class TaskEmbedding : nn.Module
{
    private readonly Parameter embedding; // [T, d]
    private readonly Linear input, gcn1, gcn2;
    private readonly Tensor adjacency;    // buffer [T, T], normalised
    private readonly double _dropout;

    /// <summary>Creates the embeddings for the tasks and (unweighted) edges of <paramref name="graph"/>.</summary>
    public TaskEmbedding(string name, TaskGraph graph, int dim, double dropout) : base(name)
    {
        int t = graph.TaskCount;
        embedding = new Parameter(randn(t, dim)); // nn.Embedding's N(0, 1)
        input = nn.Linear(dim, dim);
        gcn1 = nn.Linear(dim, dim);
        gcn2 = nn.Linear(dim, dim);
        adjacency = NormalisedAdjacency(graph);
        _dropout = dropout;
        Dim = dim;
        RegisterComponents();
    }

    /// <summary>Width d of a task representation.</summary>
    public int Dim { get; }

    /// <summary>The task representations <c>[T, d]</c>.</summary>
    public Tensor Forward()
    {
        var e = input.call(embedding);
        var h = e + Gcn(gcn1, e);
        h = nn.functional.dropout(nn.functional.relu(h), _dropout, training);
        return h + Gcn(gcn2, h);
    }

    private Tensor Gcn(Linear layer, Tensor h) => adjacency.matmul(nn.functional.linear(h, layer.weight!)) + layer.bias!;

    /// <summary>D^−½ (A + I) D^−½ of the unweighted graph (an edge in either direction counts once).</summary>
    internal static Tensor NormalisedAdjacency(TaskGraph graph)
    {
        int t = graph.TaskCount;
        var a = new float[t * t];
        for (int i = 0; i < t; i++) a[i * t + i] = 1;
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            a[graph.Source[e] * t + graph.Target[e]] = 1;
            a[graph.Target[e] * t + graph.Source[e]] = 1;
        }
        var degree = new double[t];
        for (int i = 0; i < t; i++)
            for (int j = 0; j < t; j++) degree[i] += a[i * t + j];
        for (int i = 0; i < t; i++)
            for (int j = 0; j < t; j++) a[i * t + j] = (float)(a[i * t + j] / Math.Sqrt(degree[i] * degree[j]));
        return tensor(a, [t, t]);
    }
}
