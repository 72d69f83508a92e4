using GraphMtl.Configuration;

namespace GraphMtl.Training;

/// <summary>How validation results decide the best checkpoint.</summary>
public enum SelectionMode
{
    /// <summary>The mean over tasks of the validation metric must improve.</summary>
    Mean,
    /// <summary>Every task must be at least as good as its best so far (InLINE's "all tasks at once" rule).</summary>
    AllTasks,
}

/// <summary>Model selection on the validation split (config section <c>train.selection:</c>).</summary>
public sealed record SelectionOptions : IValidatableOptions
{
    /// <summary>The validation metric: <c>loss</c> (lower is better) or a metric key such as <c>macro_f1</c>.</summary>
    public string Metric { get; init; } = "macro_f1";

    /// <summary>Mean over tasks, or all tasks at once.</summary>
    public SelectionMode Mode { get; init; } = SelectionMode.Mean;

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        var known = new[] { "loss" }.Concat(Metrics.TaskMetrics.Keys).ToList();
        if (!known.Contains(Metric)) yield return (nameof(Metric), $"expected one of {string.Join(", ", known)} (got '{Metric}')");
    }
}
