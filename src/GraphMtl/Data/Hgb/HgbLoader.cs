using GraphMtl.Graphs;

namespace GraphMtl.Data.Hgb;

/// <summary>
/// Loads an HGB node-classification folder (Lv et al., "Are we really making much progress? Revisiting, benchmarking,
/// and refining heterogeneous graph neural networks", KDD 2021; format and quirks in hgb-format.md).
/// </summary>
/// <remarks>
/// <para><b>Nodes.</b> With <c>node.dat</c>, every id 0..max must appear once, and each type's ids must be one contiguous
/// range in type order (checked, naming the line). Attributes become dense features; every node of a type has
/// attributes of one dimension or none, and a type without attributes gets no features (the model gives it a
/// learnable embedding or one-hot input). Without <c>node.dat</c> (e.g. the shared <c>hgb-dblp</c> copy), node types
/// and counts are inferred: the types are those named in <c>info.dat</c>; each link type's endpoint types come from
/// <c>info.dat</c>'s link table, so every id seen in <c>link.dat</c> (and every labelled id) has a known type, and type
/// <i>t</i> spans from its smallest id seen (0 for the first type) to the next type's start, the last type ending at
/// its largest id seen. Isolated nodes at the very end of the last type are therefore not counted. When <c>info.dat</c>
/// has no link table, each link type's source and destination id ranges are merged where they overlap and every
/// merged range becomes a type (<c>type0</c>, … or the <c>info.dat</c> names when their number matches). Provide
/// <c>node.dat</c> for exact counts.</para>
/// <para><b>Links.</b> Grouped by link type, in link-type order; a link type's (source, destination) types come from
/// <c>info.dat</c> or its first edge and are verified on every edge; ids become per-type local ids; weights are parsed
/// and dropped. Relations are named from <c>info.dat</c>'s meaning with the endpoint type names removed
/// (<c>paper-cite-paper</c> → <c>cite</c>; <c>author-paper</c> → <c>to</c>), else <c>link0</c>, <c>link1</c>, ….
/// Reverse link types stay as read; <see cref="GraphTransforms.AddReverseRelations"/> recognises them by their edges
/// and adds nothing twice.</para>
/// <para><b>Labels.</b> <c>label.dat</c> and <see cref="HgbOptions.TestFile"/> (4 TAB-separated fields, CRLF and empty
/// names allowed); all rows must be of one node type, the task's. The class count is max id + 1 over both files; the
/// task is multi-label when any row has several comma-separated ids or when configured. The split follows
/// <see cref="HgbOptions"/>. <c>meta.dat</c> is not read (it is unreliable).</para>
/// </remarks>
public static class HgbLoader
{
    /// <summary>The file that marks a folder as an HGB dataset.</summary>
    public const string LinkFileName = "link.dat";

    /// <summary>True when <paramref name="folder"/> holds a <c>link.dat</c>.</summary>
    public static bool IsHgbFolder(string folder) => File.Exists(Path.Combine(folder, LinkFileName));

    /// <summary>Loads the folder as a graph named <paramref name="name"/> (default: the folder name).</summary>
    public static HeteroGraph Load(string folder, HgbOptions? options = null, string? name = null)
    {
        options ??= new HgbOptions();
        folder = Path.GetFullPath(folder);
        string linkPath = Path.Combine(folder, LinkFileName);
        if (!File.Exists(linkPath)) throw new DataFormatException(linkPath, 0, "file not found (an HGB folder needs link.dat)");
        var info = HgbInfo.Read(Path.Combine(folder, "info.dat"));
        var links = ReadLinks(linkPath);

        string trainPath = Path.Combine(folder, "label.dat");
        string testPath = Path.Combine(folder, options.TestFile);
        // Without label.dat the folder has no task (e.g. HGB's link-prediction sets); with it, the test file is required.
        var labelFiles = new List<LabelFile>();
        if (File.Exists(trainPath))
        {
            labelFiles.Add(ReadLabels(trainPath));
            labelFiles.Add(ReadLabels(testPath));
        }

        string nodePath = Path.Combine(folder, "node.dat");
        var layout = File.Exists(nodePath) ? ReadNodes(nodePath, info) : InferLayout(links, labelFiles, info);
        var relations = BuildRelations(links, layout, info);
        var tasks = labelFiles.Count == 0 ? [] : new[] { BuildTask(labelFiles, layout, info, options) };
        var nodeTypes = new NodeType[layout.TypeCount];
        for (int t = 0; t < nodeTypes.Length; t++) nodeTypes[t] = new NodeType(layout.Names[t], layout.Count(t), layout.Features[t]);
        return new HeteroGraph(name ?? Path.GetFileName(folder), nodeTypes, relations, tasks);
    }

    // ---- link.dat ----------------------------------------------------------------------------------------------

    private sealed class LinkTable
    {
        public required string Path { get; init; }
        public List<int> Src { get; } = [];
        public List<int> Dst { get; } = [];
        public List<int> Type { get; } = [];
        public List<int> Line { get; } = [];
    }

    private static LinkTable ReadLinks(string path)
    {
        var table = new LinkTable { Path = path };
        using var reader = new LineReader(path);
        Span<Range> f = stackalloc Range[5];
        while (reader.TryReadDataLine(out var line))
        {
            int n = reader.SplitFields(line, f, 3, 4);
            int src = reader.ParseInt(line[f[0]], "source node id");
            int dst = reader.ParseInt(line[f[1]], "destination node id");
            int type = reader.ParseInt(line[f[2]], "link type");
            if (src < 0 || dst < 0) throw reader.Error($"expected non-negative node ids (got {src} and {dst})");
            if (type < 0) throw reader.Error($"expected a non-negative link type (got {type})");
            if (n == 4 && line[f[3]].Trim().Length > 0) reader.ParseFloat(line[f[3]], "link weight");
            table.Src.Add(src);
            table.Dst.Add(dst);
            table.Type.Add(type);
            table.Line.Add(reader.LineNumber);
        }
        return table;
    }

    // ---- node layout -------------------------------------------------------------------------------------------

    private sealed class Layout(int[] start, string[] names, NodeFeatures?[] features)
    {
        public int[] Start { get; } = start;             // [T + 1]: type t owns ids Start[t]..Start[t+1]-1
        public string[] Names { get; } = names;
        public NodeFeatures?[] Features { get; } = features;
        public int TypeCount => Names.Length;
        public int Count(int t) => Start[t + 1] - Start[t];
        public int Total => Start[^1];

        /// <summary>The type owning global id <paramref name="id"/>, or −1 when out of range.</summary>
        public int TypeOf(int id)
        {
            if ((uint)id >= (uint)Total) return -1;
            int lo = 0, hi = TypeCount - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) >> 1;
                if (Start[mid] <= id) lo = mid; else hi = mid - 1;
            }
            return lo;
        }
    }

    private static Layout ReadNodes(string path, HgbInfo info)
    {
        var ids = new List<int>();
        var types = new List<int>();
        var lines = new List<int>();
        var attrStart = new List<long>();
        var attrLength = new List<int>();
        var values = new List<float>();
        using (var reader = new LineReader(path))
        {
            Span<Range> f = stackalloc Range[5];
            while (reader.TryReadDataLine(out var line))
            {
                int n = reader.SplitFields(line, f, 3, 4);
                int id = reader.ParseInt(line[f[0]], "node id");
                int type = reader.ParseInt(line[f[2]], "node type");
                if (id < 0) throw reader.Error($"expected a non-negative node id (got {id})");
                if (type < 0) throw reader.Error($"expected a non-negative node type (got {type})");
                ids.Add(id);
                types.Add(type);
                lines.Add(reader.LineNumber);
                attrStart.Add(values.Count);
                int before = values.Count;
                if (n == 4 && line[f[3]].Trim().Length > 0) ParseAttributes(line[f[3]], values, reader);
                attrLength.Add(values.Count - before);
            }
        }
        if (ids.Count == 0) throw new DataFormatException(path, 0, "expected at least one node (got an empty file)");

        int maxId = 0;
        foreach (int id in ids) maxId = Math.Max(maxId, id);
        var row = new int[maxId + 1];
        Array.Fill(row, -1);
        for (int i = 0; i < ids.Count; i++)
        {
            if (row[ids[i]] >= 0)
                throw new DataFormatException(path, lines[i], $"node {ids[i]} is defined twice (first at line {lines[row[ids[i]]]})");
            row[ids[i]] = i;
        }
        for (int id = 0; id <= maxId; id++)
            if (row[id] < 0)
                throw new DataFormatException(path, 0, $"node id {id} is missing (expected every id from 0 to {maxId})");

        int typeCount = Math.Max(types.Max() + 1, info.NodeTypes.Count == 0 ? 0 : info.NodeTypes.Keys.Max() + 1);
        var start = new int[typeCount + 1];
        int current = types[row[0]];
        for (int t = 0; t <= current; t++) start[t] = 0;
        for (int id = 1; id <= maxId; id++)
        {
            int t = types[row[id]];
            if (t == current) continue;
            if (t < current)
                throw new DataFormatException(path, lines[row[id]],
                    $"node {id} has type {t} after ids of type {current} (expected each type's ids to be one contiguous range, in type order)");
            for (int u = current + 1; u <= t; u++) start[u] = id;
            current = t;
        }
        for (int u = current + 1; u <= typeCount; u++) start[u] = maxId + 1;

        var names = TypeNames(typeCount, info);
        var features = new NodeFeatures?[typeCount];
        for (int t = 0; t < typeCount; t++)
        {
            int count = start[t + 1] - start[t];
            if (count == 0) continue;
            int first = row[start[t]];
            int dim = attrLength[first];
            for (int id = start[t]; id < start[t + 1]; id++)
            {
                int i = row[id];
                if (attrLength[i] != dim)
                    throw new DataFormatException(path, lines[i],
                        $"expected {dim} attributes like the first '{names[t]}' node (line {lines[first]}) (got {attrLength[i]})");
            }
            if (dim == 0) continue;
            var matrix = new float[(long)count * dim];
            var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
            for (int id = start[t]; id < start[t + 1]; id++)
            {
                int i = row[id];
                all.Slice((int)attrStart[i], dim).CopyTo(matrix.AsSpan((id - start[t]) * dim, dim));
            }
            features[t] = new DenseFeatures(count, dim, matrix);
        }
        return new Layout(start, names, features);
    }

    private static void ParseAttributes(ReadOnlySpan<char> text, List<float> values, LineReader reader)
    {
        while (true)
        {
            int comma = text.IndexOf(',');
            var item = comma < 0 ? text : text[..comma];
            values.Add(reader.ParseFloat(item, "attribute"));
            if (comma < 0) return;
            text = text[(comma + 1)..];
        }
    }

    private static Layout InferLayout(LinkTable links, List<LabelFile> labels, HgbInfo info)
    {
        int linkTypeCount = 0;
        foreach (int l in links.Type) linkTypeCount = Math.Max(linkTypeCount, l + 1);
        var present = new bool[linkTypeCount];
        foreach (int l in links.Type) present[l] = true;
        bool fromInfo = linkTypeCount > 0;
        for (int l = 0; l < linkTypeCount && fromInfo; l++)
            fromInfo = !present[l] || info.LinkTypes.TryGetValue(l, out var lt) && lt.Start is not null && lt.End is not null;
        return fromInfo ? InferFromInfo(links, labels, info, linkTypeCount) : InferFromRanges(links, labels, info, linkTypeCount);
    }

    // Every id seen gets the type info.dat gives its link type's endpoint; each type spans from its smallest id.
    private static Layout InferFromInfo(LinkTable links, List<LabelFile> labels, HgbInfo info, int linkTypeCount)
    {
        int typeCount = info.NodeTypes.Count == 0 ? 0 : info.NodeTypes.Keys.Max() + 1;
        foreach (var (_, lt) in info.LinkTypes) typeCount = Math.Max(typeCount, Math.Max(lt.Start ?? 0, lt.End ?? 0) + 1);
        foreach (var file in labels)
            foreach (var r in file.Rows)
                typeCount = Math.Max(typeCount, r.Type + 1);
        var min = new int[typeCount];
        var max = new int[typeCount];
        var minAt = new (string File, int Line)[typeCount];
        var maxAt = new (string File, int Line)[typeCount];
        Array.Fill(min, int.MaxValue);
        Array.Fill(max, -1);
        void See(int t, int id, string file, int line)
        {
            if (id < min[t]) { min[t] = id; minAt[t] = (file, line); }
            if (id > max[t]) { max[t] = id; maxAt[t] = (file, line); }
        }
        var ends = new (int Start, int End)[linkTypeCount];
        for (int l = 0; l < linkTypeCount; l++)
            if (info.LinkTypes.TryGetValue(l, out var lt)) ends[l] = (lt.Start!.Value, lt.End!.Value);
        for (int e = 0; e < links.Src.Count; e++)
        {
            var (s, d) = ends[links.Type[e]];
            See(s, links.Src[e], links.Path, links.Line[e]);
            See(d, links.Dst[e], links.Path, links.Line[e]);
        }
        foreach (var file in labels)
            foreach (var r in file.Rows)
                See(r.Type, r.Id, file.Path, r.Line);

        var names = TypeNames(typeCount, info);
        var start = new int[typeCount + 1];
        for (int t = 0; t < typeCount; t++)
        {
            if (max[t] < 0)
                throw new DataFormatException(links.Path, 0,
                    $"cannot infer the size of node type {t} ('{names[t]}'): no link or label mentions it (provide node.dat)");
            start[t] = t == 0 ? 0 : min[t];
            if (t > 0 && min[t] <= max[t - 1])
            {
                var (file, line) = maxAt[t - 1];
                throw new DataFormatException(file, line,
                    $"node {max[t - 1]} is used as type {t - 1} ('{names[t - 1]}') but type {t} ('{names[t]}') starts at id {min[t]} "
                    + $"({minAt[t].File}:{minAt[t].Line}) (expected each type's ids to be one contiguous range, in type order)");
            }
        }
        start[typeCount] = max[typeCount - 1] + 1;
        return new Layout(start, names, new NodeFeatures?[typeCount]);
    }

    // No endpoint types anywhere: merge overlapping id ranges of link endpoints; each merged range is a type.
    private static Layout InferFromRanges(LinkTable links, List<LabelFile> labels, HgbInfo info, int linkTypeCount)
    {
        var ranges = new List<(int Lo, int Hi)>();
        var lo = new int[linkTypeCount * 2];
        var hi = new int[linkTypeCount * 2];
        Array.Fill(lo, int.MaxValue);
        Array.Fill(hi, -1);
        for (int e = 0; e < links.Src.Count; e++)
        {
            int l = links.Type[e];
            lo[2 * l] = Math.Min(lo[2 * l], links.Src[e]);
            hi[2 * l] = Math.Max(hi[2 * l], links.Src[e]);
            lo[2 * l + 1] = Math.Min(lo[2 * l + 1], links.Dst[e]);
            hi[2 * l + 1] = Math.Max(hi[2 * l + 1], links.Dst[e]);
        }
        for (int i = 0; i < lo.Length; i++)
            if (hi[i] >= 0) ranges.Add((lo[i], hi[i]));
        if (ranges.Count == 0) throw new DataFormatException(links.Path, 0, "expected at least one link (got an empty file)");
        ranges.Sort();
        var merged = new List<(int Lo, int Hi)> { ranges[0] };
        foreach (var r in ranges.Skip(1))
        {
            if (r.Lo <= merged[^1].Hi) merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, r.Hi));
            else merged.Add(r);
        }
        int typeCount = merged.Count;
        var start = new int[typeCount + 1];
        for (int t = 1; t < typeCount; t++) start[t] = merged[t].Lo;
        int last = merged[^1].Hi;
        foreach (var file in labels)
            foreach (var r in file.Rows)
                last = Math.Max(last, r.Id);
        start[typeCount] = last + 1;
        var names = info.NodeTypes.Count == typeCount ? TypeNames(typeCount, info) : TypeNames(typeCount, new HgbInfo());
        return new Layout(start, names, new NodeFeatures?[typeCount]);
    }

    private static string[] TypeNames(int typeCount, HgbInfo info)
    {
        var names = new string[typeCount];
        var used = new HashSet<string>();
        for (int t = 0; t < typeCount; t++)
        {
            string name = info.NodeTypes.TryGetValue(t, out var n) ? Sanitize(n) : "";
            if (name.Length == 0 || !used.Add(name))
            {
                name = $"type{t}";
                used.Add(name);
            }
            names[t] = name;
        }
        return names;
    }

    /// <summary>Lower-case letters, digits and single underscores: <c>Data Mining</c> → <c>data_mining</c>.</summary>
    internal static string Sanitize(string text) => string.Join('_', Tokens(text));

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }

    // ---- relations ---------------------------------------------------------------------------------------------

    private static List<Relation> BuildRelations(LinkTable links, Layout layout, HgbInfo info)
    {
        int linkTypeCount = 0;
        foreach (int l in links.Type) linkTypeCount = Math.Max(linkTypeCount, l + 1);
        var ends = new (int Src, int Dst, string Why)[linkTypeCount];
        var counts = new int[linkTypeCount];
        Array.Fill(ends, (-1, -1, ""));
        for (int l = 0; l < linkTypeCount; l++)
            if (info.LinkTypes.TryGetValue(l, out var lt) && lt.Start is int s && lt.End is int d && s < layout.TypeCount && d < layout.TypeCount)
                ends[l] = (s, d, "from info.dat");

        for (int e = 0; e < links.Src.Count; e++)
        {
            int l = links.Type[e];
            int ts = layout.TypeOf(links.Src[e]);
            int td = layout.TypeOf(links.Dst[e]);
            if (ts < 0 || td < 0)
                throw new DataFormatException(links.Path, links.Line[e],
                    $"node id {(ts < 0 ? links.Src[e] : links.Dst[e])} is out of range (expected 0..{layout.Total - 1})");
            if (ends[l].Src < 0) ends[l] = (ts, td, $"from its first edge, line {links.Line[e]}");
            else if (ends[l].Src != ts || ends[l].Dst != td)
                throw new DataFormatException(links.Path, links.Line[e],
                    $"link type {l} goes from '{layout.Names[ends[l].Src]}' to '{layout.Names[ends[l].Dst]}' ({ends[l].Why}) "
                    + $"but this edge goes from '{layout.Names[ts]}' to '{layout.Names[td]}'");
            counts[l]++;
        }

        var src = new int[linkTypeCount][];
        var dst = new int[linkTypeCount][];
        for (int l = 0; l < linkTypeCount; l++)
        {
            src[l] = new int[counts[l]];
            dst[l] = new int[counts[l]];
        }
        var fill = new int[linkTypeCount];
        for (int e = 0; e < links.Src.Count; e++)
        {
            int l = links.Type[e];
            int k = fill[l]++;
            src[l][k] = links.Src[e] - layout.Start[ends[l].Src];
            dst[l][k] = links.Dst[e] - layout.Start[ends[l].Dst];
        }

        var relations = new List<Relation>();
        var used = new HashSet<EdgeType>();
        for (int l = 0; l < linkTypeCount; l++)
        {
            if (counts[l] == 0) continue;
            string s = layout.Names[ends[l].Src], d = layout.Names[ends[l].Dst];
            var type = new EdgeType(s, RelationName(l, s, d, info), d);
            if (!used.Add(type))
            {
                type = type with { Rel = $"link{l}" };
                used.Add(type);
            }
            relations.Add(new Relation(type, src[l], dst[l]));
        }
        return relations;
    }

    private static string RelationName(int linkType, string src, string dst, HgbInfo info)
    {
        if (!info.LinkTypes.TryGetValue(linkType, out var lt) || string.IsNullOrWhiteSpace(lt.Meaning)) return $"link{linkType}";
        var tokens = Tokens(lt.Meaning);
        string joinedSrc = string.Join('_', Tokens(src)), joinedDst = string.Join('_', Tokens(dst));
        if (tokens.Count > 0 && tokens[0] == joinedSrc) tokens.RemoveAt(0);
        if (tokens.Count > 0 && tokens[^1] == joinedDst) tokens.RemoveAt(tokens.Count - 1);
        return tokens.Count == 0 ? "to" : string.Join('_', tokens);
    }

    // ---- labels ------------------------------------------------------------------------------------------------

    private sealed record LabelRow(int Id, int Type, int[] Labels, int Line);

    private sealed record LabelFile(string Path, List<LabelRow> Rows);

    private static LabelFile ReadLabels(string path)
    {
        var rows = new List<LabelRow>();
        using var reader = new LineReader(path);
        Span<Range> f = stackalloc Range[5];
        var ids = new List<int>();
        while (reader.TryReadDataLine(out var line))
        {
            reader.SplitFields(line, f, 4, 4);
            int id = reader.ParseInt(line[f[0]], "node id");
            int type = reader.ParseInt(line[f[2]], "node type");
            if (id < 0) throw reader.Error($"expected a non-negative node id (got {id})");
            if (type < 0) throw reader.Error($"expected a non-negative node type (got {type})");
            ids.Clear();
            var text = line[f[3]];
            while (true)
            {
                int comma = text.IndexOf(',');
                int label = reader.ParseInt(comma < 0 ? text : text[..comma], "class id");
                if (label < 0) throw reader.Error($"expected a non-negative class id (got {label})");
                ids.Add(label);
                if (comma < 0) break;
                text = text[(comma + 1)..];
            }
            rows.Add(new LabelRow(id, type, [.. ids], reader.LineNumber));
        }
        return new LabelFile(path, rows);
    }

    private static NodeTask BuildTask(List<LabelFile> files, Layout layout, HgbInfo info, HgbOptions options)
    {
        var firstFile = files.FirstOrDefault(f => f.Rows.Count > 0)
            ?? throw new DataFormatException(files[0].Path, 0, "expected at least one labelled node (got an empty file)");
        int target = firstFile.Rows[0].Type;
        bool multi = options.Multilabel ?? files.Any(f => f.Rows.Any(r => r.Labels.Length > 1));
        int classes = 0;
        foreach (var file in files)
            foreach (var r in file.Rows)
            {
                if (r.Type != target)
                    throw new DataFormatException(file.Path, r.Line,
                        $"expected node type {target} like {Path.GetFileName(firstFile.Path)}:{firstFile.Rows[0].Line} (got {r.Type}); labels must be of one node type");
                if (target >= layout.TypeCount)
                    throw new DataFormatException(file.Path, r.Line, $"node type {target} does not exist (expected 0..{layout.TypeCount - 1})");
                if (layout.TypeOf(r.Id) != target)
                    throw new DataFormatException(file.Path, r.Line,
                        $"node {r.Id} is not a '{layout.Names[target]}' (expected an id in {layout.Start[target]}..{layout.Start[target + 1] - 1})");
                if (!multi && r.Labels.Length > 1)
                    throw new DataFormatException(file.Path, r.Line, $"expected one class id (got {r.Labels.Length}); the task is configured as single-label");
                foreach (int c in r.Labels) classes = Math.Max(classes, c + 1);
            }

        int count = layout.Count(target);
        int offset = layout.Start[target];
        var labelled = new bool[count];
        var labels = new int[multi ? count * classes : count];
        var firstSeen = new (string File, int Line)[count];
        var parts = new List<int>[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            parts[i] = [];
            foreach (var r in files[i].Rows)
            {
                int local = r.Id - offset;
                if (labelled[local])
                    throw new DataFormatException(files[i].Path, r.Line,
                        $"node {r.Id} is labelled twice (first at {Path.GetFileName(firstSeen[local].File)}:{firstSeen[local].Line})");
                labelled[local] = true;
                firstSeen[local] = (files[i].Path, r.Line);
                if (multi)
                    foreach (int c in r.Labels) labels[local * classes + c] = 1;
                else
                    labels[local] = r.Labels[0];
                parts[i].Add(local);
            }
        }

        int[] pool = [.. parts[0]], test = [.. parts[1]];
        new SeededRandom(options.SplitSeed).Shuffle(pool.AsSpan());
        int nVal = (int)Math.Floor(options.ValFraction * pool.Length + 1e-9);
        int[] val = pool[..nVal], train = pool[nVal..];
        Array.Sort(train);
        Array.Sort(val);
        Array.Sort(test);

        IReadOnlyList<string>? classNames = null;
        if (info.ClassNames.TryGetValue(target, out var names) && Enumerable.Range(0, classes).All(names.ContainsKey))
            classNames = Enumerable.Range(0, classes).Select(c => names[c]).ToList();
        return new NodeTask(options.TaskName ?? layout.Names[target], layout.Names[target],
            multi ? TaskKind.MultiLabel : TaskKind.MultiClass, classes, labels, labelled, new NodeSplit(train, val, test), classNames);
    }
}
