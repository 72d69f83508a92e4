namespace GraphMtl.Graphs;

/// <summary>
/// One node type: its name, node count, optional features and optional display names. A type without features gets
/// a learnable embedding or a one-hot input in the model (the encoder decides; see <c>Nn.NodeInputEncoder</c>).
/// </summary>
public sealed class NodeType
{
    /// <summary>The type's name, unique in the graph.</summary>
    public string Name { get; }

    /// <summary>Number of nodes; local ids are 0..Count-1.</summary>
    public int Count { get; }

    /// <summary>Input features, or null when the type has none.</summary>
    public NodeFeatures? Features { get; }

    /// <summary>Creates a node type; features, when given, must have <paramref name="count"/> rows.</summary>
    public NodeType(string name, int count, NodeFeatures? features = null)
    {
        if (count < 0) throw new ArgumentException($"Node type '{name}': expected a non-negative count (got {count}).");
        if (features != null && features.Rows != count)
            throw new ArgumentException($"Node type '{name}': expected {count} feature rows (got {features.Rows}).");
        Name = name;
        Count = count;
        Features = features;
    }

    /// <summary>This type with other features.</summary>
    public NodeType WithFeatures(NodeFeatures? features) => new(Name, Count, features);

    /// <inheritdoc/>
    public override string ToString() => Features is null ? $"{Name} ({Count:N0}, no features)" : $"{Name} ({Count:N0}, {Features.Dim}-d)";
}
