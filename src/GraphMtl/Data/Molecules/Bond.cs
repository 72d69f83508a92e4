namespace GraphMtl.Data.Molecules;

/// <summary>One bond of a parsed, perceived <see cref="Molecule"/>; <see cref="Begin"/> is the atom written first.</summary>
/// <param name="Begin">Index of the first atom.</param>
/// <param name="End">Index of the second atom.</param>
/// <param name="Type">Bond order, aromatic after perception.</param>
/// <param name="Direction">Direction mark (<c>/</c>, <c>\</c>) as written, from <see cref="Begin"/> to <see cref="End"/>.</param>
/// <param name="Stereo">E/Z of a double bond, derived from the direction marks.</param>
/// <param name="IsConjugated">Conjugated, by RDKit's rules.</param>
/// <param name="IsInRing">Member of at least one ring.</param>
public sealed record Bond(
    int Begin,
    int End,
    BondType Type,
    BondDirection Direction,
    BondStereo Stereo,
    bool IsConjugated,
    bool IsInRing)
{
    /// <summary>True for aromatic bonds.</summary>
    public bool IsAromatic => Type == BondType.Aromatic;

    /// <summary>The atom at the other end from <paramref name="atom"/>.</summary>
    public int Other(int atom) => atom == Begin ? End : Begin;
}
