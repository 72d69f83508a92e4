namespace GraphMtl.Data.Molecules;

/// <summary>What <see cref="MoleculeNetCsv"/> does with a row whose SMILES does not parse.</summary>
public enum InvalidSmilesPolicy
{
    /// <summary>Leave the row out and record it in <see cref="MoleculeDataset.Skipped"/>.</summary>
    Skip,

    /// <summary>Throw a <see cref="DataFormatException"/> naming file and line.</summary>
    Fail,
}
