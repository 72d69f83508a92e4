using GraphMtl.Configuration;

namespace GraphMtl.Data.Manifest;

/// <summary>
/// A declarative description of a dataset kept in plain files: node types (with counts and features), relations
/// (edge files), tasks (labels and splits) and the graph transforms to apply. Bound from YAML by
/// <see cref="ConfigBinder"/>, so keys are snake_case and an unknown key is an error naming the file and line.
/// The schema, with a complete annotated example, is documented in <c>docs/datasets.md</c>.
/// </summary>
public sealed record DatasetManifest : IValidatableOptions
{
    /// <summary>The dataset's name (shown in reports).</summary>
    public string Name { get; init; } = "";

    /// <summary>Free text: source, citation, notes.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Folder of the data files: absolute, or relative to the data root. When omitted, the manifest's own folder
    /// (built-in manifests must set it). Every file path in the manifest is relative to this folder, so
    /// <c>../other-dataset/file</c> reaches a sibling dataset under the same data root.
    /// </summary>
    public string? Root { get; init; }

    /// <summary>The global id space, for files that number all nodes together (see <see cref="ManifestGlobalIds"/>).</summary>
    public ManifestGlobalIds? GlobalIds { get; init; }

    /// <summary>Node types, in order (the order of the global id space when it is given by ranges).</summary>
    public IReadOnlyList<ManifestNodeType> NodeTypes { get; init; } = [];

    /// <summary>Relations (directed edge sets), in order.</summary>
    public IReadOnlyList<ManifestRelation> Relations { get; init; } = [];

    /// <summary>Node-level tasks, in order.</summary>
    public IReadOnlyList<ManifestTask> Tasks { get; init; } = [];

    /// <summary>Node types removed after loading, with every relation touching them (applied first).</summary>
    public IReadOnlyList<string> DropNodeTypes { get; init; } = [];

    /// <summary>Whether to add the reverse of every relation that has none (applied second).</summary>
    public bool AddReverse { get; init; } = true;

    /// <summary>Node types that get a self-loop relation <c>t__self__t</c> (applied last).</summary>
    public IReadOnlyList<string> SelfLoops { get; init; } = [];

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "expected a dataset name (got none)");
        if (NodeTypes.Count == 0) yield return (nameof(NodeTypes), "expected at least one node type (got none)");
    }
}

/// <summary>
/// A global id space shared by all node types, used by files declared with <c>ids: global</c>. Without this section
/// the global ids are the node types' ranges in declaration order (HGB's convention), each type starting at its
/// <see cref="ManifestNodeType.Offset"/> or right after the previous type.
/// </summary>
public sealed record ManifestGlobalIds : IValidatableOptions
{
    /// <summary>
    /// A node-type file: line <i>g</i> holds the type of global id <i>g</i>, as an index into <c>node_types</c> or as a
    /// type name. A type's local ids follow the order of its global ids (MAGNN's <c>node_types.npy</c> layout).
    /// </summary>
    public string File { get; init; } = "";

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(File)) yield return (nameof(File), "expected a node-type file (got none)");
    }
}

/// <summary>How ids in a file are numbered.</summary>
public enum IdSpace
{
    /// <summary>Per node type, 0..count-1.</summary>
    Local,
    /// <summary>In the global id space (<see cref="DatasetManifest.GlobalIds"/> or the types' ranges).</summary>
    Global,
}
