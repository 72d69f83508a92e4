namespace GraphMtl.Data.MultiLabel;

/// <summary>
/// Examples × T binary tasks with missing labels, whatever the inputs are (molecules from a MoleculeNet CSV, feature
/// rows from a MULAN ARFF): the shared data of the <c>multilabel</c> experiment (direct, concat and MetaLink heads,
/// and later GCNet/SGNN-EBM). Labels are row-major <c>sbyte</c> [Count × TaskCount] with 1, 0 or
/// <see cref="Missing"/> (−1).
/// </summary>
public sealed class MultiLabelDataset
{
    /// <summary>Label value of a missing cell.</summary>
    public const sbyte Missing = -1;

    /// <summary>Creates the dataset; <paramref name="labels"/> holds one row of <paramref name="taskNames"/>.Count labels per example.</summary>
    public MultiLabelDataset(string name, string source, ExampleInputs inputs, IReadOnlyList<string> taskNames, sbyte[] labels,
        IReadOnlyList<string>? scaffoldKeys = null, IReadOnlyList<string>? identifiers = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(taskNames);
        ArgumentNullException.ThrowIfNull(labels);
        if (taskNames.Count == 0) throw new ArgumentException("expected at least one task (got none)", nameof(taskNames));
        if (labels.Length != inputs.Count * taskNames.Count)
            throw new ArgumentException($"expected {inputs.Count} × {taskNames.Count} labels (got {labels.Length})", nameof(labels));
        foreach (sbyte v in labels)
            if (v is not (0 or 1 or Missing)) throw new ArgumentException($"expected labels 0, 1 or {Missing} (got {v})", nameof(labels));
        if (scaffoldKeys is not null && scaffoldKeys.Count != inputs.Count)
            throw new ArgumentException($"expected one scaffold key per example ({inputs.Count}, got {scaffoldKeys.Count})", nameof(scaffoldKeys));
        if (identifiers is not null && identifiers.Count != inputs.Count)
            throw new ArgumentException($"expected one identifier per example ({inputs.Count}, got {identifiers.Count})", nameof(identifiers));
        Name = name;
        Source = source;
        Inputs = inputs;
        TaskNames = taskNames;
        Labels = labels;
        ScaffoldKeys = scaffoldKeys;
        Identifiers = identifiers;
    }

    /// <summary>Short dataset name for reports (e.g. <c>tox21</c>).</summary>
    public string Name { get; }

    /// <summary>The file(s) the data came from.</summary>
    public string Source { get; }

    /// <summary>The inputs (molecules or feature rows).</summary>
    public ExampleInputs Inputs { get; }

    /// <summary>Task names in column order.</summary>
    public IReadOnlyList<string> TaskNames { get; }

    /// <summary>Row-major labels [Count × TaskCount]: 1, 0 or <see cref="Missing"/>.</summary>
    public sbyte[] Labels { get; }

    /// <summary>Bemis–Murcko scaffold key per example (molecules only; null otherwise).</summary>
    public IReadOnlyList<string>? ScaffoldKeys { get; }

    /// <summary>A readable id per example (the SMILES for molecules), or null.</summary>
    public IReadOnlyList<string>? Identifiers { get; }

    /// <summary>Known task-relation structure shipped with the data (the synthetic DAG benchmark's true DAG and heuristic graph), or null.</summary>
    public TaskGraphs.TaskStructure? Structure { get; init; }

    /// <summary>
    /// Row-major [Count × TaskCount] flags of the label cells that were set by an intervention rather than produced by
    /// their task's mechanism (the synthetic DAG benchmark's interventional rows), or null for observational data.
    /// GCNet's SCM leaves these cells out of its reconstruction loss; every other part treats them as ordinary labels.
    /// </summary>
    public bool[]? Interventions
    {
        get => _interventions;
        init
        {
            if (value is not null && value.Length != Labels.Length)
                throw new ArgumentException($"expected {Count} × {TaskCount} intervention flags (got {value.Length})", nameof(Interventions));
            _interventions = value;
        }
    }

    private readonly bool[]? _interventions;

    /// <summary>Number of examples.</summary>
    public int Count => Inputs.Count;

    /// <summary>Number of tasks.</summary>
    public int TaskCount => TaskNames.Count;

    /// <summary>Label of example <paramref name="row"/> on task <paramref name="task"/>.</summary>
    public sbyte Label(int row, int task) => Labels[row * TaskCount + task];

    /// <summary>Share of label cells that are present.</summary>
    public double LabelledFraction => Labels.Length == 0 ? 0 : (double)Labels.Count(v => v != Missing) / Labels.Length;
}
