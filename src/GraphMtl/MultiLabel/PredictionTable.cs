using System.Globalization;
using System.Text;
using GraphMtl.Data;
using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;

namespace GraphMtl.MultiLabel;

/// <summary>
/// The input and output of <c>gmtl predict --input FILE.csv</c> for multi-label runs: a CSV with a header, one row per
/// new example, its inputs (a SMILES column for molecule runs; every feature column by name for tabular runs, empty or
/// <c>?</c> = missing) and any of the task columns, where a filled cell (0 or 1) is a known label and an empty cell is
/// to be predicted. Other columns are copied. The output is the same table with the unknown cells of every task filled
/// with probabilities (tasks absent from the input are appended as columns) and an <c>error</c> column that names
/// rows whose SMILES did not parse (their cells stay empty).
/// </summary>
public sealed class PredictionTable
{
    private readonly string[] _header;
    private readonly List<string[]> _rows;
    private readonly int[] _taskColumn; // per task: column index in the output header
    private readonly int _errorColumn;

    private PredictionTable(string[] header, List<string[]> rows, int[] taskColumn, int errorColumn, ExampleInputs inputs, sbyte[] labels, int[] valid, string[] errors, int[] lines)
    {
        _header = header;
        _rows = rows;
        _taskColumn = taskColumn;
        _errorColumn = errorColumn;
        Inputs = inputs;
        Labels = labels;
        ValidRows = valid;
        Errors = errors;
        Lines = lines;
    }

    /// <summary>Inputs of the usable rows (in <see cref="ValidRows"/> order).</summary>
    public ExampleInputs Inputs { get; }

    /// <summary>Known labels of the usable rows, row-major [valid × T] (−1 = to predict).</summary>
    public sbyte[] Labels { get; }

    /// <summary>Table row of each usable example.</summary>
    public int[] ValidRows { get; }

    /// <summary>Per table row: the error that made it unusable, or null.</summary>
    public string[] Errors { get; }

    /// <summary>1-based file line of each table row.</summary>
    public int[] Lines { get; }

    /// <summary>Number of table rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Reads a molecule table: the SMILES column is <paramref name="smilesColumn"/> when given, else <c>smiles</c> (any case), else the first column.</summary>
    public static PredictionTable ReadMolecules(string path, IReadOnlyList<string> tasks, string? smilesColumn)
    {
        var (header, rows, lines) = ReadCsv(path);
        int smiles = smilesColumn is not null ? Column(header, smilesColumn, path)
            : Array.FindIndex(header, h => h.Equals("smiles", StringComparison.OrdinalIgnoreCase)) is var s and >= 0 ? s : 0;
        var (outHeader, taskColumn, errorColumn) = Layout(header, tasks);
        var graphs = new List<MolecularGraph>();
        var valid = new List<int>();
        var errors = new string[rows.Count];
        var labels = new List<sbyte>();
        for (int r = 0; r < rows.Count; r++)
        {
            var knownLabels = ParseLabels(rows[r], taskColumn, tasks, path, lines[r]);
            try
            {
                graphs.Add(MoleculeFeaturizer.Featurize(SmilesParser.Parse(rows[r][smiles].Trim())));
            }
            catch (SmilesException e)
            {
                errors[r] = e.Message;
                continue;
            }
            valid.Add(r);
            labels.AddRange(knownLabels);
        }
        return new PredictionTable(outHeader, rows, taskColumn, errorColumn, new MoleculeInputs(graphs), [.. labels], [.. valid], errors, lines);
    }

    /// <summary>Reads a tabular table: every feature of <paramref name="featureNames"/> must be a column (empty or <c>?</c> = missing).</summary>
    public static PredictionTable ReadTabular(string path, IReadOnlyList<string> tasks, IReadOnlyList<string> featureNames)
    {
        var (header, rows, lines) = ReadCsv(path);
        var featureColumn = featureNames.Select(f => Column(header, f, path)).ToArray();
        var (outHeader, taskColumn, errorColumn) = Layout(header, tasks);
        var features = new float[rows.Count * featureNames.Count];
        var labels = new List<sbyte>();
        for (int r = 0; r < rows.Count; r++)
        {
            labels.AddRange(ParseLabels(rows[r], taskColumn, tasks, path, lines[r]));
            for (int f = 0; f < featureColumn.Length; f++)
            {
                string v = rows[r][featureColumn[f]].Trim();
                features[r * featureColumn.Length + f] = v is "" or "?" ? float.NaN
                    : float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out float x) ? x
                    : throw new DataFormatException(path, lines[r], $"expected a number, empty or ? in column '{featureNames[f]}' (got '{TextLines.Shorten(v)}')");
            }
        }
        return new PredictionTable(outHeader, rows, taskColumn, errorColumn, new TabularInputs(features, featureNames), [.. labels],
            Enumerable.Range(0, rows.Count).ToArray(), new string[rows.Count], lines);
    }

    /// <summary>Writes the table with <paramref name="probabilities"/> ([valid × T], NaN where the label was known) in the empty task cells.</summary>
    public void Write(string path, float[] probabilities)
    {
        int tasks = _taskColumn.Length;
        var output = _rows.Select(r => r.Concat(Enumerable.Repeat("", _header.Length - r.Length)).ToArray()).ToList();
        for (int k = 0; k < ValidRows.Length; k++)
            for (int t = 0; t < tasks; t++)
            {
                float p = probabilities[k * tasks + t];
                if (!float.IsNaN(p)) output[ValidRows[k]][_taskColumn[t]] = p.ToString("0.######", CultureInfo.InvariantCulture);
            }
        for (int r = 0; r < output.Count; r++) output[r][_errorColumn] = Errors[r] ?? "";
        var text = new StringBuilder();
        text.AppendJoin(',', _header.Select(Quote)).Append('\n');
        foreach (var row in output) text.AppendJoin(',', row.Select(Quote)).Append('\n');
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text.ToString());
    }

    private static (string[] Header, List<string[]> Rows, int[] Lines) ReadCsv(string path)
    {
        string[]? header = null;
        var rows = new List<string[]>();
        var lines = new List<int>();
        foreach (var (line, text) in TextLines.Read(path))
        {
            if (header is null)
            {
                header = [.. CsvRow.Split(text, path, line).Select(h => h.Trim())];
                continue;
            }
            if (text.Length == 0) continue;
            var fields = CsvRow.Split(text, path, line);
            if (fields.Count != header.Length)
                throw new DataFormatException(path, line, $"expected {header.Length} comma-separated fields as in the header (got {fields.Count})");
            rows.Add([.. fields]);
            lines.Add(line);
        }
        if (header is null) throw new DataFormatException(path, 0, "expected a header row (got an empty file)");
        return (header, rows, [.. lines]);
    }

    private static int Column(string[] header, string name, string path)
    {
        int idx = Array.IndexOf(header, name);
        return idx >= 0 ? idx : throw new DataFormatException(path, 1,
            $"expected a column named '{name}' (got columns {string.Join(", ", header.Select(h => $"'{TextLines.Shorten(h)}'"))})");
    }

    // Output header: the input's columns, then tasks missing from it, then "error".
    private static (string[] Header, int[] TaskColumn, int ErrorColumn) Layout(string[] header, IReadOnlyList<string> tasks)
    {
        var output = header.ToList();
        var taskColumn = new int[tasks.Count];
        for (int t = 0; t < tasks.Count; t++)
        {
            int idx = output.IndexOf(tasks[t]);
            if (idx < 0)
            {
                idx = output.Count;
                output.Add(tasks[t]);
            }
            taskColumn[t] = idx;
        }
        int error = output.IndexOf("error");
        if (error < 0)
        {
            error = output.Count;
            output.Add("error");
        }
        return ([.. output], taskColumn, error);
    }

    private static sbyte[] ParseLabels(string[] row, int[] taskColumn, IReadOnlyList<string> tasks, string path, int line)
    {
        var labels = new sbyte[tasks.Count];
        for (int t = 0; t < tasks.Count; t++)
        {
            string v = taskColumn[t] < row.Length ? row[taskColumn[t]].Trim() : "";
            labels[t] = v switch
            {
                "" => MultiLabelDataset.Missing,
                "0" => 0,
                "1" => 1,
                _ when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d is 0 or 1 => (sbyte)d,
                _ => throw new DataFormatException(path, line, $"expected a known label 0 or 1, or an empty cell to predict, in column '{tasks[t]}' (got '{TextLines.Shorten(v)}')"),
            };
        }
        return labels;
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
