namespace GraphMtl.Data.Molecules;

/// <summary>Options of <see cref="MoleculeNetCsv.Load"/>.</summary>
public sealed record MoleculeNetCsvOptions
{
    /// <summary>Name of the SMILES column; null means the first column.</summary>
    public string? SmilesColumn { get; init; }

    /// <summary>Task columns in the order wanted; null means every column but the SMILES column, in file order.</summary>
    public IReadOnlyList<string>? TaskColumns { get; init; }

    /// <summary>What to do with rows whose SMILES does not parse (default: skip and record them).</summary>
    public InvalidSmilesPolicy InvalidSmiles { get; init; } = InvalidSmilesPolicy.Skip;

    /// <summary>
    /// Leave out molecules with at most one heavy atom or without bonds, as MetaLink's reference does (default
    /// false: keep them; MetaLink's pipeline turns this on).
    /// </summary>
    public bool DropTrivialMolecules { get; init; }

    /// <summary>
    /// Leave out rows whose molecule has the same canonical key (<see cref="CanonicalSmiles"/>, stereo ignored) as an
    /// earlier row, keeping the first (MetaLink's "canonicalise, drop duplicates"; default false).
    /// </summary>
    public bool DropDuplicates { get; init; }
}
