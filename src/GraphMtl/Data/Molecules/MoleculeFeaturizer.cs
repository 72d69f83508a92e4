namespace GraphMtl.Data.Molecules;

/// <summary>
/// Chemprop-style features (MetaLink's molecule backbone) and the categorical GIN inputs of Hu et al. 2020
/// ("Strategies for Pre-training Graph Neural Networks", ICLR 2020), used by GCNet.
/// </summary>
/// <remarks>
/// Atom (133): one-hots, each with a final "unknown" slot, of Z − 1 ∈ 0..99 (101), total degree 0..5 (7), formal
/// charge in the order −1, −2, +1, +2, 0 (6), chiral tag 0..3 (5), total H 0..4 (6), hybridisation SP, SP2, SP3,
/// SP3D, SP3D2 (6); then the aromatic flag (1) and mass × 0.01 (1).
/// Bond (14): [no-bond flag (0 for real bonds), single, double, triple, aromatic, conjugated, in ring] and the
/// stereo one-hot over 0..5 plus unknown (7).
/// </remarks>
public static class MoleculeFeaturizer
{
    /// <summary>Length of a chemprop atom feature vector.</summary>
    public const int AtomFeatureDim = 133;

    /// <summary>Length of a chemprop bond feature vector.</summary>
    public const int BondFeatureDim = 14;

    /// <summary>Number of GIN atomic-number ids (Z 1..118 as 0..117, plus the wildcard/unknown id).</summary>
    public const int AtomicNumberIdCount = 119;

    /// <summary>GIN atomic-number id of the wildcard <c>*</c>.</summary>
    public const int UnknownAtomicNumberId = 118;

    /// <summary>Number of GIN chirality ids (unspecified, CW, CCW, other).</summary>
    public const int ChiralityIdCount = 4;

    /// <summary>Number of GIN bond-type ids (single, double, triple, aromatic).</summary>
    public const int BondTypeIdCount = 4;

    /// <summary>Number of GIN bond-direction ids (none, end-up-right, end-down-right).</summary>
    public const int BondDirectionIdCount = 3;

    // Block offsets within the atom vector.
    internal const int AtomicNumberOffset = 0;      // 101
    internal const int DegreeOffset = 101;          // 7
    internal const int ChargeOffset = 108;          // 6
    internal const int ChiralOffset = 114;          // 5
    internal const int HydrogenOffset = 119;        // 6
    internal const int HybridizationOffset = 125;   // 6
    internal const int AromaticOffset = 131;
    internal const int MassOffset = 132;

    /// <summary>Featurises every atom and bond of <paramref name="molecule"/>.</summary>
    public static MolecularGraph Featurize(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        int n = molecule.AtomCount;
        int m = molecule.BondCount;
        var atomFeatures = new float[n * AtomFeatureDim];
        var atomicIds = new int[n];
        var chiralIds = new int[n];
        for (int a = 0; a < n; a++)
        {
            WriteAtomFeatures(molecule, a, atomFeatures.AsSpan(a * AtomFeatureDim, AtomFeatureDim));
            var atom = molecule.Atoms[a];
            atomicIds[a] = atom.AtomicNumber is >= 1 and <= 118 ? atom.AtomicNumber - 1 : UnknownAtomicNumberId;
            chiralIds[a] = (int)atom.Chirality;
        }
        var src = new int[2 * m];
        var dst = new int[2 * m];
        var edgeFeatures = new float[2 * m * BondFeatureDim];
        var typeIds = new int[2 * m];
        var dirIds = new int[2 * m];
        for (int b = 0; b < m; b++)
        {
            var bond = molecule.Bonds[b];
            src[2 * b] = dst[2 * b + 1] = bond.Begin;
            dst[2 * b] = src[2 * b + 1] = bond.End;
            var row = edgeFeatures.AsSpan(2 * b * BondFeatureDim, BondFeatureDim);
            WriteBondFeatures(bond, row);
            row.CopyTo(edgeFeatures.AsSpan((2 * b + 1) * BondFeatureDim, BondFeatureDim));
            typeIds[2 * b] = typeIds[2 * b + 1] = bond.Type switch
            {
                BondType.Single => 0,
                BondType.Double => 1,
                BondType.Aromatic => 3,
                _ => 2, // triple, and the rare quadruple
            };
            dirIds[2 * b] = dirIds[2 * b + 1] = (int)bond.Direction;
        }
        return new MolecularGraph(n, atomFeatures, src, dst, edgeFeatures, atomicIds, chiralIds, typeIds, dirIds);
    }

    /// <summary>Writes the 133 atom features of atom <paramref name="atom"/> into <paramref name="destination"/>.</summary>
    public static void WriteAtomFeatures(Molecule molecule, int atom, Span<float> destination)
    {
        if (destination.Length < AtomFeatureDim) throw new ArgumentException($"expected a span of at least {AtomFeatureDim} (got {destination.Length})", nameof(destination));
        var f = destination[..AtomFeatureDim];
        f.Clear();
        var a = molecule.Atoms[atom];
        f[AtomicNumberOffset + OneHot(a.AtomicNumber - 1, 0, 99)] = 1;
        f[DegreeOffset + OneHot(molecule.TotalDegree(atom), 0, 5)] = 1;
        int chargeSlot = a.FormalCharge switch { -1 => 0, -2 => 1, 1 => 2, 2 => 3, 0 => 4, _ => 5 };
        f[ChargeOffset + chargeSlot] = 1;
        f[ChiralOffset + OneHot((int)a.Chirality, 0, 3)] = 1;
        f[HydrogenOffset + OneHot(a.TotalHydrogens, 0, 4)] = 1;
        int hybridSlot = a.Hybridization switch
        {
            Hybridization.SP => 0,
            Hybridization.SP2 => 1,
            Hybridization.SP3 => 2,
            Hybridization.SP3D => 3,
            Hybridization.SP3D2 => 4,
            _ => 5,
        };
        f[HybridizationOffset + hybridSlot] = 1;
        f[AromaticOffset] = a.IsAromatic ? 1 : 0;
        f[MassOffset] = (float)(a.Mass * 0.01);
    }

    /// <summary>Writes the 14 bond features of <paramref name="bond"/> into <paramref name="destination"/>.</summary>
    public static void WriteBondFeatures(Bond bond, Span<float> destination)
    {
        if (destination.Length < BondFeatureDim) throw new ArgumentException($"expected a span of at least {BondFeatureDim} (got {destination.Length})", nameof(destination));
        var f = destination[..BondFeatureDim];
        f.Clear();
        f[1] = bond.Type == BondType.Single ? 1 : 0;
        f[2] = bond.Type == BondType.Double ? 1 : 0;
        f[3] = bond.Type == BondType.Triple ? 1 : 0;
        f[4] = bond.Type == BondType.Aromatic ? 1 : 0;
        f[5] = bond.IsConjugated ? 1 : 0;
        f[6] = bond.IsInRing ? 1 : 0;
        f[7 + OneHot((int)bond.Stereo, 0, 5)] = 1;
    }

    /// <summary>Slot of <paramref name="value"/> in a one-hot over lo..hi with a final unknown slot.</summary>
    private static int OneHot(int value, int lo, int hi) => value >= lo && value <= hi ? value - lo : hi - lo + 1;
}
