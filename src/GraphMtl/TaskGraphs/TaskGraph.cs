using System.Globalization;
using GraphMtl.Data;

namespace GraphMtl.TaskGraphs;

/// <summary>
/// A weighted task-relation graph over T tasks as a list of directed edges (source, target, weight). An undirected
/// graph stores both directions of every edge (SGNN-EBM's convention: M directed edges, each pair twice); a DAG stores
/// one. Self-loops and duplicate edges are never stored.
/// </summary>
public sealed class TaskGraph
{
    private readonly int[] _source;
    private readonly int[] _target;
    private readonly float[] _weight;

    private TaskGraph(int taskCount, int[] source, int[] target, float[] weight)
    {
        TaskCount = taskCount;
        _source = source;
        _target = target;
        _weight = weight;
    }

    /// <summary>Number of tasks T.</summary>
    public int TaskCount { get; }

    /// <summary>Number of directed edges M.</summary>
    public int EdgeCount => _source.Length;

    /// <summary>Source task of each directed edge.</summary>
    public IReadOnlyList<int> Source => _source;

    /// <summary>Target task of each directed edge.</summary>
    public IReadOnlyList<int> Target => _target;

    /// <summary>Weight of each directed edge.</summary>
    public IReadOnlyList<float> Weight => _weight;

    /// <summary>True when every edge (i, j) has its reverse (j, i) with the same weight.</summary>
    public bool IsSymmetric
    {
        get
        {
            var dense = Dense();
            for (int i = 0; i < TaskCount; i++)
                for (int j = i + 1; j < TaskCount; j++)
                    if (dense[i * TaskCount + j] != dense[j * TaskCount + i]) return false;
            return true;
        }
    }

    /// <summary>Number of unordered task pairs joined by at least one edge.</summary>
    public int PairCount
    {
        get
        {
            var pairs = new HashSet<(int, int)>();
            for (int e = 0; e < EdgeCount; e++) pairs.Add((Math.Min(_source[e], _target[e]), Math.Max(_source[e], _target[e])));
            return pairs.Count;
        }
    }

    /// <summary>A graph with no edges.</summary>
    public static TaskGraph Empty(int taskCount) => new(CheckCount(taskCount), [], [], []);

    /// <summary>
    /// A directed graph from (source, target, weight) triples. Self-loops are dropped; a repeated (source, target)
    /// keeps the last weight. Edges are sorted by (source, target).
    /// </summary>
    public static TaskGraph Directed(int taskCount, IEnumerable<(int Source, int Target, float Weight)> edges)
    {
        CheckCount(taskCount);
        var map = new SortedDictionary<(int, int), float>();
        foreach (var (s, t, w) in edges)
        {
            if ((uint)s >= (uint)taskCount || (uint)t >= (uint)taskCount)
                throw new ArgumentOutOfRangeException(nameof(edges), $"expected task indices in [0, {taskCount}) (got {s} → {t})");
            if (!float.IsFinite(w)) throw new ArgumentException($"expected a finite weight (got {w} on {s} → {t})", nameof(edges));
            if (s != t) map[(s, t)] = w;
        }
        return new TaskGraph(taskCount, map.Keys.Select(k => k.Item1).ToArray(), map.Keys.Select(k => k.Item2).ToArray(), map.Values.ToArray());
    }

    /// <summary>An undirected graph: each (i, j, w) is stored as i → j and j → i with weight w (the last weight of a repeated pair wins).</summary>
    public static TaskGraph Undirected(int taskCount, IEnumerable<(int A, int B, float Weight)> edges) =>
        Directed(taskCount, edges.SelectMany(e => new[] { (e.A, e.B, e.Weight), (e.B, e.A, e.Weight) }));

    /// <summary>
    /// A graph from a dense row-major T × T score matrix: every off-diagonal entry with |value| &gt; <paramref name="minAbs"/>
    /// becomes the edge i → j with that value.
    /// </summary>
    public static TaskGraph FromDense(int taskCount, ReadOnlySpan<float> scores, float minAbs = 0)
    {
        CheckCount(taskCount);
        if (scores.Length != taskCount * taskCount) throw new ArgumentException($"expected {taskCount}² scores (got {scores.Length})", nameof(scores));
        var edges = new List<(int, int, float)>();
        for (int i = 0; i < taskCount; i++)
            for (int j = 0; j < taskCount; j++)
                if (i != j && Math.Abs(scores[i * taskCount + j]) > minAbs) edges.Add((i, j, scores[i * taskCount + j]));
        return Directed(taskCount, edges);
    }

    /// <summary>Row-major T × T weights (0 where there is no edge).</summary>
    public float[] Dense()
    {
        var dense = new float[TaskCount * TaskCount];
        for (int e = 0; e < EdgeCount; e++) dense[_source[e] * TaskCount + _target[e]] = _weight[e];
        return dense;
    }

    /// <summary>True when the edge i → j is stored.</summary>
    public bool HasEdge(int i, int j)
    {
        for (int e = 0; e < EdgeCount; e++)
            if (_source[e] == i && _target[e] == j) return true;
        return false;
    }

    /// <summary>The same edges with every weight set to <paramref name="weight"/>.</summary>
    public TaskGraph WithUnitWeights(float weight = 1f) =>
        new(TaskCount, _source, _target, Enumerable.Repeat(weight, EdgeCount).ToArray());

    /// <summary>The same edges with new weights (one per directed edge, in edge order).</summary>
    public TaskGraph WithWeights(IReadOnlyList<float> weights)
    {
        if (weights.Count != EdgeCount) throw new ArgumentException($"expected {EdgeCount} weights (got {weights.Count})", nameof(weights));
        return new TaskGraph(TaskCount, _source, _target, weights.ToArray());
    }

    /// <summary>The undirected version: both directions of every edge, weight = the larger |weight| of the two (sign kept).</summary>
    public TaskGraph Symmetrised()
    {
        var best = new Dictionary<(int, int), float>();
        for (int e = 0; e < EdgeCount; e++)
        {
            var key = (Math.Min(_source[e], _target[e]), Math.Max(_source[e], _target[e]));
            if (!best.TryGetValue(key, out var w) || Math.Abs(_weight[e]) > Math.Abs(w)) best[key] = _weight[e];
        }
        return Undirected(TaskCount, best.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)));
    }

    /// <summary>True when the directed edges contain no cycle (Kahn's algorithm).</summary>
    public bool IsAcyclic()
    {
        var indegree = new int[TaskCount];
        foreach (int t in _target) indegree[t]++;
        var queue = new Queue<int>(Enumerable.Range(0, TaskCount).Where(t => indegree[t] == 0));
        int seen = 0;
        while (queue.Count > 0)
        {
            int u = queue.Dequeue();
            seen++;
            for (int e = 0; e < EdgeCount; e++)
                if (_source[e] == u && --indegree[_target[e]] == 0) queue.Enqueue(_target[e]);
        }
        return seen == TaskCount;
    }

    /// <summary>
    /// Reads a weighted edge list: one edge per line, <c>source target [weight]</c> separated by whitespace, commas or
    /// tabs; tasks by name (from <paramref name="taskNames"/>) or 0-based index; weight default 1; <c>#</c> starts a
    /// comment; a first line <c>source target weight</c> is a header. An undirected file (the default) adds both
    /// directions of each line. Errors name file:line.
    /// </summary>
    public static TaskGraph ReadEdgeList(string path, IReadOnlyList<string> taskNames, bool directed = false)
    {
        if (!File.Exists(path)) throw new GraphMtlException($"{path}: task graph file not found");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < taskNames.Count; t++) index[taskNames[t]] = t;
        var edges = new List<(int, int, float)>();
        int lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            int hash = raw.IndexOf('#');
            string line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0) continue;
            var fields = line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (edges.Count == 0 && fields.Length >= 2 && fields[0].Equals("source", StringComparison.OrdinalIgnoreCase)
                && fields[1].Equals("target", StringComparison.OrdinalIgnoreCase)) continue;
            if (fields.Length is < 2 or > 3)
                throw new DataFormatException(path, lineNo, $"expected 'source target [weight]' (got {fields.Length} fields)");
            int a = Task(fields[0]), b = Task(fields[1]);
            float w = 1f;
            if (fields.Length == 3 && !(float.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out w) && float.IsFinite(w)))
                throw new DataFormatException(path, lineNo, $"expected a number as the weight (got '{fields[2]}')");
            if (a == b) throw new DataFormatException(path, lineNo, $"expected two different tasks (got a self-loop on '{fields[0]}')");
            edges.Add((a, b, w));
        }
        return directed ? Directed(taskNames.Count, edges) : Undirected(taskNames.Count, edges);

        int Task(string field)
        {
            if (index.TryGetValue(field, out int t)) return t;
            if (int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out t) && t >= 0 && t < taskNames.Count) return t;
            throw new DataFormatException(path, lineNo, $"expected a task name or an index in [0, {taskNames.Count}) (got '{field}')");
        }
    }

    /// <summary>
    /// Writes the graph as a tab-separated weighted edge list with a header <c>source target weight</c>, edges by
    /// decreasing |weight|; an undirected graph (see <see cref="IsSymmetric"/>) is written once per pair when
    /// <paramref name="pairsOnce"/> is set.
    /// </summary>
    public void WriteEdgeList(string path, IReadOnlyList<string> taskNames, bool pairsOnce = false)
    {
        if (taskNames.Count != TaskCount) throw new ArgumentException($"expected {TaskCount} task names (got {taskNames.Count})", nameof(taskNames));
        var order = Enumerable.Range(0, EdgeCount)
            .Where(e => !pairsOnce || _source[e] < _target[e])
            .OrderByDescending(e => Math.Abs(_weight[e])).ThenBy(e => _source[e]).ThenBy(e => _target[e]);
        using var writer = new StreamWriter(path);
        writer.Write("source\ttarget\tweight\n");
        foreach (int e in order)
            writer.Write($"{taskNames[_source[e]]}\t{taskNames[_target[e]]}\t{_weight[e].ToString("G6", CultureInfo.InvariantCulture)}\n");
    }

    /// <summary>Outgoing edges of each task as CSR offsets into edge ids (edge ids sorted by source).</summary>
    internal (int[] Offsets, int[] Edges) OutgoingCsr() => Csr(_source);

    /// <summary>Incoming edges of each task as CSR offsets into edge ids.</summary>
    internal (int[] Offsets, int[] Edges) IncomingCsr() => Csr(_target);

    /// <summary>Edge id of the reverse of each edge, or −1 when the reverse is not stored.</summary>
    internal int[] ReverseEdges()
    {
        var lookup = new Dictionary<(int, int), int>();
        for (int e = 0; e < EdgeCount; e++) lookup[(_source[e], _target[e])] = e;
        return Enumerable.Range(0, EdgeCount).Select(e => lookup.TryGetValue((_target[e], _source[e]), out int r) ? r : -1).ToArray();
    }

    private (int[] Offsets, int[] Edges) Csr(int[] key)
    {
        var offsets = new int[TaskCount + 1];
        foreach (int k in key) offsets[k + 1]++;
        for (int t = 0; t < TaskCount; t++) offsets[t + 1] += offsets[t];
        var fill = (int[])offsets.Clone();
        var edges = new int[EdgeCount];
        for (int e = 0; e < EdgeCount; e++) edges[fill[key[e]]++] = e;
        return (offsets, edges);
    }

    private static int CheckCount(int taskCount) =>
        taskCount >= 1 ? taskCount : throw new ArgumentOutOfRangeException(nameof(taskCount), taskCount, "expected at least one task");

    /// <inheritdoc/>
    public override string ToString() => $"TaskGraph(T={TaskCount}, M={EdgeCount} directed edges, {PairCount} pairs)";
}
