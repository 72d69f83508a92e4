namespace GraphMtl.Data.Molecules;

/// <summary>
/// A perceived molecular graph: atoms and bonds with RDKit-style ring, aromaticity, hybridisation, conjugation and
/// stereo information. Hydrogens are implicit (counted in <see cref="Atom.TotalHydrogens"/>) except isotopic, charged
/// or otherwise special hydrogen atoms, which stay graph atoms as RDKit keeps them. Create one with
/// <see cref="SmilesParser.Parse"/>.
/// </summary>
public sealed class Molecule
{
    private readonly Atom[] _atoms;
    private readonly Bond[] _bonds;
    private readonly int[][] _atomBonds;
    private readonly int[][] _rings;

    internal Molecule(string smiles, Atom[] atoms, Bond[] bonds, int[][] rings)
    {
        Smiles = smiles;
        _atoms = atoms;
        _bonds = bonds;
        _rings = rings;
        var counts = new int[atoms.Length];
        foreach (var b in bonds)
        {
            counts[b.Begin]++;
            counts[b.End]++;
        }
        _atomBonds = new int[atoms.Length][];
        for (int a = 0; a < atoms.Length; a++) _atomBonds[a] = new int[counts[a]];
        Array.Clear(counts);
        for (int i = 0; i < bonds.Length; i++)
        {
            _atomBonds[bonds[i].Begin][counts[bonds[i].Begin]++] = i;
            _atomBonds[bonds[i].End][counts[bonds[i].End]++] = i;
        }
    }

    /// <summary>The SMILES this molecule was parsed from (empty for derived molecules such as scaffolds).</summary>
    public string Smiles { get; }

    /// <summary>Atoms in input order (explicit plain hydrogens removed).</summary>
    public IReadOnlyList<Atom> Atoms => _atoms;

    /// <summary>Bonds in creation order (ring-closure bonds when the ring closes, as RDKit numbers them).</summary>
    public IReadOnlyList<Bond> Bonds => _bonds;

    /// <summary>Number of graph atoms.</summary>
    public int AtomCount => _atoms.Length;

    /// <summary>Number of bonds.</summary>
    public int BondCount => _bonds.Length;

    /// <summary>Graph atoms with Z &gt; 1 (hydrogen and the wildcard do not count), as RDKit's <c>GetNumHeavyAtoms</c>.</summary>
    public int HeavyAtomCount
    {
        get
        {
            int n = 0;
            foreach (var a in _atoms)
                if (a.AtomicNumber > 1) n++;
            return n;
        }
    }

    /// <summary>Smallest set of smallest rings, each as atom indices in ring order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rings => _rings;

    /// <summary>Indices of the bonds at <paramref name="atom"/>, in bond order.</summary>
    public IReadOnlyList<int> BondsOf(int atom) => _atomBonds[atom];

    /// <summary>Number of graph neighbours of <paramref name="atom"/>.</summary>
    public int Degree(int atom) => _atomBonds[atom].Length;

    /// <summary>Graph neighbours plus hydrogens: RDKit's total degree.</summary>
    public int TotalDegree(int atom) => _atomBonds[atom].Length + _atoms[atom].TotalHydrogens;

    /// <summary>Sum of hydrogens over all atoms, plus hydrogen atoms kept in the graph.</summary>
    public int TotalHydrogenCount
    {
        get
        {
            int n = 0;
            foreach (var a in _atoms) n += a.TotalHydrogens + (a.AtomicNumber == 1 ? 1 : 0);
            return n;
        }
    }

    /// <summary>Canonical string key of this molecule (see <see cref="CanonicalSmiles"/>); stereo is ignored.</summary>
    public string CanonicalKey() => CanonicalSmiles.Write(this);

    /// <inheritdoc/>
    public override string ToString() => Smiles.Length > 0 ? Smiles : CanonicalKey();

    internal int[][] AtomBondTable => _atomBonds;
}
