using System.Globalization;

namespace GraphMtl.Bench;

/// <summary>Minimal <c>--key value</c> parsing (repeatable <c>--set</c>); unknown keys are errors.</summary>
internal sealed class Args
{
    private readonly Dictionary<string, string> _values = [];
    private readonly List<string> _sets = [];

    public Args(IEnumerable<string> args, IReadOnlySet<string> known)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string key = e.Current;
            if (!key.StartsWith("--", StringComparison.Ordinal) || !known.Contains(key[2..]))
                throw new ArgumentException($"Unknown argument '{key}' (expected one of: {string.Join(", ", known.Select(k => "--" + k))}).");
            string name = key[2..];
            if (name == "quick")
            {
                _values[name] = "true";
                continue;
            }
            if (!e.MoveNext()) throw new ArgumentException($"Expected a value after {key}.");
            if (name == "set") _sets.Add(e.Current);
            else _values[name] = e.Current;
        }
    }

    public IReadOnlyList<string> Sets => _sets;

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.ContainsKey(name);
}
