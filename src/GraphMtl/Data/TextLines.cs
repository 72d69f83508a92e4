using System.Globalization;
using System.IO.Compression;

namespace GraphMtl.Data;

/// <summary>
/// Reads a text data file line by line with its 1-based line number, stripping a trailing CR (CRLF files) and
/// transparently un-gzipping <c>.gz</c> files. Field parsers report errors as <see cref="DataFormatException"/>.
/// </summary>
public static class TextLines
{
    /// <summary>Opens <paramref name="path"/> for reading; a missing file is a <see cref="DataFormatException"/>.</summary>
    public static TextReader Open(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new DataFormatException(path, 0, "file not found");
        Stream s = System.IO.File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            s = new GZipStream(s, CompressionMode.Decompress);
        return new StreamReader(s);
    }

    /// <summary>Yields (line number, line without trailing CR) for every line, blank ones included.</summary>
    public static IEnumerable<(int Line, string Text)> Read(string path)
    {
        using var reader = Open(path);
        int n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            yield return (n, line);
        }
    }

    /// <summary>Parses an integer field or throws naming file, line and column.</summary>
    public static int ParseInt(string text, string path, int line, string what)
    {
        if (int.TryParse(text.AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)) return v;
        throw new DataFormatException(path, line, $"expected an integer {what} (got '{Shorten(text)}')");
    }

    /// <summary>Parses a floating-point field or throws naming file, line and column.</summary>
    public static float ParseFloat(string text, string path, int line, string what)
    {
        if (float.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)) return v;
        throw new DataFormatException(path, line, $"expected a number {what} (got '{Shorten(text)}')");
    }

    /// <summary>Splits on TAB only, keeping empty fields (HGB names may be empty), and checks the field count.</summary>
    public static string[] SplitTabs(string text, string path, int line, int minFields, int maxFields = int.MaxValue)
    {
        var fields = text.Split('\t');
        if (fields.Length < minFields || fields.Length > maxFields)
        {
            string expected = maxFields == int.MaxValue ? $"at least {minFields}" : minFields == maxFields ? $"{minFields}" : $"{minFields} to {maxFields}";
            throw new DataFormatException(path, line, $"expected {expected} tab-separated fields (got {fields.Length})");
        }
        return fields;
    }

    internal static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
