using GraphMtl.Graphs;

namespace GraphMtl.Data.Manifest;

internal sealed partial class ManifestBuilder
{
    // Counts come from `count`, the features' rows, a node list and the global node-type file; all given must agree.
    private List<NodeType> BuildNodeTypes()
    {
        var specs = _manifest.NodeTypes;
        for (int i = 0; i < specs.Count; i++)
            if (!_typeIndex.TryAdd(specs[i].Name, i))
                throw _at.Error($"node_types[{i}].name", $"node type '{specs[i].Name}' is defined twice");

        if (_manifest.GlobalIds is { } g)
            _globalFromFile = GlobalIdMap.FromFile(DataFile(g.File, "global_ids.file"), specs.Select(s => s.Name).ToList());

        _counts = new int[specs.Count];
        var result = new List<NodeType>(specs.Count);
        for (int i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            string key = $"node_types[{i}]";
            var sources = new List<(string What, int Count)>();
            if (spec.Count is int c) sources.Add(("count", c));
            NodeFeatures? features = null;
            if (spec.Features is not null)
            {
                features = FeatureFiles.Read(DataFile(spec.Features, key + ".features"), spec.FeatureFormat);
                sources.Add(($"features ({Path.GetFileName(spec.Features)})", features.Rows));
            }
            if (spec.Nodes is not null) sources.Add(($"nodes ({Path.GetFileName(spec.Nodes)})", CountLines(DataFile(spec.Nodes, key + ".nodes"))));
            if (_globalFromFile is not null) sources.Add(($"global_ids ({_globalFromFile.Source})", _globalFromFile.Counts[i]));
            if (sources.Count == 0)
                throw _at.Error(key, $"expected count, features or nodes to give the number of '{spec.Name}' nodes (got none)");
            foreach (var s in sources)
                if (s.Count != sources[0].Count)
                    throw _at.Error(key, $"'{spec.Name}' has {sources[0].Count} nodes by {sources[0].What} but {s.Count} by {s.What}");
            _counts[i] = sources[0].Count;
            result.Add(new NodeType(spec.Name, _counts[i], features));
        }
        return result;
    }

    private static int CountLines(string path)
    {
        using var reader = new LineReader(path);
        int n = 0;
        while (reader.TryReadDataLine(out _)) n++;
        return n;
    }
}
