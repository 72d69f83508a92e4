namespace GraphMtl.Data.Molecules;

/// <summary>Orbital hybridisation, as RDKit perceives it (see <c>docs/molecules.md</c> for the rules).</summary>
public enum Hybridization
{
    /// <summary>Not determined (wildcard atoms).</summary>
    Unspecified = 0,

    /// <summary>s (isolated ions such as Na+, hydrogen, heavy elements Z ≥ 89).</summary>
    S = 1,

    /// <summary>sp.</summary>
    SP = 2,

    /// <summary>sp2.</summary>
    SP2 = 3,

    /// <summary>sp3.</summary>
    SP3 = 4,

    /// <summary>sp3d.</summary>
    SP3D = 5,

    /// <summary>sp3d2.</summary>
    SP3D2 = 6,
}
