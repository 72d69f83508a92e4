using System.Globalization;
using System.Text.Json;

namespace GraphMtl.Data.Hgb;

/// <summary>
/// The names an HGB <c>info.dat</c> carries: node-type names, link-type endpoints and meanings, class names.
/// DBLP, ACM and IMDB write JSON (ids as strings or integers); Freebase writes plain-text tables, which are not
/// read (names then default to <c>type0</c>…, <c>link0</c>…). Everything here is optional.
/// </summary>
internal sealed class HgbInfo
{
    /// <summary>Node-type names by type index.</summary>
    public Dictionary<int, string> NodeTypes { get; } = [];

    /// <summary>Link types by index: start type, end type, meaning (any may be absent).</summary>
    public Dictionary<int, (int? Start, int? End, string? Meaning)> LinkTypes { get; } = [];

    /// <summary>Class names by node type, then by class id.</summary>
    public Dictionary<int, Dictionary<int, string>> ClassNames { get; } = [];

    /// <summary>Reads <paramref name="path"/>; returns an empty description when it is absent or not JSON.</summary>
    public static HgbInfo Read(string path)
    {
        var info = new HgbInfo();
        if (!File.Exists(path)) return info;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
        }
        catch (JsonException)
        {
            return info; // plain-text form (Freebase): names only, so nothing is lost but names
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return info;
            if (TryGet(root, "node.dat", out var node) && TryGet(node, "node type", out var types) && types.ValueKind == JsonValueKind.Object)
                foreach (var p in types.EnumerateObject())
                    if (TryIndex(p.Name, out int t) && p.Value.ValueKind == JsonValueKind.String)
                        info.NodeTypes[t] = p.Value.GetString()!;
            if (TryGet(root, "link.dat", out var link) && TryGet(link, "link type", out var links) && links.ValueKind == JsonValueKind.Object)
                foreach (var p in links.EnumerateObject())
                {
                    if (!TryIndex(p.Name, out int l) || p.Value.ValueKind != JsonValueKind.Object) continue;
                    info.LinkTypes[l] = (Int(p.Value, "start"), Int(p.Value, "end"),
                        p.Value.TryGetProperty("meaning", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null);
                }
            if (TryGet(root, "label.dat", out var label) && TryGet(label, "node type", out var byType) && byType.ValueKind == JsonValueKind.Object)
                foreach (var p in byType.EnumerateObject())
                {
                    if (!TryIndex(p.Name, out int t) || p.Value.ValueKind != JsonValueKind.Object) continue;
                    var names = new Dictionary<int, string>();
                    foreach (var c in p.Value.EnumerateObject())
                        if (TryIndex(c.Name, out int k) && c.Value.ValueKind == JsonValueKind.String) names[k] = c.Value.GetString()!;
                    info.ClassNames[t] = names;
                }
        }
        return info;
    }

    private static bool TryGet(JsonElement e, string name, out JsonElement value)
    {
        value = default;
        return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value);
    }

    private static bool TryIndex(string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v) && v >= 0;

    private static int? Int(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i)) return i;
        if (v.ValueKind == JsonValueKind.String && TryIndex(v.GetString()!, out int j)) return j;
        return null;
    }
}
