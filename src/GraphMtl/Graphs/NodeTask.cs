namespace GraphMtl.Graphs;

/// <summary>
/// A prediction task on the nodes of one type: kind, classes, labels with a missing-label mask, and its split.
/// Labels: for <see cref="TaskKind.MultiClass"/> and <see cref="TaskKind.Binary"/> one class id per node
/// (<see cref="Labels"/> has Count entries); for <see cref="TaskKind.MultiLabel"/> a row-major multi-hot matrix
/// (Count × NumClasses entries of 0/1). Entries of unlabelled nodes are ignored (<see cref="Labelled"/> is false).
/// </summary>
public sealed class NodeTask
{
    /// <summary>Task name, unique in the graph.</summary>
    public string Name { get; }

    /// <summary>Name of the node type the task lives on.</summary>
    public string NodeType { get; }

    /// <summary>Multi-class, multi-label or binary.</summary>
    public TaskKind Kind { get; }

    /// <summary>Number of classes (2 for binary).</summary>
    public int NumClasses { get; }

    /// <summary>Class ids per node, or a multi-hot matrix for multi-label tasks.</summary>
    public int[] Labels { get; }

    /// <summary>Whether each node of the type carries a label.</summary>
    public bool[] Labelled { get; }

    /// <summary>Train / validation / test ids.</summary>
    public NodeSplit Split { get; }

    /// <summary>Optional class names, NumClasses entries.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>Output width of a model head: 1 for binary tasks, the class count otherwise.</summary>
    public int OutputDim => Kind == TaskKind.Binary ? 1 : NumClasses;

    /// <summary>Creates a task; shapes are checked here, label ranges and split validity by <see cref="HeteroGraph.Validate"/>.</summary>
    public NodeTask(string name, string nodeType, TaskKind kind, int numClasses, int[] labels, bool[] labelled,
        NodeSplit split, IReadOnlyList<string>? classNames = null)
    {
        int expected = kind == TaskKind.MultiLabel ? labelled.Length * numClasses : labelled.Length;
        if (labels.Length != expected)
            throw new ArgumentException($"Task '{name}': expected {expected} label entries (got {labels.Length}).");
        if (kind == TaskKind.Binary && numClasses != 2)
            throw new ArgumentException($"Task '{name}': a binary task has 2 classes (got {numClasses}).");
        Name = name;
        NodeType = nodeType;
        Kind = kind;
        NumClasses = numClasses;
        Labels = labels;
        Labelled = labelled;
        Split = split;
        ClassNames = classNames;
    }

    /// <summary>The same task with another split.</summary>
    public NodeTask WithSplit(NodeSplit split) => new(Name, NodeType, Kind, NumClasses, Labels, Labelled, split, ClassNames);

    /// <summary>Number of labelled nodes.</summary>
    public int LabelledCount => Labelled.Count(b => b);

    /// <summary>Labelled nodes per class (for multi-label: nodes carrying each label).</summary>
    public int[] ClassCounts()
    {
        var counts = new int[NumClasses];
        int n = Labelled.Length;
        for (int i = 0; i < n; i++)
        {
            if (!Labelled[i]) continue;
            if (Kind == TaskKind.MultiLabel)
                for (int c = 0; c < NumClasses; c++) counts[c] += Labels[i * NumClasses + c];
            else
                counts[Labels[i]]++;
        }
        return counts;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} on {NodeType} ({Kind}, {NumClasses} classes, {LabelledCount:N0} labelled)";
}
