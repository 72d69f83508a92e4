using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace GraphMtl.Data.Tabular;

/// <summary>
/// Loads dense ARFF files (<c>@relation</c>, <c>@attribute name numeric|real|integer|{v1,v2,...}</c>, <c>@data</c>,
/// comma-separated rows, <c>%</c> comments, quoted names) as MULAN multi-label datasets: the label attributes are
/// named by a MULAN <c>.xml</c> file (<c>&lt;label name="Class1"&gt;</c>) or are the last L attributes.
/// Errors are <see cref="DataFormatException"/>s naming file and line.
/// </summary>
public static class ArffLoader
{
    /// <summary>Loads <paramref name="arffPath"/> with the labels listed in the MULAN file <paramref name="labelsXmlPath"/>.</summary>
    public static TabularMultiLabelDataset Load(string arffPath, string labelsXmlPath)
    {
        var labels = ReadMulanLabels(labelsXmlPath);
        return Load(arffPath, header =>
        {
            var positions = new List<int>();
            foreach (var name in labels)
            {
                int idx = header.FindIndex(a => a.Name == name);
                if (idx < 0) throw new DataFormatException(arffPath, 0, $"expected an attribute named '{name}' from {labelsXmlPath} (got none)");
                positions.Add(idx);
            }
            return positions;
        });
    }

    /// <summary>Loads <paramref name="arffPath"/> taking its last <paramref name="labelCount"/> attributes as labels.</summary>
    public static TabularMultiLabelDataset Load(string arffPath, int labelCount)
    {
        if (labelCount < 1) throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, "expected at least one label");
        return Load(arffPath, header =>
        {
            if (labelCount > header.Count)
                throw new DataFormatException(arffPath, 0, $"expected at least {labelCount} attributes for {labelCount} labels (got {header.Count})");
            return Enumerable.Range(header.Count - labelCount, labelCount).ToList();
        });
    }

    /// <summary>Label names of a MULAN label file, in file order (nested hierarchical labels included).</summary>
    public static IReadOnlyList<string> ReadMulanLabels(string xmlPath)
    {
        ArgumentNullException.ThrowIfNull(xmlPath);
        XDocument doc;
        try
        {
            using var reader = TextLines.Open(xmlPath);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new DataFormatException(xmlPath, e.LineNumber, $"expected a MULAN label XML file ({e.Message})");
        }
        var names = new List<string>();
        foreach (var element in doc.Descendants().Where(e => e.Name.LocalName == "label"))
        {
            var name = element.Attribute("name")?.Value;
            int line = ((IXmlLineInfo)element).LineNumber;
            if (string.IsNullOrEmpty(name)) throw new DataFormatException(xmlPath, line, "expected a name attribute on <label> (got none)");
            names.Add(name);
        }
        if (names.Count == 0) throw new DataFormatException(xmlPath, 0, "expected at least one <label name=\"...\"> element (got none)");
        return names;
    }

    private sealed record Attribute(string Name, string[]? NominalValues, int Line);

    private static TabularMultiLabelDataset Load(string path, Func<List<Attribute>, List<int>> labelPositions)
    {
        ArgumentNullException.ThrowIfNull(path);
        string relation = "";
        var attributes = new List<Attribute>();
        bool inData = false;
        bool[] isLabel = [];
        int[] column = [];
        var features = new List<float>();
        var labels = new List<sbyte>();
        int featureCount = 0, labelCount = 0;
        string[] labelNames = [], featureNames = [];

        foreach (var (line, raw) in TextLines.Read(path))
        {
            string text = raw.Trim();
            if (text.Length == 0 || text[0] == '%') continue;
            if (!inData)
            {
                if (text[0] != '@') throw new DataFormatException(path, line, $"expected '@relation', '@attribute' or '@data' (got '{TextLines.Shorten(text)}')");
                string keyword = text.Split((char[])[' ', '\t'], 2)[0].ToLowerInvariant();
                string rest = text.Length > keyword.Length ? text[keyword.Length..].Trim() : "";
                switch (keyword)
                {
                    case "@relation":
                        relation = Unquote(ReadToken(rest, out _));
                        break;
                    case "@attribute":
                        attributes.Add(ParseAttribute(rest, path, line));
                        break;
                    case "@data":
                        if (attributes.Count == 0) throw new DataFormatException(path, line, "expected @attribute lines before @data (got none)");
                        var positions = labelPositions(attributes);
                        isLabel = new bool[attributes.Count];
                        foreach (int p in positions) isLabel[p] = true;
                        column = new int[attributes.Count];
                        for (int a = 0; a < attributes.Count; a++) column[a] = isLabel[a] ? labelCount++ : featureCount++;
                        labelNames = attributes.Where((_, a) => isLabel[a]).Select(x => x.Name).ToArray();
                        featureNames = attributes.Where((_, a) => !isLabel[a]).Select(x => x.Name).ToArray();
                        foreach (int p in positions)
                        {
                            var values = attributes[p].NominalValues;
                            if (values is not null && values.Any(v => v is not ("0" or "1")))
                                throw new DataFormatException(path, attributes[p].Line, $"expected label attribute '{attributes[p].Name}' to be {{0,1}} or numeric (got {{{string.Join(',', values)}}})");
                        }
                        inData = true;
                        break;
                    default:
                        throw new DataFormatException(path, line, $"expected '@relation', '@attribute' or '@data' (got '{keyword}')");
                }
                continue;
            }

            if (text[0] == '{') throw new DataFormatException(path, line, "expected a dense data row (got a sparse '{...}' row, which is not supported)");
            var fields = text.Split(',');
            if (fields.Length != attributes.Count)
                throw new DataFormatException(path, line, $"expected {attributes.Count} comma-separated values, one per @attribute (got {fields.Length})");
            var featureRow = new float[featureCount];
            var labelRow = new sbyte[labelCount];
            for (int a = 0; a < fields.Length; a++)
            {
                string v = Unquote(fields[a].Trim());
                var attr = attributes[a];
                if (isLabel[a])
                {
                    labelRow[column[a]] = v switch
                    {
                        "?" => TabularMultiLabelDataset.Missing,
                        "0" => 0,
                        "1" => 1,
                        _ => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && (d == 0 || d == 1)
                            ? (sbyte)d
                            : throw new DataFormatException(path, line, $"expected 0, 1 or ? for label '{attr.Name}' (got '{TextLines.Shorten(v)}')"),
                    };
                }
                else
                {
                    featureRow[column[a]] = ParseFeature(v, attr, path, line);
                }
            }
            features.AddRange(featureRow);
            labels.AddRange(labelRow);
        }
        if (!inData) throw new DataFormatException(path, 0, "expected an @data section (got none)");
        return new TabularMultiLabelDataset(path, relation, featureNames, labelNames, [.. features], [.. labels]);
    }

    private static float ParseFeature(string v, Attribute attr, string path, int line)
    {
        if (v == "?") return float.NaN;
        if (float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out float f) && float.IsFinite(f)) return f;
        if (attr.NominalValues is { } values)
        {
            int idx = Array.IndexOf(values, v);
            if (idx >= 0) return idx;
            throw new DataFormatException(path, line, $"expected one of {{{string.Join(',', values)}}} for attribute '{attr.Name}' (got '{TextLines.Shorten(v)}')");
        }
        throw new DataFormatException(path, line, $"expected a number for attribute '{attr.Name}' (got '{TextLines.Shorten(v)}')");
    }

    private static Attribute ParseAttribute(string rest, string path, int line)
    {
        string name = ReadToken(rest, out string type);
        if (name.Length == 0) throw new DataFormatException(path, line, "expected an attribute name after @attribute (got nothing)");
        name = Unquote(name);
        type = type.Trim();
        if (type.StartsWith('{'))
        {
            if (!type.EndsWith('}')) throw new DataFormatException(path, line, $"expected '}}' closing the values of attribute '{name}' (got '{TextLines.Shorten(type)}')");
            var values = type[1..^1].Split(',').Select(s => Unquote(s.Trim())).ToArray();
            return new Attribute(name, values, line);
        }
        string lower = type.ToLowerInvariant();
        if (lower is "numeric" or "real" or "integer") return new Attribute(name, null, line);
        throw new DataFormatException(path, line, $"expected attribute type numeric, real, integer or {{values}} for '{name}' (got '{TextLines.Shorten(type)}')");
    }

    /// <summary>First token (a quoted string or up to whitespace) and the remainder.</summary>
    private static string ReadToken(string text, out string rest)
    {
        text = text.TrimStart();
        if (text.Length > 0 && (text[0] == '\'' || text[0] == '"'))
        {
            int close = text.IndexOf(text[0], 1);
            if (close > 0)
            {
                rest = text[(close + 1)..];
                return text[..(close + 1)];
            }
        }
        int ws = text.IndexOfAny([' ', '\t']);
        if (ws < 0)
        {
            rest = "";
            return text;
        }
        rest = text[ws..];
        return text[..ws];
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && (s[0] == '\'' || s[0] == '"') && s[^1] == s[0] ? s[1..^1] : s;
}
