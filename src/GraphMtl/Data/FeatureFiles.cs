using GraphMtl.Data.Manifest;
using GraphMtl.Graphs;

namespace GraphMtl.Data;

/// <summary>
/// Readers for node feature files: sparse COO (<c>*.coo.tsv</c>: a first line <c># shape R C nnz N ; …</c>, then
/// <c>row&lt;TAB&gt;col&lt;TAB&gt;value</c>, 0-based) and dense TSV (one line of TAB-separated numbers per node).
/// <c>.gz</c> files are read transparently; blank lines and <c>#</c> comment lines are skipped.
/// </summary>
internal static class FeatureFiles
{
    /// <summary>True for <c>*.coo.tsv</c> and <c>*.coo.tsv.gz</c>.</summary>
    public static bool IsCoo(string path) =>
        path.EndsWith(".coo.tsv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".coo.tsv.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a feature file in the given format (<see cref="FeatureFormat.Auto"/>: by name).</summary>
    public static NodeFeatures Read(string path, FeatureFormat format) =>
        format == FeatureFormat.Coo || format == FeatureFormat.Auto && IsCoo(path) ? ReadCoo(path) : ReadDense(path);

    /// <summary>Reads a sparse COO file; the header fixes the shape, and indices are checked against it.</summary>
    public static SparseFeatures ReadCoo(string path)
    {
        using var reader = new LineReader(path);
        ReadOnlySpan<char> line;
        do
        {
            if (!reader.TryReadLine(out line))
                throw new DataFormatException(path, 0, "expected a header '# shape ROWS COLS nnz N' (got an empty file)");
        } while (line.Trim().Length == 0);
        var (rows, cols, nnz) = ParseCooHeader(line, reader);

        int capacity = nnz is long n && n <= int.MaxValue ? (int)n : 1024;
        var rowIndex = new List<int>(capacity);
        var colIndex = new List<int>(capacity);
        var values = new List<float>(capacity);
        Span<Range> f = stackalloc Range[4];
        while (reader.TryReadDataLine(out line))
        {
            reader.SplitFields(line, f, 3, 3);
            int r = reader.ParseInt(line[f[0]], "row");
            int c = reader.ParseInt(line[f[1]], "column");
            float v = reader.ParseFloat(line[f[2]], "value");
            if ((uint)r >= (uint)rows) throw reader.Error($"row {r} is out of range (expected 0..{rows - 1} as the header says)");
            if ((uint)c >= (uint)cols) throw reader.Error($"column {c} is out of range (expected 0..{cols - 1} as the header says)");
            rowIndex.Add(r);
            colIndex.Add(c);
            values.Add(v);
        }
        if (nnz is long expected && expected != values.Count)
            throw new DataFormatException(path, 0, $"expected {expected} entries as the header says (got {values.Count})");
        return new SparseFeatures(rows, cols, [.. rowIndex], [.. colIndex], [.. values]);
    }

    private static (int Rows, int Cols, long? Nnz) ParseCooHeader(ReadOnlySpan<char> line, LineReader reader)
    {
        var text = line.Trim();
        if (text.Length == 0 || text[0] != '#')
            throw reader.Error($"expected a header '# shape ROWS COLS nnz N' (got '{LineReader.Shorten(line)}')");
        int semicolon = text.IndexOf(';');
        var tokens = (semicolon < 0 ? text[1..] : text[1..semicolon]).ToString()
            .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        int? rows = null, cols = null;
        long? nnz = null;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "shape" && i + 2 < tokens.Length)
            {
                rows = reader.ParseInt(tokens[i + 1], "row count in the header");
                cols = reader.ParseInt(tokens[i + 2], "column count in the header");
                i += 2;
            }
            else if (tokens[i] == "nnz" && i + 1 < tokens.Length)
                nnz = reader.ParseInt(tokens[i + 1], "entry count in the header");
        }
        if (rows is not int r || cols is not int c || r < 0 || c < 0)
            throw reader.Error($"expected a header '# shape ROWS COLS nnz N' (got '{LineReader.Shorten(line)}')");
        return (r, c, nnz);
    }

    /// <summary>Reads a dense TSV; the first row fixes the dimension and every row must match it.</summary>
    public static DenseFeatures ReadDense(string path)
    {
        using var reader = new LineReader(path);
        var values = new List<float>(1 << 16);
        int dim = -1, rows = 0, firstLine = 0;
        while (reader.TryReadDataLine(out var line))
        {
            int count = 0;
            var rest = line;
            while (true)
            {
                int tab = rest.IndexOf('\t');
                values.Add(reader.ParseFloat(tab < 0 ? rest : rest[..tab], $"in column {count}"));
                count++;
                if (tab < 0) break;
                rest = rest[(tab + 1)..];
            }
            if (dim < 0)
            {
                dim = count;
                firstLine = reader.LineNumber;
            }
            else if (count != dim)
                throw reader.Error($"expected {dim} tab-separated values like line {firstLine} (got {count})");
            rows++;
        }
        if (rows == 0) throw new DataFormatException(path, 0, "expected at least one row of features (got an empty file)");
        return new DenseFeatures(rows, dim, [.. values]);
    }
}
