namespace GraphMtl.MultiTask.Gates;

/// <summary>
/// Keeps the last mean gate weights per gate (mean over nodes), copied to the host in eval mode, for the
/// interpretability report (JSON + heatmap). Keys name the gate, e.g. <c>level1/author/task:field</c>.
/// </summary>
public sealed class GateRecorder
{
    private readonly Dictionary<string, GateRecord> _records = [];

    /// <summary>Whether the model is in eval mode and should record (training steps skip the host copy).</summary>
    public bool Enabled { get; set; }

    /// <summary>The recorded gates in insertion order.</summary>
    public IReadOnlyList<GateRecord> Records => _records.Values.ToList();

    /// <summary>Records the mean over rows of <paramref name="weights"/> (<c>[N, E]</c> or <c>[N, R, E]</c>).</summary>
    public void Record(string key, Tensor weights, IReadOnlyList<string> experts, IReadOnlyList<string>? relations = null)
    {
        if (!Enabled) return;
        using var mean = weights.detach().mean([0]).to(CPU).contiguous();
        var values = mean.data<float>().ToArray();
        int e = experts.Count;
        var rows = relations is null
            ? new[] { values.Select(v => (double)v).ToArray() }
            : Enumerable.Range(0, relations.Count).Select(r => values.Skip(r * e).Take(e).Select(v => (double)v).ToArray()).ToArray();
        _records[key] = new GateRecord(key, relations ?? ["all"], experts, rows);
    }
}

/// <summary>One gate's mean weights: rows (relations, or a single "all" row) × expert columns.</summary>
public sealed record GateRecord(string Key, IReadOnlyList<string> Rows, IReadOnlyList<string> Experts, double[][] Weights);
