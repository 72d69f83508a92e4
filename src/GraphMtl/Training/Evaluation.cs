using GraphMtl.Graphs;

namespace GraphMtl.Training;

/// <summary>Metrics of one evaluation: task → split part → metric key → value (the key <c>loss</c> included).</summary>
public sealed class Evaluation
{
    private readonly Dictionary<string, Dictionary<SplitPart, IReadOnlyDictionary<string, double>>> _values = [];

    /// <summary>Tasks in insertion order.</summary>
    public IReadOnlyList<string> Tasks => _values.Keys.ToList();

    /// <summary>Records the metrics of a task on a split part.</summary>
    public void Set(string task, SplitPart part, IReadOnlyDictionary<string, double> metrics)
    {
        if (!_values.TryGetValue(task, out var parts)) _values[task] = parts = [];
        parts[part] = metrics;
    }

    /// <summary>The metrics of a task on a split part (empty when not evaluated).</summary>
    public IReadOnlyDictionary<string, double> Get(string task, SplitPart part) =>
        _values.TryGetValue(task, out var parts) && parts.TryGetValue(part, out var m) ? m : new Dictionary<string, double>();

    /// <summary>One value, NaN when absent.</summary>
    public double Value(string task, SplitPart part, string metric) =>
        Get(task, part).TryGetValue(metric, out var v) ? v : double.NaN;

    /// <summary>Merges another evaluation's tasks into this one (single-task runs are merged per task).</summary>
    public void Merge(Evaluation other)
    {
        foreach (var (task, parts) in other._values)
            foreach (var (part, metrics) in parts) Set(task, part, metrics);
    }
}
