namespace GraphMtl.MultiTask.Gates;

/// <summary>
/// Keeps the last mean weights of every gate (mean over the nodes of its type), copied to the host, for the
/// interpretability report (<c>gates.json</c> and a heatmap in the run folder). Recording is off by default, so
/// training and the periodic evaluations pay nothing; the experiment switches it on for one forward pass of the
/// selected model in eval mode.
/// </summary>
public sealed class GateRecorder
{
    private readonly Dictionary<string, GateRecord> _records = [];

    /// <summary>Whether forward passes record (off by default).</summary>
    public bool Enabled { get; set; }

    /// <summary>The recorded gates in insertion order.</summary>
    public IReadOnlyList<GateRecord> Records => _records.Values.ToList();

    /// <summary>Forgets every record.</summary>
    public void Clear() => _records.Clear();

    /// <summary>
    /// Records the mean over nodes of a gate's <paramref name="weights"/>: <c>[N, E]</c> (one row, "all") or
    /// <c>[N, R, E]</c> (one row per relation, InLINE). <paramref name="gate"/> names who receives the mixture
    /// (<c>task:NAME</c> or <c>shared</c>); <paramref name="level"/> counts from 1.
    /// </summary>
    public void Record(int level, string nodeType, string gate, Tensor weights, IReadOnlyList<string> experts, IReadOnlyList<string>? relations = null)
    {
        if (!Enabled) return;
        var rows = relations ?? ["all"];
        Add(new GateRecord($"level{level}/{nodeType}/{gate}", level, nodeType, gate, GateRecordKind.Experts, rows, experts, Mean(weights, rows.Count, experts.Count)));
    }

    /// <summary>
    /// Records the mean over nodes of a relation attention <paramref name="weights"/> <c>[R, N, 1]</c> (InLINE's β): one
    /// row per relation, one column.
    /// </summary>
    public void RecordRelations(int level, string nodeType, string stream, Tensor weights, IReadOnlyList<string> relations)
    {
        if (!Enabled) return;
        var mean = Mean(weights.squeeze(-1).t(), 1, relations.Count)[0];
        Add(new GateRecord($"level{level}/{nodeType}/{stream}/relations", level, nodeType, stream, GateRecordKind.RelationAttention,
            relations, ["β"], mean.Select(v => new[] { v }).ToArray()));
    }

    private void Add(GateRecord record) => _records[record.Key] = record;

    // Mean over the first dimension, as rows × columns on the host.
    private static double[][] Mean(Tensor weights, int rows, int columns)
    {
        using var scope = NewDisposeScope();
        var values = weights.detach().to(float64).mean([0]).cpu().contiguous().data<double>().ToArray();
        if (values.Length != rows * columns)
            throw new ArgumentException($"Expected gate weights with {rows} × {columns} entries per node (got {values.Length}).", nameof(weights));
        return Enumerable.Range(0, rows).Select(r => values.AsSpan(r * columns, columns).ToArray()).ToArray();
    }
}

/// <summary>What a <see cref="GateRecord"/> holds.</summary>
public enum GateRecordKind
{
    /// <summary>Weights over experts (columns), per relation or for all relations (rows); each row sums to one.</summary>
    Experts,

    /// <summary>A relation attention: one weight per relation (rows) in a single column; the column sums to one.</summary>
    RelationAttention,
}

/// <summary>
/// One gate's mean weights: <paramref name="Rows"/> (relations, or a single "all") × <paramref name="Columns"/>
/// (experts, or "β" for a relation attention).
/// </summary>
/// <param name="Key">Unique name, e.g. <c>level1/author/task:author</c>.</param>
/// <param name="Level">Level (layer), from 1.</param>
/// <param name="NodeType">The node type whose nodes the gate weighs.</param>
/// <param name="Gate">Who receives the mixture: <c>task:NAME</c> or <c>shared</c>.</param>
/// <param name="Kind">Expert weights or a relation attention.</param>
/// <param name="Rows">Row labels.</param>
/// <param name="Columns">Column labels.</param>
/// <param name="Weights">Rows × columns, means over nodes.</param>
public sealed record GateRecord(string Key, int Level, string NodeType, string Gate, GateRecordKind Kind,
    IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, double[][] Weights);
