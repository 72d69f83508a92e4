using System.Globalization;

namespace GraphMtl.Data;

/// <summary>
/// Reads a large text data file line by line as spans over one reusable buffer (no string per line), with the
/// 1-based line number for messages. Like <see cref="TextLines"/> it strips a trailing CR and un-gzips <c>.gz</c>
/// files. A returned line is valid until the next call. Parsers report errors through <see cref="Error"/>, which
/// names the file and the current line.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly TextReader _reader;
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The file being read, as given.</summary>
    public string Path { get; }

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Opens <paramref name="path"/>; a missing file is a <see cref="DataFormatException"/>.</summary>
    public LineReader(string path)
    {
        Path = path;
        _reader = TextLines.Open(path);
    }

    /// <summary>The next line without its line break (and trailing CR); false at the end of the file.</summary>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int nl = pending.IndexOf('\n');
            if (nl >= 0)
            {
                line = StripCr(pending[..nl]);
                _start += nl + 1;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                if (pending.Length == 0)
                {
                    line = default;
                    return false;
                }
                line = StripCr(pending);
                _start = _end;
                LineNumber++;
                return true;
            }
            Fill();
        }
    }

    /// <summary>
    /// The next line that carries data: blank lines and lines starting with <c>#</c> are skipped. False at the end.
    /// </summary>
    public bool TryReadDataLine(out ReadOnlySpan<char> line)
    {
        while (TryReadLine(out line))
        {
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            return true;
        }
        return false;
    }

    private static ReadOnlySpan<char> StripCr(ReadOnlySpan<char> s) => s.Length > 0 && s[^1] == '\r' ? s[..^1] : s;

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        int n = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        else _end += n;
    }

    /// <summary>An error at the current line: "file:line: message".</summary>
    public DataFormatException Error(string message) => new(Path, LineNumber, message);

    /// <summary>
    /// Splits a line on TAB only (empty fields kept) into <paramref name="fields"/> and checks that it has between
    /// <paramref name="min"/> and <paramref name="max"/> fields; returns the count. Size <paramref name="fields"/> at
    /// least one larger than the highest field used (and than <paramref name="max"/>): extra fields fold into the last range.
    /// </summary>
    public int SplitFields(ReadOnlySpan<char> line, Span<Range> fields, int min, int max = int.MaxValue)
    {
        int count = line.Split(fields, '\t');
        if (count >= min && count <= max) return count;
        int actual = line.Count('\t') + 1;
        string expected = max == int.MaxValue ? $"at least {min}" : min == max ? $"{min}" : $"{min} to {max}";
        throw Error($"expected {expected} tab-separated fields (got {actual})");
    }

    /// <summary>Parses an integer field or throws "file:line: expected an integer WHAT (got 'x')".</summary>
    public int ParseInt(ReadOnlySpan<char> field, string what)
    {
        if (int.TryParse(field.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v)) return v;
        throw Error($"expected an integer {what} (got '{Shorten(field)}')");
    }

    /// <summary>Parses a finite floating-point field or throws "file:line: expected a number WHAT (got 'x')".</summary>
    public float ParseFloat(ReadOnlySpan<char> field, string what)
    {
        if (float.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)) return v;
        throw Error($"expected a number {what} (got '{Shorten(field)}')");
    }

    internal static string Shorten(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..37], "...");

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
