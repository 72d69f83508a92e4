namespace GraphMtl.Data.Molecules;

/// <summary>
/// A multi-task molecule dataset as loaded by <see cref="MoleculeNetCsv"/>: one SMILES and parsed
/// <see cref="Molecule"/> per row kept, the task names, and a row-major label matrix [Count × TaskCount] of
/// <c>sbyte</c> with 1 positive, 0 negative and <see cref="Missing"/> (−1) for an empty cell.
/// </summary>
public sealed class MoleculeDataset
{
    /// <summary>Label value of a missing (empty) cell.</summary>
    public const sbyte Missing = -1;

    private readonly string[] _smiles;
    private readonly Molecule[] _molecules;
    private readonly string[] _taskNames;
    private readonly int[] _lines;
    private readonly SkippedRow[] _skipped;

    internal MoleculeDataset(string source, string[] smiles, Molecule[] molecules, string[] taskNames, sbyte[] labels, int[] lines, SkippedRow[] skipped)
    {
        Source = source;
        _smiles = smiles;
        _molecules = molecules;
        _taskNames = taskNames;
        Labels = labels;
        _lines = lines;
        _skipped = skipped;
    }

    /// <summary>The file the rows came from.</summary>
    public string Source { get; }

    /// <summary>Number of rows kept.</summary>
    public int Count => _smiles.Length;

    /// <summary>Number of tasks (label columns).</summary>
    public int TaskCount => _taskNames.Length;

    /// <summary>SMILES of each row kept, as written in the file.</summary>
    public IReadOnlyList<string> Smiles => _smiles;

    /// <summary>Parsed molecule of each row kept.</summary>
    public IReadOnlyList<Molecule> Molecules => _molecules;

    /// <summary>Task (label column) names.</summary>
    public IReadOnlyList<string> TaskNames => _taskNames;

    /// <summary>Row-major labels [Count × TaskCount]: 1, 0, or <see cref="Missing"/>.</summary>
    public sbyte[] Labels { get; }

    /// <summary>1-based file line of each row kept.</summary>
    public IReadOnlyList<int> Lines => _lines;

    /// <summary>Rows left out (invalid SMILES, duplicates, trivial molecules), in file order.</summary>
    public IReadOnlyList<SkippedRow> Skipped => _skipped;

    /// <summary>Label of row <paramref name="row"/> for task <paramref name="task"/>.</summary>
    public sbyte Label(int row, int task) => Labels[row * TaskCount + task];

    /// <summary>Share of label cells that are present (not <see cref="Missing"/>).</summary>
    public double LabelledFraction
    {
        get
        {
            if (Labels.Length == 0) return 0;
            int present = 0;
            foreach (sbyte v in Labels)
                if (v != Missing) present++;
            return (double)present / Labels.Length;
        }
    }

    /// <summary>Chemprop and GIN features of every molecule (see <see cref="MoleculeFeaturizer"/>).</summary>
    public MolecularGraph[] Featurize()
    {
        var graphs = new MolecularGraph[_molecules.Length];
        for (int i = 0; i < graphs.Length; i++) graphs[i] = MoleculeFeaturizer.Featurize(_molecules[i]);
        return graphs;
    }

    /// <summary>Bemis–Murcko scaffold key of every molecule ("" for acyclic ones).</summary>
    public string[] ScaffoldKeys()
    {
        var keys = new string[_molecules.Length];
        for (int i = 0; i < keys.Length; i++) keys[i] = MurckoScaffold.ScaffoldKey(_molecules[i]);
        return keys;
    }
}
