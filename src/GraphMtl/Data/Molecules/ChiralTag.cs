namespace GraphMtl.Data.Molecules;

/// <summary>
/// Tetrahedral chirality with RDKit's numbering, relative to RDKit's neighbour order (neighbours in the order their
/// bonds were created, an implicit hydrogen last). SMILES <c>@</c> is counter-clockwise and <c>@@</c> clockwise
/// relative to the SMILES neighbour order; the parser converts between the two orders.
/// </summary>
public enum ChiralTag
{
    /// <summary>No chirality, or chirality removed because the atom is not a stereocentre.</summary>
    Unspecified = 0,

    /// <summary>Clockwise (RDKit CHI_TETRAHEDRAL_CW).</summary>
    Clockwise = 1,

    /// <summary>Counter-clockwise (RDKit CHI_TETRAHEDRAL_CCW).</summary>
    CounterClockwise = 2,

    /// <summary>Other (RDKit CHI_OTHER); never produced from SMILES here.</summary>
    Other = 3,
}
