namespace GraphMtl.Graphs;

/// <summary>
/// A heterogeneous graph with node-level tasks: node types, relations (directed edge sets between types) and tasks
/// that may live on different node types. Immutable; transforms return new graphs sharing unchanged arrays.
/// </summary>
public sealed class HeteroGraph
{
    /// <summary>A short name for reports (dataset name).</summary>
    public string Name { get; }

    /// <summary>Node types in a fixed order.</summary>
    public IReadOnlyList<NodeType> NodeTypes { get; }

    /// <summary>Relations in a fixed order (the order of per-relation parameters everywhere).</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>Tasks in a fixed order.</summary>
    public IReadOnlyList<NodeTask> Tasks { get; }

    /// <summary>Creates and validates a graph.</summary>
    public HeteroGraph(string name, IReadOnlyList<NodeType> nodeTypes, IReadOnlyList<Relation> relations, IReadOnlyList<NodeTask> tasks)
    {
        Name = name;
        NodeTypes = nodeTypes;
        Relations = relations;
        Tasks = tasks;
        Validate();
    }

    /// <summary>The node type called <paramref name="name"/>; an unknown name is a user error listing the choices.</summary>
    public NodeType NodeType(string name) =>
        NodeTypes.FirstOrDefault(t => t.Name == name)
        ?? throw new GraphMtlException($"Unknown node type '{name}' (expected one of: {string.Join(", ", NodeTypes.Select(t => t.Name))}).");

    /// <summary>The task called <paramref name="name"/>; an unknown name is a user error listing the choices.</summary>
    public NodeTask Task(string name) =>
        Tasks.FirstOrDefault(t => t.Name == name)
        ?? throw new GraphMtlException($"Unknown task '{name}' (expected one of: {string.Join(", ", Tasks.Select(t => t.Name))}).");

    /// <summary>The relation with this schema or name (<c>rel</c> or <c>src__rel__dst</c>); unknown is a user error.</summary>
    public Relation Relation(string name)
    {
        var matches = Relations.Where(r => r.Type.ToString() == name || r.Type.Rel == name).ToList();
        if (matches.Count == 1) return matches[0];
        if (matches.Count > 1)
            throw new GraphMtlException($"Relation name '{name}' is ambiguous (matches {string.Join(", ", matches.Select(m => m.Type))}); use src__rel__dst.");
        throw new GraphMtlException($"Unknown relation '{name}' (expected one of: {string.Join(", ", Relations.Select(r => r.Type))}).");
    }

    /// <summary>The schema the models are built from.</summary>
    public GraphMetadata Metadata => new(
        NodeTypes.Select(t => new NodeTypeInfo(t.Name, t.Count, t.Features?.Dim ?? 0)).ToList(),
        Relations.Select(r => r.Type).ToList(),
        Tasks.Select(t => new TaskInfo(t.Name, t.NodeType, t.Kind, t.NumClasses)).ToList());

    /// <summary>Total number of edges over all relations.</summary>
    public long EdgeCount => Relations.Sum(r => (long)r.EdgeCount);

    /// <summary>
    /// Checks the graph and throws a <see cref="GraphMtlException"/> naming the relation or task and the offending
    /// value: unknown node types, ids out of range, duplicate names, labels out of range, unlabelled or overlapping
    /// split nodes, empty training splits.
    /// </summary>
    public void Validate()
    {
        var types = new Dictionary<string, NodeType>();
        foreach (var t in NodeTypes)
            if (!types.TryAdd(t.Name, t))
                throw new GraphMtlException($"Graph '{Name}': node type '{t.Name}' is defined twice.");

        var relationNames = new HashSet<string>();
        foreach (var r in Relations)
        {
            if (!relationNames.Add(r.Type.ToString()))
                throw new GraphMtlException($"Graph '{Name}': relation {r.Type} is defined twice.");
            var src = types.GetValueOrDefault(r.Type.Src) ?? throw new GraphMtlException($"Relation {r.Type}: unknown source node type '{r.Type.Src}'.");
            var dst = types.GetValueOrDefault(r.Type.Dst) ?? throw new GraphMtlException($"Relation {r.Type}: unknown destination node type '{r.Type.Dst}'.");
            CheckIds(r.Src, src.Count, $"Relation {r.Type}: source id");
            CheckIds(r.Dst, dst.Count, $"Relation {r.Type}: destination id");
        }

        var taskNames = new HashSet<string>();
        foreach (var task in Tasks)
        {
            if (!taskNames.Add(task.Name)) throw new GraphMtlException($"Graph '{Name}': task '{task.Name}' is defined twice.");
            var type = types.GetValueOrDefault(task.NodeType)
                ?? throw new GraphMtlException($"Task '{task.Name}': unknown node type '{task.NodeType}'.");
            if (task.Labelled.Length != type.Count)
                throw new GraphMtlException($"Task '{task.Name}': expected {type.Count} label slots for node type '{type.Name}' (got {task.Labelled.Length}).");
            ValidateLabels(task);
            ValidateSplit(task, type.Count);
        }
    }

    private static void CheckIds(int[] ids, int count, string what)
    {
        for (int i = 0; i < ids.Length; i++)
            if ((uint)ids[i] >= (uint)count)
                throw new GraphMtlException($"{what} {ids[i]} is out of range (expected 0..{count - 1}).");
    }

    private static void ValidateLabels(NodeTask task)
    {
        if (task.NumClasses < 1) throw new GraphMtlException($"Task '{task.Name}': expected at least one class (got {task.NumClasses}).");
        for (int i = 0; i < task.Labelled.Length; i++)
        {
            if (!task.Labelled[i]) continue;
            if (task.Kind == TaskKind.MultiLabel)
            {
                for (int c = 0; c < task.NumClasses; c++)
                    if (task.Labels[i * task.NumClasses + c] is not (0 or 1))
                        throw new GraphMtlException($"Task '{task.Name}': node {i} has multi-hot value {task.Labels[i * task.NumClasses + c]} (expected 0 or 1).");
            }
            else if ((uint)task.Labels[i] >= (uint)task.NumClasses)
                throw new GraphMtlException($"Task '{task.Name}': node {i} has label {task.Labels[i]} (expected 0..{task.NumClasses - 1}).");
        }
    }

    private static void ValidateSplit(NodeTask task, int count)
    {
        var seen = new byte[count];
        foreach (var (part, ids) in new[] { ("train", task.Split.Train), ("val", task.Split.Val), ("test", task.Split.Test) })
        {
            foreach (int id in ids)
            {
                if ((uint)id >= (uint)count)
                    throw new GraphMtlException($"Task '{task.Name}': {part} split node {id} is out of range (expected 0..{count - 1}).");
                if (!task.Labelled[id])
                    throw new GraphMtlException($"Task '{task.Name}': {part} split node {id} has no label.");
                if (seen[id]++ != 0)
                    throw new GraphMtlException($"Task '{task.Name}': node {id} appears twice in the splits (last in {part}).");
            }
        }
        if (task.Split.Train.Length == 0) throw new GraphMtlException($"Task '{task.Name}': the train split is empty.");
    }

    /// <summary>A copy with other relations (validated).</summary>
    public HeteroGraph WithRelations(IReadOnlyList<Relation> relations) => new(Name, NodeTypes, relations, Tasks);

    /// <summary>A copy with other tasks (validated).</summary>
    public HeteroGraph WithTasks(IReadOnlyList<NodeTask> tasks) => new(Name, NodeTypes, Relations, tasks);

    /// <summary>A copy with other node types (validated against relations and tasks).</summary>
    public HeteroGraph WithNodeTypes(IReadOnlyList<NodeType> nodeTypes) => new(Name, nodeTypes, Relations, Tasks);

    /// <summary>A copy with another name.</summary>
    public HeteroGraph WithName(string name) => new(name, NodeTypes, Relations, Tasks);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name}: {NodeTypes.Count} node types, {Relations.Count} relations ({EdgeCount:N0} edges), {Tasks.Count} tasks";
}
