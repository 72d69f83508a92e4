using System.Text;

namespace GraphMtl.Data.Molecules;

/// <summary>
/// Canonical SMILES used as an identity key (scaffold grouping, duplicate removal). Atoms are ranked by iterated
/// invariants (element, isotope, charge, hydrogens, aromaticity, degree; refined by neighbour ranks and bond
/// orders), ties are broken deterministically, and a depth-first writer visits neighbours in rank order.
/// Isomorphic molecules get the same string whatever their input atom order; stereo (chirality, E/Z) is not written.
/// </summary>
/// <remarks>
/// The string is valid SMILES that <see cref="SmilesParser"/> reads back, but it is not RDKit's canonical SMILES.
/// Tie breaking picks the lowest-index atom of the lowest tied class; this is exact when tied atoms are
/// symmetry-equivalent, which iterated refinement guarantees for all but highly regular graphs (e.g. some cages).
/// </remarks>
public static class CanonicalSmiles
{
    /// <summary>Canonical SMILES of <paramref name="molecule"/> without stereo; fragments sorted and joined by '.'.</summary>
    public static string Write(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        int n = molecule.AtomCount;
        if (n == 0) return "";
        var ranks = Rank(molecule);
        var visited = new bool[n];
        var fragments = new List<string>();
        var byRank = new int[n];
        for (int a = 0; a < n; a++) byRank[a] = a;
        Array.Sort(byRank, (x, y) => ranks[x].CompareTo(ranks[y]));
        foreach (int start in byRank)
        {
            if (visited[start]) continue;
            fragments.Add(WriteFragment(molecule, ranks, start, visited));
        }
        fragments.Sort(StringComparer.Ordinal);
        return string.Join('.', fragments);
    }

    internal static int[] Rank(Molecule molecule)
    {
        int n = molecule.AtomCount;
        var initial = new long[n];
        var neighbours = new int[n][];
        var codes = new int[n][];
        for (int a = 0; a < n; a++)
        {
            var atom = molecule.Atoms[a];
            long v = atom.AtomicNumber;
            v = v * 1024 + Math.Clamp(atom.Isotope, 0, 1023);
            v = v * 64 + Math.Clamp(atom.FormalCharge + 32, 0, 63);
            v = v * 32 + Math.Min(atom.TotalHydrogens, 31);
            v = v * 2 + (atom.IsAromatic ? 1 : 0);
            v = v * 32 + Math.Min(molecule.Degree(a), 31);
            initial[a] = v;
            var bonds = molecule.BondsOf(a);
            neighbours[a] = new int[bonds.Count];
            codes[a] = new int[bonds.Count];
            for (int k = 0; k < bonds.Count; k++)
            {
                var bond = molecule.Bonds[bonds[k]];
                neighbours[a][k] = bond.Other(a);
                codes[a][k] = (int)bond.Type + 1;
            }
        }
        return AtomRanking.Canonical(initial, neighbours, codes);
    }

    private static string WriteFragment(Molecule mol, int[] ranks, int start, bool[] visited)
    {
        int n = mol.AtomCount;
        // Pass 1: DFS in rank order to find ring-closure bonds (back edges) and the tree children of each atom.
        var children = new List<int>[n];
        var closures = new List<int>?[n];
        var isClosure = new bool[mol.BondCount];
        var sortedBonds = new int[n][];
        var stack = new Stack<(int Atom, int ParentBond, int Next)>();
        visited[start] = true;
        stack.Push((start, -1, 0));
        var order = new List<int>();
        order.Add(start);
        while (stack.Count > 0)
        {
            var (a, parentBond, next) = stack.Pop();
            if (sortedBonds[a] is null)
            {
                var bonds = mol.BondsOf(a).ToArray();
                Array.Sort(bonds, (x, y) => ranks[mol.Bonds[x].Other(a)].CompareTo(ranks[mol.Bonds[y].Other(a)]));
                sortedBonds[a] = bonds;
                children[a] = [];
            }
            var sb = sortedBonds[a];
            if (next >= sb.Length) continue;
            stack.Push((a, parentBond, next + 1));
            int b = sb[next];
            if (b == parentBond || isClosure[b]) continue;
            int o = mol.Bonds[b].Other(a);
            if (visited[o])
            {
                // Back edge to an ancestor: a ring closure, opened at the ancestor and closed here.
                isClosure[b] = true;
                (closures[o] ??= []).Add(b);
                (closures[a] ??= []).Add(b);
                continue;
            }
            visited[o] = true;
            children[a].Add(b);
            order.Add(o);
            stack.Push((o, b, 0));
        }

        // Pass 2: write.
        var sbuf = new StringBuilder();
        var digitOf = new Dictionary<int, int>();
        var freeDigits = new SortedSet<int>(Enumerable.Range(1, 99));
        var written = new bool[n];
        var write = new Stack<(int Atom, int Bond, bool Open, bool Close)>();
        write.Push((start, -1, false, false));
        while (write.Count > 0)
        {
            var (a, viaBond, open, close) = write.Pop();
            if (close)
            {
                sbuf.Append(')');
                continue;
            }
            if (open) sbuf.Append('(');
            if (viaBond >= 0) sbuf.Append(BondSymbol(mol, mol.Bonds[viaBond]));
            AppendAtom(sbuf, mol, a);
            written[a] = true;
            if (closures[a] is { } rings)
            {
                foreach (int rb in rings)
                {
                    if (digitOf.TryGetValue(rb, out int d))
                    {
                        AppendDigit(sbuf, d);
                        digitOf.Remove(rb);
                        freeDigits.Add(d);
                    }
                    else
                    {
                        d = freeDigits.Min;
                        freeDigits.Remove(d);
                        digitOf[rb] = d;
                        sbuf.Append(BondSymbol(mol, mol.Bonds[rb]));
                        AppendDigit(sbuf, d);
                    }
                }
            }
            var kids = children[a];
            // Push in reverse so the lowest-ranked child is written first; all but the last go in branches.
            for (int k = kids.Count - 1; k >= 0; k--)
            {
                int child = mol.Bonds[kids[k]].Other(a);
                bool branch = k < kids.Count - 1;
                if (branch) write.Push((-1, -1, false, true));
                write.Push((child, kids[k], branch, false));
            }
        }
        return sbuf.ToString();
    }

    private static void AppendDigit(StringBuilder sb, int d)
    {
        if (d < 10) sb.Append((char)('0' + d));
        else sb.Append('%').Append(d.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string BondSymbol(Molecule mol, Bond bond)
    {
        bool bothAromatic = mol.Atoms[bond.Begin].IsAromatic && mol.Atoms[bond.End].IsAromatic;
        return bond.Type switch
        {
            BondType.Single => bothAromatic ? "-" : "",
            BondType.Double => "=",
            BondType.Triple => "#",
            BondType.Quadruple => "$",
            _ => bothAromatic ? "" : ":",
        };
    }

    private static void AppendAtom(StringBuilder sb, Molecule mol, int a)
    {
        var atom = mol.Atoms[a];
        int z = atom.AtomicNumber;
        string symbol = Elements.Symbol(z);
        if (atom.IsAromatic) symbol = symbol.ToLowerInvariant();
        bool organic = Elements.IsOrganicSubset(z) && atom.Isotope == 0 && atom.FormalCharge == 0
            && (!atom.IsAromatic || z is 5 or 6 or 7 or 8 or 15 or 16);
        if (organic)
        {
            int sum = 0;
            foreach (int b in mol.BondsOf(a)) sum += MoleculePerception.Valence(mol.Bonds[b].Type);
            organic = MoleculePerception.OrganicHydrogens(z, atom.IsAromatic, sum).Hydrogens == atom.TotalHydrogens;
        }
        if (z == 0 && atom.Isotope == 0 && atom.FormalCharge == 0 && atom.TotalHydrogens == 0) organic = true;
        if (organic)
        {
            sb.Append(symbol);
            return;
        }
        sb.Append('[');
        if (atom.Isotope > 0) sb.Append(atom.Isotope);
        sb.Append(symbol);
        if (atom.TotalHydrogens > 0)
        {
            sb.Append('H');
            if (atom.TotalHydrogens > 1) sb.Append(atom.TotalHydrogens);
        }
        if (atom.FormalCharge != 0)
        {
            sb.Append(atom.FormalCharge > 0 ? '+' : '-');
            if (Math.Abs(atom.FormalCharge) > 1) sb.Append(Math.Abs(atom.FormalCharge));
        }
        sb.Append(']');
    }
}
