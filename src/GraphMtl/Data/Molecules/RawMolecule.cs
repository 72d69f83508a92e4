namespace GraphMtl.Data.Molecules;

/// <summary>
/// The graph exactly as written in a SMILES string, before perception: one entry per atom and bond in the order the
/// parser created them. Hydrogen counts of organic-subset atoms are still to be computed (-1).
/// </summary>
internal sealed class RawMolecule
{
    /// <summary>Marker for an implicit or bracket hydrogen in <see cref="SmilesOrder"/>.</summary>
    public const int HydrogenMarker = -2;

    public readonly List<int> AtomicNumber = [];
    public readonly List<int> Isotope = [];
    public readonly List<int> Charge = [];
    /// <summary>Bracket hydrogen count, or -1 for organic-subset atoms (implicit hydrogens to be computed).</summary>
    public readonly List<int> Hydrogens = [];
    public readonly List<bool> Aromatic = [];
    /// <summary>0 none, 1 <c>@</c>, 2 <c>@@</c>, relative to <see cref="SmilesOrder"/>.</summary>
    public readonly List<int> Chirality = [];
    public readonly List<int> AtomClass = [];
    public readonly List<bool> Bracket = [];
    /// <summary>Neighbours in SMILES order (preceding atom, bracket H, ring closures, branches, next atom).</summary>
    public readonly List<List<int>> SmilesOrder = [];

    public readonly List<int> BondBegin = [];
    public readonly List<int> BondEnd = [];
    public readonly List<BondType> BondOrder = [];
    public readonly List<BondDirection> BondDir = [];
    /// <summary>True when no bond symbol was written (the type follows from the atoms' aromaticity).</summary>
    public readonly List<bool> BondImplicit = [];

    public int AtomCount => AtomicNumber.Count;

    public int BondCount => BondBegin.Count;

    public int AddAtom(int z, int isotope, int charge, int hydrogens, bool aromatic, int chirality, int atomClass, bool bracket)
    {
        AtomicNumber.Add(z);
        Isotope.Add(isotope);
        Charge.Add(charge);
        Hydrogens.Add(hydrogens);
        Aromatic.Add(aromatic);
        Chirality.Add(chirality);
        AtomClass.Add(atomClass);
        Bracket.Add(bracket);
        SmilesOrder.Add([]);
        return AtomicNumber.Count - 1;
    }

    public int AddBond(int begin, int end, BondType order, BondDirection dir, bool isImplicit)
    {
        BondBegin.Add(begin);
        BondEnd.Add(end);
        BondOrder.Add(order);
        BondDir.Add(dir);
        BondImplicit.Add(isImplicit);
        return BondBegin.Count - 1;
    }

    private readonly List<(int Number, int Begin, int End, BondType Order, BondDirection Dir, bool Implicit)> _ringBonds = [];

    /// <summary>
    /// Queues a ring-closure bond. RDKit numbers ring-closure bonds after all chain and branch bonds, sorted by ring
    /// number and then in closing order, each from the closing atom to the opening one; <see cref="FinishRingBonds"/>
    /// appends them so.
    /// </summary>
    public void AddRingBond(int number, int closing, int opening, BondType order, BondDirection dir, bool isImplicit) =>
        _ringBonds.Add((number, closing, opening, order, dir, isImplicit));

    public void FinishRingBonds()
    {
        foreach (var r in _ringBonds.OrderBy(r => r.Number)) AddBond(r.Begin, r.End, r.Order, r.Dir, r.Implicit);
        _ringBonds.Clear();
    }

    public bool HasBond(int a, int b)
    {
        for (int i = 0; i < BondBegin.Count; i++)
            if ((BondBegin[i] == a && BondEnd[i] == b) || (BondBegin[i] == b && BondEnd[i] == a)) return true;
        foreach (var r in _ringBonds)
            if ((r.Begin == a && r.End == b) || (r.Begin == b && r.End == a)) return true;
        return false;
    }
}
