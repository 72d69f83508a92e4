namespace GraphMtl.Relational;

/// <summary>
/// MetaLink's per-step knowledge graph (metalink.md §2) as tensors: <see cref="DataCount"/> data nodes (queries, then
/// supports), <see cref="TaskCount"/> task nodes, and one undirected data–task edge per known label, stored as the two
/// typed directions data→task and task→data, which share the feature <c>e = y</c> (<c>[E, 1]</c>). Hidden targets
/// create no edge: the edges are exactly the episode's known labels.
/// </summary>
public sealed record KnowledgeGraph(int DataCount, int TaskCount, Tensor DataIndex, Tensor TaskIndex, Tensor EdgeFeature)
{
    /// <summary>The graph of an episode.</summary>
    public static KnowledgeGraph From(EpisodeTensors episode) =>
        new(episode.DataNodeCount, episode.TaskCount, episode.KnownNode, episode.KnownTask, episode.KnownValue.unsqueeze(1));

    /// <summary>Number of undirected edges (each stored in both directions).</summary>
    public long EdgeCount => DataIndex.shape[0];

    /// <summary>Source and destination rows of a message type: data→task reads data rows and writes task rows, and the reverse.</summary>
    public (Tensor Source, Tensor Destination, int DestinationCount) Direction(KgMessage message) => message == KgMessage.DataToTask
        ? (DataIndex, TaskIndex, TaskCount)
        : (TaskIndex, DataIndex, DataCount);
}

/// <summary>The two message types of the knowledge graph.</summary>
public enum KgMessage
{
    /// <summary>From data nodes to task nodes (task nodes hear their labelled examples).</summary>
    DataToTask,
    /// <summary>From task nodes to data nodes (examples hear their known labels).</summary>
    TaskToData,
}
