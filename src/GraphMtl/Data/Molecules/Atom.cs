namespace GraphMtl.Data.Molecules;

/// <summary>One atom of a parsed, perceived <see cref="Molecule"/>.</summary>
/// <param name="AtomicNumber">Z; 0 for the wildcard <c>*</c>.</param>
/// <param name="Isotope">Mass number, 0 when none was written.</param>
/// <param name="FormalCharge">Formal charge.</param>
/// <param name="TotalHydrogens">Implicit plus explicit hydrogens (hydrogen atoms kept as graph atoms are not counted).</param>
/// <param name="IsAromatic">Aromatic, from lower-case input or perceived.</param>
/// <param name="Chirality">Tetrahedral tag in RDKit's convention, cleared on atoms that are not stereocentres.</param>
/// <param name="Hybridization">Perceived hybridisation.</param>
/// <param name="IsInRing">Member of at least one ring.</param>
/// <param name="AtomClass">SMILES atom class (<c>[CH3:5]</c>), 0 when none.</param>
/// <param name="Mass">Atomic mass: the isotope's mass when given, else the standard atomic weight.</param>
public sealed record Atom(
    int AtomicNumber,
    int Isotope,
    int FormalCharge,
    int TotalHydrogens,
    bool IsAromatic,
    ChiralTag Chirality,
    Hybridization Hybridization,
    bool IsInRing,
    int AtomClass,
    double Mass)
{
    /// <summary>Element symbol ("*" for the wildcard).</summary>
    public string Symbol => Elements.Symbol(AtomicNumber);
}
