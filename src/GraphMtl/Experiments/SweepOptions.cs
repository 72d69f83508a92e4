using GraphMtl.Configuration;

namespace GraphMtl.Experiments;

/// <summary>
/// A sweep file for <c>gmtl compare --sweep FILE</c>: the methods to compare, each a config file plus overrides, and
/// how to compare them. Config paths are relative to the sweep file.
/// </summary>
/// <example>
/// <code>
/// baseline: single-task            # the method every other is compared with (default: the first single-task one)
/// metrics: [macro_f1, micro_f1]    # metrics shown and used for the gains (default: all but the loss)
/// set: [train.runs=5]              # overrides applied to every method, before its own
/// configs:
///   - name: single-task
///     config: single-task.yaml
///   - name: inline-lr1e-3
///     config: inline.yaml
///     set: [train.lr=0.001]
/// </code>
/// </example>
public sealed record SweepOptions : IValidatableOptions
{
    /// <summary>The methods, in table order.</summary>
    public IReadOnlyList<SweepEntry> Configs { get; init; } = [];

    /// <summary>The baseline method's name (default: the first method whose architecture trains each task alone).</summary>
    public string? Baseline { get; init; }

    /// <summary>Metrics shown and used for the gains (default: every metric except the loss).</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary><c>key=value</c> overrides applied to every method before its own.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Configs.Count == 0) yield return (nameof(Configs), "expected at least one method (got none)");
        var duplicate = Configs.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) yield return (nameof(Configs), $"expected unique names (got '{duplicate.Key}' twice)");
    }
}

/// <summary>One method of a sweep: a name (its run folder and table row), a config file and overrides.</summary>
public sealed record SweepEntry : IValidatableOptions
{
    /// <summary>Name of the method (default: the config file's name without extension).</summary>
    public string Name { get; init; } = "";

    /// <summary>The config file, relative to the sweep file.</summary>
    public string Config { get; init; } = "";

    /// <summary><c>key=value</c> overrides of this method.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Config)) yield return (nameof(Config), "expected a config file (got none)");
        if (Name.IndexOfAny(['/', '\\']) >= 0 || Name is "." or "..") yield return (nameof(Name), $"expected a plain name usable as a folder (got '{Name}')");
    }
}
