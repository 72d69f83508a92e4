using GraphMtl.Graphs;

namespace GraphMtl.Data.Manifest;

internal sealed partial class ManifestBuilder
{
    private List<NodeTask> BuildTasks(List<NodeType> nodeTypes, List<Relation> relations)
    {
        var result = new List<NodeTask>();
        var names = new HashSet<string>();
        for (int i = 0; i < _manifest.Tasks.Count; i++)
        {
            var task = _manifest.Tasks[i];
            string key = $"tasks[{i}]";
            if (!names.Add(task.Name)) throw _at.Error(key + ".name", $"task '{task.Name}' is defined twice");
            int type = TypeIndex(task.NodeType, key + ".node_type");
            IReadOnlyList<string>? classNames = task.ClassNames;
            LabelArrays labels;
            if (task.Labels.FromRelation is not null) labels = DeriveLabels(task, key, relations);
            else if (task.Labels.FromFeatures is not null) (labels, classNames) = LabelsFromFeatures(task, key, type, nodeTypes);
            else labels = ReadLabels(task, key, type);
            var split = BuildSplit(task, key, type, labels.Labelled);
            result.Add(new NodeTask(task.Name, task.NodeType, task.Kind, labels.NumClasses, labels.Values, labels.Labelled, split, classNames));
        }
        return result;
    }

    private sealed record LabelArrays(int NumClasses, int[] Values, bool[] Labelled);

    /// <summary>Collects labels per node; a node labelled twice must get the same label.</summary>
    private sealed class LabelSink(ManifestTask task, int count, string typeName)
    {
        private readonly int[] _single = CreateSingle(count);
        private readonly int[]?[] _multi = task.Kind == TaskKind.MultiLabel ? new int[]?[count] : [];
        private readonly (string File, int Line)[] _where = new (string, int)[count];
        private readonly List<int> _buffer = [];
        private readonly int? _limit = task.NumClasses ?? task.ClassNames?.Count ?? (task.Kind == TaskKind.Binary ? 2 : null);
        private int _max = -1;

        private static int[] CreateSingle(int count)
        {
            var a = new int[count];
            Array.Fill(a, -1);
            return a;
        }

        public void Set(int node, ReadOnlySpan<char> field, LineReader reader)
        {
            var text = field.Trim();
            if (text.Length == 0 || text is "-1") return;
            _buffer.Clear();
            while (true)
            {
                int comma = text.IndexOf(',');
                int c = reader.ParseInt(comma < 0 ? text : text[..comma], "class id");
                if (c < 0) throw reader.Error($"expected a class id ≥ 0, or -1 for a missing label (got {c})");
                if (_limit is int limit && c >= limit)
                    throw reader.Error($"class id {c} is out of range (expected 0..{limit - 1} for task '{task.Name}')");
                _buffer.Add(c);
                if (comma < 0) break;
                text = text[(comma + 1)..];
            }
            if (task.Kind != TaskKind.MultiLabel && _buffer.Count > 1)
                throw reader.Error($"expected one class id for {task.Kind.ToString().ToLowerInvariant()} task '{task.Name}' (got {_buffer.Count}); use kind: multilabel");
            _buffer.Sort();
            int[] labels = [.. _buffer];
            bool known = task.Kind == TaskKind.MultiLabel ? _multi[node] is not null : _single[node] >= 0;
            if (known)
            {
                bool same = task.Kind == TaskKind.MultiLabel ? _multi[node]!.AsSpan().SequenceEqual(labels) : _single[node] == labels[0];
                if (!same)
                    throw reader.Error($"{typeName} {node} is labelled twice with different labels (first at {_where[node].File}:{_where[node].Line})");
                return;
            }
            _where[node] = (Path.GetFileName(reader.Path), reader.LineNumber);
            if (task.Kind == TaskKind.MultiLabel) _multi[node] = labels;
            else _single[node] = labels[0];
            _max = Math.Max(_max, labels[^1]);
        }

        public void SetDerived(int node, int label) // from a relation; checks are the caller's
        {
            if (task.Kind == TaskKind.MultiLabel)
                _multi[node] = _multi[node] is { } old ? (old.Contains(label) ? old : [.. old, label]) : [label];
            else _single[node] = label;
            _max = Math.Max(_max, label);
        }

        public bool IsLabelled(int node) => task.Kind == TaskKind.MultiLabel ? _multi[node] is not null : _single[node] >= 0;

        public LabelArrays ToArrays(int? classesIfUnknown = null)
        {
            int classes = _limit ?? classesIfUnknown ?? _max + 1;
            var labelled = new bool[count];
            int[] values;
            if (task.Kind == TaskKind.MultiLabel)
            {
                values = new int[count * classes];
                for (int i = 0; i < count; i++)
                {
                    if (_multi[i] is not { } set) continue;
                    labelled[i] = true;
                    foreach (int c in set) values[i * classes + c] = 1;
                }
            }
            else
            {
                values = new int[count];
                for (int i = 0; i < count; i++)
                {
                    labelled[i] = _single[i] >= 0;
                    values[i] = Math.Max(0, _single[i]);
                }
            }
            return new LabelArrays(classes, values, labelled);
        }
    }

    private LabelArrays ReadLabels(ManifestTask task, string key, int type)
    {
        int count = _counts[type];
        var sink = new LabelSink(task, count, task.NodeType);
        var files = task.Labels.File!;
        for (int k = 0; k < files.Count; k++)
        {
            string fileKey = files.Count == 1 ? key + ".labels.file" : $"{key}.labels.file[{k}]";
            ReadLabelFile(DataFile(files[k], fileKey), task, key, type, sink);
        }
        var arrays = sink.ToArrays();
        if (!arrays.Labelled.Contains(true)) throw _at.Error(key + ".labels", $"no '{task.NodeType}' node has a label for task '{task.Name}'");
        return arrays;
    }

    private void ReadLabelFile(string path, ManifestTask task, string key, int type, LabelSink sink)
    {
        int count = _counts[type];
        string typeName = task.NodeType;
        var format = task.Labels.Format;
        var map = task.Labels.Ids == IdSpace.Global ? Global(key + ".labels.ids") : null;
        int index = 0;
        Span<Range> f = stackalloc Range[5];
        using var reader = new LineReader(path);
        while (reader.TryReadLine(out var line))
        {
            var trimmed = line.TrimStart();
            if (trimmed.Length > 0 && trimmed[0] == '#') continue;
            if (format == LabelFormat.Auto)
            {
                int fields = line.Count('\t') + 1;
                format = fields switch
                {
                    1 => LabelFormat.List,
                    2 => LabelFormat.Pairs,
                    4 => LabelFormat.Hgb,
                    _ => throw reader.Error($"expected 1 (one label per node), 2 (id, label) or 4 (HGB) tab-separated fields (got {fields})"),
                };
            }
            if (format == LabelFormat.List)
            {
                if (index >= count) throw reader.Error($"expected {count} lines, one per '{typeName}' node (got more)");
                sink.Set(index++, line, reader);
                continue;
            }
            if (trimmed.Length == 0) continue;
            int width = format == LabelFormat.Pairs ? 2 : 4;
            reader.SplitFields(line, f, width, width);
            int node = NodeId(reader, line[f[0]], map, type, count, typeName);
            sink.Set(node, line[f[width - 1]], reader);
        }
        if (format == LabelFormat.List && index != count)
            throw new DataFormatException(path, 0, $"expected {count} lines, one per '{typeName}' node (got {index})");
    }

    /// <summary>Parses a node id field in local or global numbering and checks it is a node of <paramref name="type"/>.</summary>
    private int NodeId(LineReader reader, ReadOnlySpan<char> field, GlobalIdMap? map, int type, int count, string typeName)
    {
        int id = reader.ParseInt(field, $"{typeName} id");
        if (map is null)
        {
            if ((uint)id >= (uint)count) throw reader.Error($"{typeName} id {id} is out of range (expected 0..{count - 1})");
            return id;
        }
        if (!map.TryMap(id, out int t, out int local)) throw reader.Error($"global node id {id} is out of range (no node type owns it in {map.Source})");
        if (t != type) throw reader.Error($"global node id {id} is a '{_manifest.NodeTypes[t].Name}' (expected a '{typeName}')");
        return local;
    }

    private LabelArrays DeriveLabels(ManifestTask task, string key, List<Relation> relations)
    {
        string name = task.Labels.FromRelation!;
        string relKey = key + ".labels.from_relation";
        var matches = Enumerable.Range(0, relations.Count)
            .Where(i => relations[i].Type.Rel == name || relations[i].Type.ToString() == name).ToList();
        if (matches.Count == 0)
            throw _at.Error(relKey, $"unknown relation '{name}' (expected one of: {string.Join(", ", relations.Select(r => r.Type))})");
        if (matches.Count > 1)
            throw _at.Error(relKey, $"relation name '{name}' is ambiguous (matches {string.Join(", ", matches.Select(i => relations[i].Type))}); use src__name__dst");
        var relation = relations[matches[0]];
        if (relation.Type.Src != task.NodeType)
            throw _at.Error(relKey, $"relation {relation.Type} starts at '{relation.Type.Src}' (expected the task's node type '{task.NodeType}')");

        int count = _counts[_typeIndex[task.NodeType]];
        int classes = task.NumClasses ?? task.ClassNames?.Count ?? (task.Kind == TaskKind.Binary ? 2 : _counts[_typeIndex[relation.Type.Dst]]);
        var sink = new LabelSink(task, count, task.NodeType);
        for (int e = 0; e < relation.EdgeCount; e++)
        {
            int s = relation.Src[e], d = relation.Dst[e];
            if (d >= classes)
                throw _at.Error(relKey, $"'{relation.Type.Dst}' {d} is beyond the task's {classes} classes (edge {e} of {relation.Type})");
            if (task.Kind != TaskKind.MultiLabel && sink.IsLabelled(s))
            {
                if (task.Labels.Multiple == MultipleEdges.First) continue;
                throw _at.Error(relKey, $"'{task.NodeType}' {s} has several edges in {relation.Type} (expected one; set multiple: first to use the first)");
            }
            sink.SetDerived(s, d);
        }
        var arrays = sink.ToArrays(classes);
        if (!arrays.Labelled.Contains(true)) throw _at.Error(relKey, $"relation {relation.Type} has no edges, so no node gets a label");
        return arrays;
    }

    private static readonly string[] PartNames = ["train", "val", "test"];

    private NodeSplit BuildSplit(ManifestTask task, string key, int type, bool[] labelled)
    {
        var spec = task.Split;
        key += ".split";
        int count = labelled.Length;
        if (spec.Fraction is { } fraction)
        {
            var pool = Enumerable.Range(0, count).Where(i => labelled[i]).ToArray();
            new SeededRandom(spec.Seed).Shuffle(pool.AsSpan());
            int n = pool.Length;
            int c1 = Cut(fraction[0], n), c2 = Cut(fraction[0] + fraction[1], n), c3 = Math.Min(n, Cut(fraction[0] + fraction[1] + fraction[2], n));
            c2 = Math.Max(c1, c2);
            c3 = Math.Max(c2, c3);
            var parts = new[] { pool[..c1], pool[c1..c2], pool[c2..c3] };
            foreach (var p in parts) Array.Sort(p);
            if (parts[0].Length == 0) throw _at.Error(key + ".fraction", $"the train share of {n} labelled nodes is empty");
            return new NodeSplit(parts[0], parts[1], parts[2]);
        }

        var owner = new sbyte[count];
        Array.Fill(owner, (sbyte)-1);
        var line = new int[count];
        var values = new[] { spec.Train, spec.Val, spec.Test };
        var files = new string?[3];
        var result = new int[3][];
        for (int p = 0; p < 3; p++)
        {
            if (values[p] is null || values[p] == ManifestSplit.Rest) continue;
            files[p] = DataFile(values[p]!, $"{key}.{PartNames[p]}");
            result[p] = ReadSplitFile(files[p]!, spec.Ids, type, p, owner, line, files, labelled, task, key);
        }
        for (int p = 0; p < 3; p++)
        {
            if (values[p] is null) result[p] = [];
            else if (values[p] == ManifestSplit.Rest)
            {
                result[p] = Enumerable.Range(0, count).Where(i => labelled[i] && owner[i] < 0).ToArray();
                if (result[p].Length == 0)
                    throw _at.Error($"{key}.{PartNames[p]}", $"'{ManifestSplit.Rest}' is empty: every labelled '{task.NodeType}' node is already in another part");
            }
        }
        if (spec.ValFraction is double vf)
        {
            var pool = result[0].ToArray();
            new SeededRandom(spec.Seed).Shuffle(pool.AsSpan());
            int nVal = Cut(vf, pool.Length);
            result[1] = pool[..nVal];
            result[0] = pool[nVal..];
            Array.Sort(result[0]);
            Array.Sort(result[1]);
        }
        if (result[0].Length == 0) throw _at.Error($"{key}.train", $"the train part of task '{task.Name}' is empty");
        return new NodeSplit(result[0], result[1], result[2]);
    }

    // ⌊f·n⌋, robust to f·n landing a hair below an integer (0.6 + 0.2 is 0.8000000000000002, 0.7 · 10 is 6.999…).
    private static int Cut(double fraction, int n) => (int)Math.Floor(fraction * n + 1e-9);

    private int[] ReadSplitFile(string path, IdSpace ids, int type, int part, sbyte[] owner, int[] lineOf, string?[] files,
        bool[] labelled, ManifestTask task, string key)
    {
        var map = ids == IdSpace.Global ? Global(key + ".ids") : null;
        int count = labelled.Length;
        var result = new List<int>();
        using var reader = new LineReader(path);
        while (reader.TryReadDataLine(out var line))
        {
            int tab = line.IndexOf('\t');
            int node = NodeId(reader, tab < 0 ? line : line[..tab], map, type, count, task.NodeType);
            if (!labelled[node]) throw reader.Error($"{task.NodeType} {node} has no label for task '{task.Name}'");
            if (owner[node] >= 0)
                throw reader.Error($"{task.NodeType} {node} is already in the {PartNames[owner[node]]} part ({Path.GetFileName(files[owner[node]])}:{lineOf[node]})");
            owner[node] = (sbyte)part;
            lineOf[node] = reader.LineNumber;
            result.Add(node);
        }
        if (result.Count == 0) throw new DataFormatException(path, 0, $"expected at least one node id for the {PartNames[part]} part (got an empty file)");
        return [.. result];
    }
}
