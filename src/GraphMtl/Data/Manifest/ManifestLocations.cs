using GraphMtl.Configuration;
using YamlDotNet.RepresentationModel;

namespace GraphMtl.Data.Manifest;

/// <summary>
/// Finds the line of a manifest key (<c>relations[2].src</c>) in the parsed YAML, so that errors found after binding
/// (unknown node types, missing files, empty splits) still name <c>file:line</c> and the key.
/// </summary>
internal sealed class ManifestLocations(YamlNode root, string source)
{
    /// <summary>The manifest's name in messages (a path, or <c>builtin:NAME.yaml</c>).</summary>
    public string Source { get; } = source;

    /// <summary>"source:line" of the deepest node found along <paramref name="keyPath"/>.</summary>
    public string Where(string keyPath)
    {
        YamlNode node = root;
        foreach (var segment in keyPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            string key = segment;
            int? index = null;
            int bracket = segment.IndexOf('[');
            if (bracket >= 0)
            {
                key = segment[..bracket];
                if (int.TryParse(segment.AsSpan(bracket + 1, segment.Length - bracket - 2), out int i)) index = i;
            }
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child)) break;
            node = child;
            if (index is int k)
            {
                if (node is not YamlSequenceNode seq || k >= seq.Children.Count) break;
                node = seq.Children[k];
            }
        }
        return $"{Source}:{node.Start.Line}";
    }

    /// <summary>A user error at a key: "source:line: key: message".</summary>
    public ConfigException Error(string keyPath, string message) => new(Where(keyPath), keyPath, message);
}
