using GraphMtl.Graphs;

namespace GraphMtl.Data;

/// <summary>
/// A host-side description of a loaded graph for <c>gmtl data info</c> and reports: node types with counts and
/// features, relations with edge counts and kinds, tasks with class counts and split sizes. The library builds it;
/// the CLI renders it.
/// </summary>
public sealed record GraphSummary(
    string Name,
    IReadOnlyList<NodeTypeSummary> NodeTypes,
    IReadOnlyList<RelationSummary> Relations,
    IReadOnlyList<TaskSummary> Tasks)
{
    /// <summary>Total number of nodes.</summary>
    public long NodeCount => NodeTypes.Sum(t => (long)t.Count);

    /// <summary>Total number of edges over all relations.</summary>
    public long EdgeCount => Relations.Sum(r => (long)r.Edges);

    /// <summary>Summarises <paramref name="graph"/>.</summary>
    public static GraphSummary Of(HeteroGraph graph)
    {
        var nodeTypes = graph.NodeTypes.Select(NodeTypeSummary.Of).ToList();
        var relations = graph.Relations.Select(r => RelationSummary.Of(r, graph)).ToList();
        var tasks = graph.Tasks.Select(TaskSummary.Of).ToList();
        return new GraphSummary(graph.Name, nodeTypes, relations, tasks);
    }
}
