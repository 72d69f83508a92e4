namespace GraphMtl.Data.Manifest;

/// <summary>
/// Maps global node ids to (node type index, local id): from a node-type file (one type per line; local ids follow
/// the global order within each type) or from per-type ranges (offset, count).
/// </summary>
internal sealed class GlobalIdMap
{
    private readonly int[]? _type;     // [total] type per global id (file form)
    private readonly int[]? _local;    // [total] local id per global id (file form)
    private readonly int[]? _offset;   // [T] first global id per type (range form)
    private readonly int[] _count;     // [T]

    /// <summary>Number of nodes per type.</summary>
    public IReadOnlyList<int> Counts => _count;

    /// <summary>A short description for messages ("node_types.txt" or "the node types' id ranges").</summary>
    public string Source { get; }

    private GlobalIdMap(int[]? type, int[]? local, int[]? offset, int[] count, string source)
    {
        _type = type;
        _local = local;
        _offset = offset;
        _count = count;
        Source = source;
    }

    /// <summary>
    /// Reads a node-type file: each data line holds a type index (into <paramref name="typeNames"/>) or a type name.
    /// </summary>
    public static GlobalIdMap FromFile(string path, IReadOnlyList<string> typeNames)
    {
        var byName = new Dictionary<string, int>();
        for (int i = 0; i < typeNames.Count; i++) byName[typeNames[i]] = i;
        var types = new List<int>();
        using (var reader = new LineReader(path))
        {
            while (reader.TryReadDataLine(out var line))
            {
                var token = line.Trim();
                int t;
                if (token.Length > 0 && (char.IsDigit(token[0]) || token[0] == '-'))
                {
                    t = reader.ParseInt(token, "node type index");
                    if ((uint)t >= (uint)typeNames.Count)
                        throw reader.Error($"node type index {t} is out of range (expected 0..{typeNames.Count - 1}: {string.Join(", ", typeNames)})");
                }
                else if (!byName.TryGetValue(token.ToString(), out t))
                    throw reader.Error($"unknown node type '{LineReader.Shorten(token)}' (expected an index or one of: {string.Join(", ", typeNames)})");
                types.Add(t);
            }
        }
        var type = types.ToArray();
        var local = new int[type.Length];
        var count = new int[typeNames.Count];
        for (int g = 0; g < type.Length; g++) local[g] = count[type[g]]++;
        return new GlobalIdMap(type, local, null, count, Path.GetFileName(path));
    }

    /// <summary>Ranges: type t owns global ids offset[t] .. offset[t] + count[t] − 1 (ranges must not overlap).</summary>
    public static GlobalIdMap FromRanges(int[] offset, int[] count) => new(null, null, offset, count, "the node types' id ranges");

    /// <summary>Maps a global id; false when no type owns it.</summary>
    public bool TryMap(int global, out int type, out int local)
    {
        if (_type is not null)
        {
            if ((uint)global < (uint)_type.Length)
            {
                type = _type[global];
                local = _local![global];
                return true;
            }
        }
        else
        {
            for (int t = 0; t < _count.Length; t++)
            {
                int d = global - _offset![t];
                if ((uint)d < (uint)_count[t])
                {
                    type = t;
                    local = d;
                    return true;
                }
            }
        }
        type = local = -1;
        return false;
    }
}
