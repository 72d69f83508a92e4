using System.Text;
using GraphMtl.Data.Molecules;

namespace GraphMtl.Tests.Data.Molecules;

/// <summary>Writes a molecule as SMILES from a random start atom with random branch order (bracket atoms throughout).</summary>
internal static class RandomSmiles
{
    public static string Write(Molecule mol, Random rng)
    {
        int n = mol.AtomCount;
        var visited = new bool[n];
        var closureDigits = new Dictionary<int, int>();
        var ringBondsAt = new List<int>[n];
        var children = new List<int>[n];
        for (int a = 0; a < n; a++)
        {
            ringBondsAt[a] = [];
            children[a] = [];
        }
        var isClosure = new bool[mol.BondCount];
        void Dfs(int a, int parentBond)
        {
            visited[a] = true;
            var bonds = mol.BondsOf(a).OrderBy(_ => rng.Next()).ToList();
            foreach (int b in bonds)
            {
                if (b == parentBond || isClosure[b]) continue;
                int o = mol.Bonds[b].Other(a);
                if (visited[o])
                {
                    isClosure[b] = true;
                    ringBondsAt[o].Add(b);
                    ringBondsAt[a].Add(b);
                    continue;
                }
                children[a].Add(b);
                Dfs(o, b);
            }
        }
        int start = rng.Next(n);
        Dfs(start, -1);
        var sb = new StringBuilder();
        int nextDigit = 1;
        void Emit(int a)
        {
            var atom = mol.Atoms[a];
            string sym = atom.IsAromatic ? atom.Symbol.ToLowerInvariant() : atom.Symbol;
            sb.Append('[').Append(sym);
            if (atom.TotalHydrogens > 0) sb.Append('H').Append(atom.TotalHydrogens);
            if (atom.FormalCharge != 0) sb.Append(atom.FormalCharge > 0 ? '+' : '-').Append(Math.Abs(atom.FormalCharge));
            sb.Append(']');
            foreach (int b in ringBondsAt[a])
            {
                if (!closureDigits.Remove(b, out int d))
                {
                    d = nextDigit++;
                    closureDigits[b] = d;
                    sb.Append(Symbol(mol, mol.Bonds[b]));
                }
                sb.Append('%').Append(d.ToString("00"));
            }
            for (int k = 0; k < children[a].Count; k++)
            {
                int b = children[a][k];
                bool branch = k < children[a].Count - 1;
                if (branch) sb.Append('(');
                sb.Append(Symbol(mol, mol.Bonds[b]));
                Emit(mol.Bonds[b].Other(a));
                if (branch) sb.Append(')');
            }
        }
        Emit(start);
        return sb.ToString();
    }

    private static string Symbol(Molecule mol, Bond bond) => bond.Type switch
    {
        BondType.Double => "=",
        BondType.Triple => "#",
        BondType.Aromatic => mol.Atoms[bond.Begin].IsAromatic && mol.Atoms[bond.End].IsAromatic ? "" : ":",
        _ => mol.Atoms[bond.Begin].IsAromatic && mol.Atoms[bond.End].IsAromatic ? "-" : "",
    };
}
