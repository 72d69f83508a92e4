namespace GraphMtl.Data.Molecules;

/// <summary>
/// Bemis–Murcko scaffolds (Bemis &amp; Murcko, "The properties of known drugs. 1. Molecular frameworks", J. Med. Chem.
/// 1996): ring systems plus the linkers between them, after iteratively removing terminal side-chain atoms.
/// </summary>
/// <remarks>
/// As RDKit's <c>MurckoScaffold.GetScaffoldForMol</c> does, an atom outside the core that is double-bonded to a
/// ring or linker atom is kept (ring C=O, exocyclic C=C); its own substituents are removed. Atoms that lose
/// substituents gain hydrogens as in RDKit (aromatic heteroatoms get one, [nH]; neutral organic-subset atoms refill
/// their valence; charged and metal atoms keep their count), charges stay, and chirality is ignored.
/// Acyclic molecules have the empty scaffold <c>""</c>.
/// </remarks>
public static class MurckoScaffold
{
    /// <summary>The scaffold as a molecule, or null when <paramref name="molecule"/> has no ring.</summary>
    public static Molecule? Scaffold(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        int n = molecule.AtomCount;
        bool anyRing = false;
        foreach (var a in molecule.Atoms) anyRing |= a.IsInRing;
        if (!anyRing) return null;

        // Iteratively strip non-ring atoms with at most one remaining neighbour.
        var alive = new bool[n];
        var degree = new int[n];
        var queue = new Queue<int>();
        for (int a = 0; a < n; a++)
        {
            alive[a] = true;
            degree[a] = molecule.Degree(a);
        }
        for (int a = 0; a < n; a++)
            if (!molecule.Atoms[a].IsInRing && degree[a] <= 1) queue.Enqueue(a);
        while (queue.Count > 0)
        {
            int a = queue.Dequeue();
            if (!alive[a]) continue;
            alive[a] = false;
            foreach (int b in molecule.BondsOf(a))
            {
                int o = molecule.Bonds[b].Other(a);
                if (!alive[o]) continue;
                degree[o]--;
                if (!molecule.Atoms[o].IsInRing && degree[o] <= 1) queue.Enqueue(o);
            }
        }

        // Keep exocyclic double-bonded atoms of the core (ring C=O, C=C, C=N, S=O of rings and linkers).
        var keep = (bool[])alive.Clone();
        for (int a = 0; a < n; a++)
        {
            if (alive[a]) continue;
            foreach (int b in molecule.BondsOf(a))
            {
                var bond = molecule.Bonds[b];
                if (bond.Type == BondType.Double && alive[bond.Other(a)]) keep[a] = true;
            }
        }
        return Subgraph(molecule, keep, alive);
    }

    /// <summary>Canonical SMILES of the scaffold (no stereo), or "" for acyclic molecules.</summary>
    public static string ScaffoldKey(Molecule molecule)
    {
        var scaffold = Scaffold(molecule);
        return scaffold is null ? "" : CanonicalSmiles.Write(scaffold);
    }

    /// <summary>The kept atoms with removed neighbours replaced by hydrogens, chirality and stereo dropped.</summary>
    internal static Molecule Subgraph(Molecule molecule, bool[] keep, bool[] core)
    {
        int n = molecule.AtomCount;
        var index = new int[n];
        int count = 0;
        for (int a = 0; a < n; a++) index[a] = keep[a] ? count++ : -1;
        var extraH = new int[n];
        var keptValence = new int[n];
        var bonds = new List<Bond>();
        foreach (var bond in molecule.Bonds)
        {
            bool kb = keep[bond.Begin], ke = keep[bond.End];
            if (kb && ke)
            {
                keptValence[bond.Begin] += MoleculePerception.Valence(bond.Type);
                keptValence[bond.End] += MoleculePerception.Valence(bond.Type);
                bonds.Add(bond with { Begin = index[bond.Begin], End = index[bond.End], Direction = BondDirection.None, Stereo = BondStereo.None });
            }
            else if (kb != ke)
            {
                int kept = kb ? bond.Begin : bond.End;
                extraH[kept] += MoleculePerception.Valence(bond.Type);
            }
        }
        var atoms = new Atom[count];
        for (int a = 0; a < n; a++)
        {
            if (!keep[a]) continue;
            var atom = molecule.Atoms[a];
            int h = atom.TotalHydrogens;
            if (extraH[a] > 0)
            {
                // As RDKit's MurckoDecompose: a core atom that lost a substituent is an aromatic heteroatom with one
                // explicit H ([nH]) or gets its hydrogens recomputed from its valence ([N+](C)(C) -> [NH2+]); an
                // exocyclic atom kept for its double bond keeps a bracket atom's count and refills otherwise.
                if (core[a] && atom.IsAromatic && atom.AtomicNumber != 6) h = 1;
                else if (core[a] || (atom.FormalCharge == 0 && Elements.IsOrganicSubset(atom.AtomicNumber)))
                    h = ValenceHydrogens(atom, keptValence[a]);
            }
            atoms[index[a]] = atom with { TotalHydrogens = h, Chirality = ChiralTag.Unspecified, AtomClass = 0 };
        }
        var rings = new List<int[]>();
        foreach (var ring in molecule.Rings)
        {
            bool all = true;
            foreach (int a in ring) all &= keep[a];
            if (all) rings.Add(ring.Select(a => index[a]).ToArray());
        }
        return new Molecule("", atoms, [.. bonds], [.. rings]);
    }

    /// <summary>Hydrogens that fill the smallest allowed valence, aromatic atoms counting one for their pi bond.</summary>
    private static int ValenceHydrogens(Atom atom, int heavyValence)
    {
        int z = atom.AtomicNumber;
        if (atom.IsAromatic && atom.FormalCharge == 0 && Elements.IsOrganicSubset(z))
            return MoleculePerception.OrganicHydrogens(z, true, heavyValence).Hydrogens;
        var valences = Elements.ChargedValences(z, atom.FormalCharge);
        if (z == 0 || valences[0] == -1) return 0;
        int used = heavyValence + (atom.IsAromatic ? 1 : 0);
        foreach (int v in valences)
            if (v >= used) return v - used;
        return 0;
    }
}
