namespace GraphMtl.Data.Molecules;

/// <summary>
/// Direction mark of a single bond next to a double bond, from the bond's first-written atom to its second, as
/// RDKit's SMILES parser stores it (<c>/</c> is <see cref="EndUpRight"/>, <c>\</c> is <see cref="EndDownRight"/>).
/// </summary>
public enum BondDirection
{
    /// <summary>No direction mark.</summary>
    None = 0,

    /// <summary><c>/</c>: RDKit's ENDUPRIGHT.</summary>
    EndUpRight = 1,

    /// <summary><c>\</c>: RDKit's ENDDOWNRIGHT.</summary>
    EndDownRight = 2,
}
