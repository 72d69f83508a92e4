using GraphMtl.Graphs;

namespace GraphMtl.Data.Manifest;

internal sealed partial class ManifestBuilder
{
    // Local-id files are read one relation at a time. Global-id files are read once per (file, columns) and each line
    // is routed by its endpoints' types to the relation reading that file with those types (flipped if undirected).
    private List<Relation> BuildRelations()
    {
        var specs = _manifest.Relations;
        var paths = new string[specs.Count];
        var types = new EdgeType[specs.Count];
        var seen = new Dictionary<EdgeType, int>();
        for (int i = 0; i < specs.Count; i++)
        {
            var r = specs[i];
            string key = $"relations[{i}]";
            TypeIndex(r.Src, key + ".src");
            TypeIndex(r.Dst, key + ".dst");
            types[i] = new EdgeType(r.Src, r.Name, r.Dst);
            if (!seen.TryAdd(types[i], i))
                throw _at.Error(key + ".name", $"relation {types[i]} is defined twice (also relations[{seen[types[i]]}])");
            paths[i] = DataFile(r.File, key + ".file");
        }

        var result = new Relation?[specs.Count];
        for (int i = 0; i < specs.Count; i++)
        {
            if (specs[i].Ids != IdSpace.Local) continue;
            var (sc, dc) = specs[i].ColumnPair;
            int s = _typeIndex[specs[i].Src], d = _typeIndex[specs[i].Dst];
            var (src, dst) = ReadLocalEdges(paths[i], sc, dc, s, d);
            result[i] = new Relation(types[i], src, dst);
        }

        var groups = Enumerable.Range(0, specs.Count).Where(i => specs[i].Ids == IdSpace.Global)
            .GroupBy(i => (paths[i], specs[i].ColumnPair));
        foreach (var group in groups)
        {
            int[] members = [.. group];
            var edges = ReadGlobalEdges(group.Key.Item1, group.Key.ColumnPair, members);
            for (int k = 0; k < members.Length; k++)
                result[members[k]] = new Relation(types[members[k]], [.. edges[k].Src], [.. edges[k].Dst]);
        }
        return [.. result.Select(r => r!)];
    }

    private (int[] Src, int[] Dst) ReadLocalEdges(string path, int srcColumn, int dstColumn, int srcType, int dstType)
    {
        int srcCount = _counts[srcType], dstCount = _counts[dstType];
        string srcName = _manifest.NodeTypes[srcType].Name, dstName = _manifest.NodeTypes[dstType].Name;
        var src = new List<int>();
        var dst = new List<int>();
        int need = Math.Max(srcColumn, dstColumn) + 1;
        Span<Range> f = stackalloc Range[need + 1];
        using var reader = new LineReader(path);
        while (reader.TryReadDataLine(out var line))
        {
            reader.SplitFields(line, f, need);
            int s = reader.ParseInt(line[f[srcColumn]], $"{srcName} id in column {srcColumn}");
            int d = reader.ParseInt(line[f[dstColumn]], $"{dstName} id in column {dstColumn}");
            if ((uint)s >= (uint)srcCount) throw reader.Error($"{srcName} id {s} in column {srcColumn} is out of range (expected 0..{srcCount - 1})");
            if ((uint)d >= (uint)dstCount) throw reader.Error($"{dstName} id {d} in column {dstColumn} is out of range (expected 0..{dstCount - 1})");
            src.Add(s);
            dst.Add(d);
        }
        return ([.. src], [.. dst]);
    }

    private (List<int> Src, List<int> Dst)[] ReadGlobalEdges(string path, (int Src, int Dst) columns, int[] members)
    {
        var specs = _manifest.Relations;
        var map = Global($"relations[{members[0]}].ids");
        int typeCount = _counts.Length;
        // route[a * T + b] = (member index << 1) | flipped, or −1: where a line with endpoint types (a, b) goes.
        var route = new int[typeCount * typeCount];
        Array.Fill(route, -1);
        void Route(int a, int b, int value, int member)
        {
            int cell = a * typeCount + b;
            if (route[cell] >= 0 && route[cell] != value)
                throw _at.Error($"relations[{members[member]}]",
                    $"lines of {Path.GetFileName(path)} from '{specs[members[member]].Src}' to '{specs[members[member]].Dst}' could go to "
                    + $"relations[{members[route[cell] >> 1]}] or relations[{members[member]}] (expected one relation per pair of endpoint types)");
            route[cell] = value;
        }
        for (int k = 0; k < members.Length; k++)
        {
            var r = specs[members[k]];
            int s = _typeIndex[r.Src], d = _typeIndex[r.Dst];
            Route(s, d, k << 1, k);
        }
        for (int k = 0; k < members.Length; k++)
        {
            var r = specs[members[k]];
            int s = _typeIndex[r.Src], d = _typeIndex[r.Dst];
            if (r.Undirected && s != d && route[d * typeCount + s] < 0) Route(d, s, (k << 1) | 1, k);
        }

        var result = new (List<int> Src, List<int> Dst)[members.Length];
        for (int k = 0; k < members.Length; k++) result[k] = ([], []);
        int need = Math.Max(columns.Src, columns.Dst) + 1;
        Span<Range> f = stackalloc Range[need + 1];
        using var reader = new LineReader(path);
        while (reader.TryReadDataLine(out var line))
        {
            reader.SplitFields(line, f, need);
            int a = reader.ParseInt(line[f[columns.Src]], $"global node id in column {columns.Src}");
            int b = reader.ParseInt(line[f[columns.Dst]], $"global node id in column {columns.Dst}");
            if (!map.TryMap(a, out int ta, out int la)) throw reader.Error($"global node id {a} is out of range (no node type owns it in {map.Source})");
            if (!map.TryMap(b, out int tb, out int lb)) throw reader.Error($"global node id {b} is out of range (no node type owns it in {map.Source})");
            int target = route[ta * typeCount + tb];
            if (target < 0)
                throw reader.Error($"an edge from '{_manifest.NodeTypes[ta].Name}' {a} to '{_manifest.NodeTypes[tb].Name}' {b} matches no relation reading this file "
                    + $"(expected {string.Join(", ", members.Select(m => $"{specs[m].Src}→{specs[m].Dst}{(specs[m].Undirected ? " (undirected)" : "")}"))})");
            var edges = result[target >> 1];
            if ((target & 1) == 0)
            {
                edges.Src.Add(la);
                edges.Dst.Add(lb);
            }
            else
            {
                edges.Src.Add(lb);
                edges.Dst.Add(la);
            }
        }
        return result;
    }
}
