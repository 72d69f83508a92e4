using System.Globalization;

namespace GraphMtl.Bench;

/// <summary>
/// Minimal <c>--key value</c> parsing for the harness (repeatable <c>--set</c>, value-less flags); unknown keys,
/// missing values and malformed numbers are <see cref="ArgumentException"/>s with a one-line message.
/// </summary>
internal sealed class Args
{
    private readonly Dictionary<string, string> _values = [];
    private readonly List<string> _sets = [];

    public Args(IEnumerable<string> args, IReadOnlySet<string> known, IReadOnlySet<string>? flags = null)
    {
        flags ??= new HashSet<string>();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string key = e.Current;
            string name = key.StartsWith("--", StringComparison.Ordinal) ? key[2..] : "";
            if (flags.Contains(name))
            {
                _values[name] = "true";
                continue;
            }
            if (!known.Contains(name))
                throw new ArgumentException($"Unknown argument '{key}' (expected one of: {string.Join(", ", known.Concat(flags).Select(k => "--" + k))}).");
            if (!e.MoveNext() || e.Current.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Expected a value after {key}.");
            if (name == "set") _sets.Add(e.Current);
            else _values[name] = e.Current;
        }
    }

    public IReadOnlyList<string> Sets => _sets;

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public bool Flag(string name) => _values.ContainsKey(name);

    public int Int(string name, int fallback, int min = 0)
    {
        if (!_values.TryGetValue(name, out var v)) return fallback;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result) || result < min)
            throw new ArgumentException($"--{name} expects an integer ≥ {min} (got '{v}').");
        return result;
    }

    public double Double(string name, double fallback)
    {
        if (!_values.TryGetValue(name, out var v)) return fallback;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double result) || !(result > 0))
            throw new ArgumentException($"--{name} expects a positive number (got '{v}').");
        return result;
    }

    /// <summary>A comma-separated list (<c>--edges 1e4,1e5</c>); empty items are errors.</summary>
    public IReadOnlyList<string> List(string name, IReadOnlyList<string> fallback)
    {
        if (!_values.TryGetValue(name, out var v)) return fallback;
        var items = v.Split(',').Select(i => i.Trim()).ToArray();
        if (items.Any(i => i.Length == 0)) throw new ArgumentException($"--{name} expects a comma-separated list without empty items (got '{v}').");
        return items;
    }

    /// <summary>A comma-separated list of positive numbers (scientific notation allowed).</summary>
    public IReadOnlyList<double> Numbers(string name, IReadOnlyList<double> fallback)
    {
        if (!_values.ContainsKey(name)) return fallback;
        return List(name, []).Select(i => double.TryParse(i, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0
            ? d
            : throw new ArgumentException($"--{name} expects positive numbers (got '{i}').")).ToArray();
    }
}
