using GraphMtl.Graphs;

namespace GraphMtl.Data.Manifest;

/// <summary>Reads the files a manifest names, in order: node types, relations, tasks, then transforms.</summary>
internal sealed partial class ManifestBuilder
{
    private readonly DatasetManifest _manifest;
    private readonly ManifestLocations _at;
    private readonly DataRoot _dataRoot;
    private readonly string? _manifestDirectory;
    private string _root = "";
    private readonly Dictionary<string, int> _typeIndex = [];
    private int[] _counts = [];
    private GlobalIdMap? _global;
    private GlobalIdMap? _globalFromFile;

    public ManifestBuilder(DatasetManifest manifest, ManifestLocations at, DataRoot dataRoot, string? manifestDirectory)
    {
        _manifest = manifest;
        _at = at;
        _dataRoot = dataRoot;
        _manifestDirectory = manifestDirectory;
    }

    public HeteroGraph Build()
    {
        _root = ResolveRoot();
        var nodeTypes = BuildNodeTypes();
        var relations = BuildRelations();
        var tasks = BuildTasks(nodeTypes, relations);
        nodeTypes = RemoveLabelColumns(nodeTypes);
        var graph = new HeteroGraph(_manifest.Name, nodeTypes, relations, tasks);
        return ApplyTransforms(graph);
    }

    private string ResolveRoot()
    {
        string root;
        if (_manifest.Root is null)
            root = _manifestDirectory ?? throw _at.Error("root", "expected the folder of the data files (a built-in manifest has no folder of its own)");
        else
            root = _dataRoot.Resolve(_manifest.Root);
        if (!Directory.Exists(root))
            throw _at.Error("root", $"folder not found: {root} (data root {_dataRoot}; set --data-root or {DataRoot.EnvironmentVariable})");
        return root;
    }

    /// <summary>The absolute path of a file named in the manifest at <paramref name="key"/>; it must exist.</summary>
    private string DataFile(string relative, string key)
    {
        string path = Path.IsPathRooted(relative) ? relative : Path.GetFullPath(Path.Combine(_root, relative));
        if (!File.Exists(path)) throw _at.Error(key, $"file not found: {path}");
        return path;
    }

    private int TypeIndex(string name, string key) =>
        _typeIndex.TryGetValue(name, out int i) ? i
        : throw _at.Error(key, $"unknown node type '{name}' (expected one of: {string.Join(", ", _manifest.NodeTypes.Select(t => t.Name))})");

    /// <summary>The global id space (file or ranges), built on first use.</summary>
    private GlobalIdMap Global(string key)
    {
        if (_global is not null) return _global;
        if (_globalFromFile is not null) return _global = _globalFromFile;
        var offset = new int[_counts.Length];
        long next = 0;
        for (int t = 0; t < _counts.Length; t++)
        {
            offset[t] = (int)(_manifest.NodeTypes[t].Offset ?? next);
            next = (long)offset[t] + _counts[t];
            if (next > int.MaxValue) throw _at.Error($"node_types[{t}]", "global ids beyond 2^31 are not supported");
        }
        for (int a = 0; a < offset.Length; a++)
            for (int b = 0; b < offset.Length; b++)
                if (a != b && _counts[a] > 0 && _counts[b] > 0 && offset[a] <= offset[b] && offset[b] < offset[a] + _counts[a])
                    throw _at.Error($"node_types[{b}].offset",
                        $"global ids of '{_manifest.NodeTypes[b].Name}' ({offset[b]}..) overlap those of '{_manifest.NodeTypes[a].Name}' "
                        + $"({offset[a]}..{offset[a] + _counts[a] - 1}); needed by {key}");
        return _global = GlobalIdMap.FromRanges(offset, _counts);
    }

    private HeteroGraph ApplyTransforms(HeteroGraph graph)
    {
        for (int i = 0; i < _manifest.DropNodeTypes.Count; i++) TypeIndex(_manifest.DropNodeTypes[i], $"drop_node_types[{i}]");
        var dropped = _manifest.DropNodeTypes.ToHashSet();
        foreach (var task in graph.Tasks)
            if (dropped.Contains(task.NodeType))
                throw _at.Error("drop_node_types", $"cannot drop node type '{task.NodeType}': task '{task.Name}' lives on it");
        for (int i = 0; i < _manifest.SelfLoops.Count; i++)
        {
            TypeIndex(_manifest.SelfLoops[i], $"self_loops[{i}]");
            if (dropped.Contains(_manifest.SelfLoops[i]))
                throw _at.Error($"self_loops[{i}]", $"node type '{_manifest.SelfLoops[i]}' is dropped by drop_node_types");
        }
        if (dropped.Count > 0) graph = graph.DropNodeTypes(dropped);
        if (_manifest.AddReverse) graph = graph.AddReverseRelations();
        if (_manifest.SelfLoops.Count > 0) graph = graph.AddSelfLoops(_manifest.SelfLoops);
        return graph;
    }
}
