namespace GraphMtl.Data.Molecules;

/// <summary>Double-bond stereo with RDKit's numbering (the values are the chemprop one-hot positions).</summary>
public enum BondStereo
{
    /// <summary>No stereo (RDKit STEREONONE).</summary>
    None = 0,

    /// <summary>Stereo unknown (RDKit STEREOANY); never produced from SMILES here.</summary>
    Any = 1,

    /// <summary>Z: the higher-ranked neighbours are on the same side (RDKit STEREOZ).</summary>
    Z = 2,

    /// <summary>E: the higher-ranked neighbours are on opposite sides (RDKit STEREOE).</summary>
    E = 3,

    /// <summary>Cis relative to stereo atoms (RDKit STEREOCIS); never produced from SMILES here.</summary>
    Cis = 4,

    /// <summary>Trans relative to stereo atoms (RDKit STEREOTRANS); never produced from SMILES here.</summary>
    Trans = 5,
}
