using System.Reflection;
using GraphMtl.Graphs;

namespace GraphMtl.Data.Manifest;

/// <summary>
/// The dataset manifests shipped inside the library (the repository's <c>datasets/*.yaml</c>, embedded as
/// <c>GraphMtl.Datasets.NAME.yaml</c>), resolvable by bare name: <c>heco-dblp</c>, <c>dblp-hgb</c>, <c>dblp-mtl</c>,
/// <c>magnn-imdb</c>. Their roots are relative to the data root.
/// </summary>
public static class BuiltInManifests
{
    private const string Prefix = "GraphMtl.Datasets.";
    private const string Suffix = ".yaml";

    /// <summary>The names of the built-in manifests, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(BuiltInManifests).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^Suffix.Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The manifest's YAML text, or null when no built-in manifest has this name (a <c>.yaml</c> suffix is allowed).</summary>
    public static string? TryGetText(string name)
    {
        if (name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) name = name[..^Suffix.Length];
        using var stream = typeof(BuiltInManifests).Assembly.GetManifestResourceStream(Prefix + name + Suffix);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>How a built-in manifest is named in messages: <c>builtin:NAME.yaml</c>.</summary>
    public static string SourceName(string name) => $"builtin:{(name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? name : name + Suffix)}";

    /// <summary>Loads a built-in manifest; an unknown name is a user error listing the choices.</summary>
    public static HeteroGraph Load(string name, DataRoot dataRoot)
    {
        string text = TryGetText(name)
            ?? throw new GraphMtlException($"Unknown built-in dataset '{name}' (expected one of: {string.Join(", ", Names)}).");
        return ManifestLoader.LoadText(text, SourceName(name), dataRoot, manifestDirectory: null);
    }
}
