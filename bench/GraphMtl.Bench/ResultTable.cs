using System.Globalization;
using System.Text;

namespace GraphMtl.Bench;

/// <summary>
/// A table of results written both as Markdown (for docs/benchmarks.md) and CSV (for scripts). Cells are strings so
/// that each benchmark decides its own formatting; CSV quoting follows RFC 4180.
/// </summary>
internal sealed class ResultTable(string title, IReadOnlyList<string> columns)
{
    private readonly List<string[]> _rows = [];

    public string Title { get; } = title;

    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Notes printed under the Markdown table (machine, load, settings).</summary>
    public List<string> Notes { get; } = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"Expected {Columns.Count} cells (got {cells.Length}).", nameof(cells));
        _rows.Add(cells);
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("## ").Append(Title).Append("\n\n");
        sb.Append("| ").Append(string.Join(" | ", Columns.Select(EscapeMarkdown))).Append(" |\n");
        sb.Append('|').Append(string.Concat(Columns.Select(_ => "---|"))).Append('\n');
        foreach (var row in _rows) sb.Append("| ").Append(string.Join(" | ", row.Select(EscapeMarkdown))).Append(" |\n");
        if (Notes.Count > 0)
        {
            sb.Append('\n');
            foreach (var note in Notes) sb.Append(note).Append('\n');
        }
        return sb.ToString();
    }

    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Columns.Select(EscapeCsv))).Append('\n');
        foreach (var row in _rows) sb.Append(string.Join(",", row.Select(EscapeCsv))).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes <c>NAME.md</c> and <c>NAME.csv</c> into <paramref name="folder"/> (created if needed).</summary>
    public void Write(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".md"), ToMarkdown());
        File.WriteAllText(Path.Combine(folder, name + ".csv"), ToCsv());
    }

    /// <summary>Fixed-point with invariant culture; NaN (a missing figure) becomes an en dash.</summary>
    public static string Number(double value, int decimals) =>
        double.IsNaN(value) ? "–" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string EscapeMarkdown(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");

    private static string EscapeCsv(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
