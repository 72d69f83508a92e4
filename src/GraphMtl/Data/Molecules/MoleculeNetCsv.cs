using System.Globalization;

namespace GraphMtl.Data.Molecules;

/// <summary>
/// Loads MoleculeNet multi-task CSV files in chemprop's layout (header row; SMILES in the first or a named column;
/// one 0/1 column per task, empty cell = missing). Quoted fields follow RFC 4180; <c>.gz</c> files are read
/// transparently. Errors are <see cref="DataFormatException"/>s naming file and line.
/// </summary>
public static class MoleculeNetCsv
{
    /// <summary>Loads <paramref name="path"/> with <paramref name="options"/> (defaults when null).</summary>
    public static MoleculeDataset Load(string path, MoleculeNetCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new MoleculeNetCsvOptions();
        string[]? header = null;
        int smilesColumn = 0;
        int[] taskColumns = [];
        string[] taskNames = [];
        var smiles = new List<string>();
        var molecules = new List<Molecule>();
        var labels = new List<sbyte>();
        var lines = new List<int>();
        var skipped = new List<SkippedRow>();
        var seenKeys = options.DropDuplicates ? new Dictionary<string, int>(StringComparer.Ordinal) : null;

        foreach (var (lineNumber, text) in TextLines.Read(path))
        {
            if (header is null)
            {
                header = [.. CsvRow.Split(text, path, lineNumber)];
                (smilesColumn, taskColumns, taskNames) = ResolveColumns(header, options, path, lineNumber);
                continue;
            }
            if (text.Length == 0) continue;
            var fields = CsvRow.Split(text, path, lineNumber);
            if (fields.Count != header.Length)
                throw new DataFormatException(path, lineNumber, $"expected {header.Length} comma-separated fields as in the header (got {fields.Count})");

            var rowLabels = new sbyte[taskColumns.Length];
            for (int t = 0; t < taskColumns.Length; t++)
                rowLabels[t] = ParseLabel(fields[taskColumns[t]], path, lineNumber, taskNames[t]);

            string smi = fields[smilesColumn].Trim();
            Molecule molecule;
            try
            {
                molecule = SmilesParser.Parse(smi);
            }
            catch (SmilesException e)
            {
                if (options.InvalidSmiles == InvalidSmilesPolicy.Fail)
                    throw new DataFormatException(path, lineNumber, $"expected a valid SMILES in column '{header[smilesColumn]}' (got {e.Message})");
                skipped.Add(new SkippedRow(lineNumber, smi, e.Message));
                continue;
            }
            if (options.DropTrivialMolecules && (molecule.HeavyAtomCount <= 1 || molecule.BondCount == 0))
            {
                skipped.Add(new SkippedRow(lineNumber, smi, molecule.HeavyAtomCount <= 1 ? "at most one heavy atom" : "no bonds"));
                continue;
            }
            if (seenKeys is not null)
            {
                string key = molecule.CanonicalKey();
                if (seenKeys.TryGetValue(key, out int firstLine))
                {
                    skipped.Add(new SkippedRow(lineNumber, smi, $"duplicate of line {firstLine}"));
                    continue;
                }
                seenKeys[key] = lineNumber;
            }
            smiles.Add(smi);
            molecules.Add(molecule);
            labels.AddRange(rowLabels);
            lines.Add(lineNumber);
        }
        if (header is null) throw new DataFormatException(path, 0, "expected a header row (got an empty file)");
        return new MoleculeDataset(path, [.. smiles], [.. molecules], taskNames, [.. labels], [.. lines], [.. skipped]);
    }

    private static (int Smiles, int[] Tasks, string[] Names) ResolveColumns(string[] header, MoleculeNetCsvOptions options, string path, int line)
    {
        for (int i = 0; i < header.Length; i++) header[i] = header[i].Trim();
        int Find(string name)
        {
            int idx = Array.IndexOf(header, name);
            if (idx < 0)
                throw new DataFormatException(path, line, $"expected a column named '{name}' (got columns {string.Join(", ", header.Select(h => $"'{TextLines.Shorten(h)}'"))})");
            return idx;
        }
        int smilesColumn = options.SmilesColumn is null ? 0 : Find(options.SmilesColumn);
        int[] tasks;
        if (options.TaskColumns is null)
            tasks = Enumerable.Range(0, header.Length).Where(i => i != smilesColumn).ToArray();
        else
        {
            tasks = options.TaskColumns.Select(Find).ToArray();
            if (tasks.Contains(smilesColumn))
                throw new DataFormatException(path, line, $"expected task columns other than the SMILES column (got '{header[smilesColumn]}' in both)");
        }
        if (tasks.Length == 0) throw new DataFormatException(path, line, "expected at least one task column (got none)");
        return (smilesColumn, tasks, tasks.Select(i => header[i]).ToArray());
    }

    private static sbyte ParseLabel(string field, string path, int line, string column)
    {
        var text = field.AsSpan().Trim();
        if (text.IsEmpty) return MoleculeDataset.Missing;
        if (text.Length == 1 && (text[0] == '0' || text[0] == '1')) return (sbyte)(text[0] - '0');
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && (v == 0 || v == 1)) return (sbyte)v;
        throw new DataFormatException(path, line, $"expected 0, 1 or an empty cell in column '{column}' (got '{TextLines.Shorten(field)}')");
    }
}
