namespace GraphMtl.Graphs;

/// <summary>
/// The schema of a heterogeneous graph: node types with their sizes and feature dimensions, relations in a fixed order,
/// and tasks. Models are built from metadata, never from a loaded graph, so a saved model can be rebuilt for prediction.
/// </summary>
public sealed record GraphMetadata(
    IReadOnlyList<NodeTypeInfo> NodeTypes,
    IReadOnlyList<EdgeType> Relations,
    IReadOnlyList<TaskInfo> Tasks)
{
    /// <summary>Index of a node type by name, or −1.</summary>
    public int NodeTypeIndex(string name)
    {
        for (int i = 0; i < NodeTypes.Count; i++)
            if (NodeTypes[i].Name == name) return i;
        return -1;
    }

    /// <summary>Relations whose destination is <paramref name="nodeType"/>, with their global relation index, in relation order.</summary>
    public IReadOnlyList<(int Index, EdgeType Type)> IncomingRelations(string nodeType) =>
        Relations.Select((r, i) => (i, r)).Where(p => p.r.Dst == nodeType).ToList();
}

/// <summary>A node type's schema: name, node count and input feature dimension (0 when it has no features).</summary>
public sealed record NodeTypeInfo(string Name, int Count, int FeatureDim);

/// <summary>A task's schema.</summary>
public sealed record TaskInfo(string Name, string NodeType, TaskKind Kind, int NumClasses)
{
    /// <summary>Output width of a head: 1 for binary, the class count otherwise.</summary>
    public int OutputDim => Kind == TaskKind.Binary ? 1 : NumClasses;
}
