namespace GraphMtl.Data.Molecules;

/// <summary>
/// Parses SMILES (OpenSMILES syntax) into a perceived <see cref="Molecule"/>: organic-subset and bracket atoms,
/// branches, ring closures (digits, <c>%nn</c>, <c>%(n)</c>), bond symbols <c>- = # $ : / \</c>, fragments
/// (<c>.</c>) and the wildcard <c>*</c>. Parsing stops at the first whitespace (the rest is a name, as in RDKit).
/// </summary>
/// <remarks>
/// Implicit hydrogens of organic-subset atoms follow the OpenSMILES normal valences (B 3; C 4; N 3,5; O 2; P 3,5;
/// S 2,4,6; halogens 1), an aromatic atom counting one extra valence for its aromatic system when it can take one;
/// bracket atoms carry exactly their written hydrogens. Perception (rings, aromaticity, hybridisation, conjugation,
/// stereo) follows RDKit; see <c>docs/molecules.md</c> for every approximation.
/// </remarks>
public static class SmilesParser
{
    /// <summary>Parses <paramref name="smiles"/>; throws <see cref="SmilesException"/> naming the position of the problem.</summary>
    public static Molecule Parse(string smiles)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        var raw = ReadRaw(smiles);
        return MoleculePerception.Perceive(raw, smiles);
    }

    /// <summary>Parses <paramref name="smiles"/>, returning false and the error instead of throwing.</summary>
    public static bool TryParse(string smiles, out Molecule? molecule, out SmilesException? error)
    {
        try
        {
            molecule = Parse(smiles);
            error = null;
            return true;
        }
        catch (SmilesException e)
        {
            molecule = null;
            error = e;
            return false;
        }
    }

    private readonly record struct RingOpen(int Atom, int Slot, BondType? Order, BondDirection Dir, int Position);

    internal static RawMolecule ReadRaw(string s)
    {
        var mol = new RawMolecule();
        int end = 0;
        while (end < s.Length && !char.IsWhiteSpace(s[end])) end++;
        if (end == 0) throw new SmilesException(s, 0, "expected at least one atom (got an empty string)");

        int prev = -1;
        BondType? pendingOrder = null;
        var pendingDir = BondDirection.None;
        int pendingPos = -1;
        var branches = new Stack<(int Atom, int Position)>();
        var rings = new Dictionary<int, RingOpen>();
        int i = 0;
        int dotPos = -1;

        void RequireNoPendingBond(string what)
        {
            if (pendingPos >= 0) throw new SmilesException(s, pendingPos, $"bond symbol '{s[pendingPos]}' is not followed by an atom or ring closure ({what})");
        }

        while (i < end)
        {
            char c = s[i];
            switch (c)
            {
                case '(':
                    if (prev < 0) throw new SmilesException(s, i, "expected an atom before '('");
                    RequireNoPendingBond("got '('");
                    if (i + 1 < end && s[i + 1] == ')') throw new SmilesException(s, i, "empty branch '()'");
                    branches.Push((prev, i));
                    i++;
                    break;
                case ')':
                    RequireNoPendingBond("got ')'");
                    if (branches.Count == 0) throw new SmilesException(s, i, "unmatched ')'");
                    prev = branches.Pop().Atom;
                    i++;
                    break;
                case '.':
                    RequireNoPendingBond("got '.'");
                    if (prev < 0) throw new SmilesException(s, i, "expected an atom before '.'");
                    prev = -1;
                    dotPos = i;
                    i++;
                    break;
                case '-' or '=' or '#' or '$' or ':' or '/' or '\\':
                    if (pendingPos >= 0) throw new SmilesException(s, i, $"expected an atom after bond symbol '{s[pendingPos]}' (got a second bond symbol '{c}')");
                    if (prev < 0) throw new SmilesException(s, i, $"bond symbol '{c}' has no atom before it");
                    (pendingOrder, pendingDir) = c switch
                    {
                        '-' => (BondType.Single, BondDirection.None),
                        '=' => (BondType.Double, BondDirection.None),
                        '#' => (BondType.Triple, BondDirection.None),
                        '$' => (BondType.Quadruple, BondDirection.None),
                        ':' => (BondType.Aromatic, BondDirection.None),
                        '/' => (BondType.Single, BondDirection.EndUpRight),
                        _ => (BondType.Single, BondDirection.EndDownRight),
                    };
                    pendingPos = i;
                    i++;
                    break;
                case >= '0' and <= '9' or '%':
                {
                    int pos = i;
                    if (prev < 0) throw new SmilesException(s, i, "ring-closure number has no atom before it");
                    int number = ReadRingNumber(s, end, ref i);
                    if (rings.Remove(number, out var open))
                    {
                        if (open.Atom == prev) throw new SmilesException(s, pos, $"ring closure {number} bonds an atom to itself");
                        if (mol.HasBond(open.Atom, prev)) throw new SmilesException(s, pos, $"ring closure {number} duplicates an existing bond");
                        BondType? order = open.Order;
                        if (pendingOrder is { } closeOrder)
                        {
                            if (order is { } openOrder && openOrder != closeOrder)
                                throw new SmilesException(s, pos, $"ring closure {number} has conflicting bond symbols at its two ends");
                            order = closeOrder;
                        }
                        // The bond runs from the closing atom to the opening one (RDKit's order); a direction mark
                        // written at the opening atom reads the other way round.
                        var dir = pendingDir;
                        if (dir == BondDirection.None && open.Dir != BondDirection.None)
                            dir = open.Dir == BondDirection.EndUpRight ? BondDirection.EndDownRight : BondDirection.EndUpRight;
                        if (order is { } o) mol.AddRingBond(number, prev, open.Atom, o, dir, isImplicit: false);
                        else
                        {
                            bool aromatic = mol.Aromatic[prev] && mol.Aromatic[open.Atom];
                            mol.AddRingBond(number, prev, open.Atom, aromatic ? BondType.Aromatic : BondType.Single, BondDirection.None, isImplicit: true);
                        }
                        mol.SmilesOrder[open.Atom][open.Slot] = prev;
                        mol.SmilesOrder[prev].Add(open.Atom);
                    }
                    else
                    {
                        mol.SmilesOrder[prev].Add(-1);
                        rings[number] = new RingOpen(prev, mol.SmilesOrder[prev].Count - 1, pendingOrder, pendingDir, pos);
                    }
                    pendingOrder = null;
                    pendingDir = BondDirection.None;
                    pendingPos = -1;
                    break;
                }
                default:
                {
                    int atom = c == '[' ? ReadBracketAtom(s, end, ref i, mol) : ReadOrganicAtom(s, end, ref i, mol);
                    if (prev >= 0)
                    {
                        AddBond(mol, prev, atom, pendingOrder, pendingDir);
                        mol.SmilesOrder[prev].Add(atom);
                        mol.SmilesOrder[atom].Insert(0, prev);
                    }
                    pendingOrder = null;
                    pendingDir = BondDirection.None;
                    pendingPos = -1;
                    prev = atom;
                    break;
                }
            }
        }

        RequireNoPendingBond("got the end of the string");
        if (prev < 0 && dotPos >= 0 && branches.Count == 0) throw new SmilesException(s, dotPos, "expected an atom after '.'");
        mol.FinishRingBonds();
        if (branches.Count > 0) throw new SmilesException(s, branches.Peek().Position, "unclosed branch '('");
        if (rings.Count > 0)
        {
            var first = rings.OrderBy(r => r.Value.Position).First();
            throw new SmilesException(s, first.Value.Position, $"unclosed ring closure {first.Key}");
        }
        if (mol.AtomCount == 0) throw new SmilesException(s, 0, "expected at least one atom");
        return mol;
    }

    private static void AddBond(RawMolecule mol, int a, int b, BondType? order, BondDirection dir)
    {
        if (order is { } o) mol.AddBond(a, b, o, dir, isImplicit: false);
        else
        {
            bool aromatic = mol.Aromatic[a] && mol.Aromatic[b];
            mol.AddBond(a, b, aromatic ? BondType.Aromatic : BondType.Single, BondDirection.None, isImplicit: true);
        }
    }

    private static int ReadRingNumber(string s, int end, ref int i)
    {
        if (s[i] != '%') return s[i++] - '0';
        int pos = i;
        i++;
        if (i < end && s[i] == '(')
        {
            int close = s.IndexOf(')', i);
            if (close < 0 || close >= end || close == i + 1 || !int.TryParse(s.AsSpan(i + 1, close - i - 1), out int big) || big < 0)
                throw new SmilesException(s, pos, "expected '%(number)' for a ring closure");
            i = close + 1;
            return big;
        }
        if (i + 1 >= end || !char.IsAsciiDigit(s[i]) || !char.IsAsciiDigit(s[i + 1]))
            throw new SmilesException(s, pos, "expected two digits after '%'");
        int n = (s[i] - '0') * 10 + (s[i + 1] - '0');
        i += 2;
        return n;
    }

    private static int ReadOrganicAtom(string s, int end, ref int i, RawMolecule mol)
    {
        int pos = i;
        char c = s[i];
        int z;
        bool aromatic = false;
        switch (c)
        {
            case 'B':
                if (i + 1 < end && s[i + 1] == 'r') { z = 35; i++; } else z = 5;
                break;
            case 'C':
                if (i + 1 < end && s[i + 1] == 'l') { z = 17; i++; } else z = 6;
                break;
            case 'N': z = 7; break;
            case 'O': z = 8; break;
            case 'P': z = 15; break;
            case 'S': z = 16; break;
            case 'F': z = 9; break;
            case 'I': z = 53; break;
            case '*': z = 0; break;
            case 'b': z = 5; aromatic = true; break;
            case 'c': z = 6; aromatic = true; break;
            case 'n': z = 7; aromatic = true; break;
            case 'o': z = 8; aromatic = true; break;
            case 'p': z = 15; aromatic = true; break;
            case 's': z = 16; aromatic = true; break;
            default:
                if (char.IsAsciiLetter(c))
                    throw new SmilesException(s, pos, $"expected an organic-subset atom (B C N O P S F Cl Br I b c n o p s *) or a bracket atom (got '{c}')");
                throw new SmilesException(s, pos, $"unexpected character '{c}'");
        }
        i++;
        // The wildcard outside brackets takes no implicit hydrogens.
        return mol.AddAtom(z, 0, 0, z == 0 ? 0 : -1, aromatic, 0, 0, bracket: false);
    }

    private static int ReadBracketAtom(string s, int end, ref int i, RawMolecule mol)
    {
        int open = i;
        i++; // '['
        int isotope = 0;
        int start = i;
        while (i < end && char.IsAsciiDigit(s[i])) i++;
        if (i > start)
        {
            if (i - start > 4) throw new SmilesException(s, start, "isotope number too large");
            isotope = int.Parse(s.AsSpan(start, i - start));
        }

        // Element symbol.
        if (i >= end) throw new SmilesException(s, open, "unclosed bracket atom '['");
        int symPos = i;
        int z;
        bool aromatic = false;
        if (s[i] == '*')
        {
            z = 0;
            i++;
        }
        else if (char.IsAsciiLetterLower(s[i]))
        {
            // Aromatic: b c n o p s, se, as, te (and si for RDKit compatibility).
            string two = i + 1 < end ? s.Substring(i, 2) : "";
            (z, int len) = two switch
            {
                "se" => (34, 2),
                "as" => (33, 2),
                "te" => (52, 2),
                "si" => (14, 2),
                _ => s[i] switch
                {
                    'b' => (5, 1),
                    'c' => (6, 1),
                    'n' => (7, 1),
                    'o' => (8, 1),
                    'p' => (15, 1),
                    's' => (16, 1),
                    _ => (-1, 1),
                },
            };
            if (z < 0) throw new SmilesException(s, symPos, $"unknown aromatic element '{s[i]}'");
            aromatic = true;
            i += len;
        }
        else if (char.IsAsciiLetterUpper(s[i]))
        {
            z = -1;
            if (i + 1 < end && char.IsAsciiLetterLower(s[i + 1]))
            {
                z = Elements.AtomicNumber(s.Substring(i, 2));
                if (z > 0) i += 2;
            }
            if (z < 0)
            {
                z = Elements.AtomicNumber(s.Substring(i, 1));
                if (z < 0)
                {
                    int len = i + 1 < end && char.IsAsciiLetterLower(s[i + 1]) ? 2 : 1;
                    throw new SmilesException(s, symPos, $"unknown element '{s.Substring(i, len)}'");
                }
                i++;
            }
        }
        else
        {
            throw new SmilesException(s, symPos, $"expected an element symbol after '[' (got '{s[i]}')");
        }

        // Chirality.
        int chirality = 0;
        if (i < end && s[i] == '@')
        {
            i++;
            chirality = 1;
            if (i < end && s[i] == '@')
            {
                chirality = 2;
                i++;
            }
            else if (i + 1 < end && char.IsAsciiLetterUpper(s[i]) && char.IsAsciiLetterUpper(s[i + 1]))
            {
                // @TH1/@TH2 are @/@@; other classes (@AL, @SP, @TB, @OH) are read and not kept.
                string cls = s.Substring(i, 2);
                i += 2;
                int numStart = i;
                while (i < end && char.IsAsciiDigit(s[i])) i++;
                if (i == numStart) throw new SmilesException(s, numStart, $"expected a number after '@{cls}'");
                int n = int.Parse(s.AsSpan(numStart, i - numStart));
                chirality = cls == "TH" && n is 1 or 2 ? n : 0;
                if (cls is not ("TH" or "AL" or "SP" or "TB" or "OH"))
                    throw new SmilesException(s, numStart - 2, $"unknown chirality class '@{cls}'");
            }
        }

        // Hydrogens.
        int hydrogens = 0;
        if (i < end && s[i] == 'H')
        {
            i++;
            hydrogens = 1;
            int hs = i;
            while (i < end && char.IsAsciiDigit(s[i])) i++;
            if (i > hs)
            {
                if (i - hs > 2) throw new SmilesException(s, hs, "hydrogen count too large");
                hydrogens = int.Parse(s.AsSpan(hs, i - hs));
            }
        }

        // Charge.
        int charge = 0;
        if (i < end && (s[i] == '+' || s[i] == '-'))
        {
            int chargePos = i;
            char sign = s[i];
            int unit = sign == '+' ? 1 : -1;
            i++;
            if (i < end && char.IsAsciiDigit(s[i]))
            {
                int ds = i;
                while (i < end && char.IsAsciiDigit(s[i])) i++;
                if (i - ds > 2) throw new SmilesException(s, ds, "charge too large");
                charge = unit * int.Parse(s.AsSpan(ds, i - ds));
            }
            else
            {
                charge = unit;
                while (i < end && s[i] == sign)
                {
                    charge += unit;
                    i++;
                }
            }
            if (Math.Abs(charge) > 15) throw new SmilesException(s, chargePos, $"expected a charge between -15 and +15 (got {charge})");
            if (i < end && (s[i] == '+' || s[i] == '-'))
                throw new SmilesException(s, i, $"bad charge: '{s[i]}' after charge {charge:+0;-0;0}");
        }

        // Atom class.
        int atomClass = 0;
        if (i < end && s[i] == ':')
        {
            i++;
            int cs = i;
            while (i < end && char.IsAsciiDigit(s[i])) i++;
            if (i == cs) throw new SmilesException(s, cs, "expected digits after ':' (atom class)");
            if (i - cs > 9) throw new SmilesException(s, cs, "atom class too large");
            atomClass = int.Parse(s.AsSpan(cs, i - cs));
        }

        if (i >= end) throw new SmilesException(s, open, "unclosed bracket atom '['");
        if (s[i] != ']') throw new SmilesException(s, i, $"expected ']' to close the bracket atom (got '{s[i]}')");
        i++;

        int atom = mol.AddAtom(z, isotope, charge, hydrogens, aromatic, chirality, atomClass, bracket: true);
        if (hydrogens > 0) mol.SmilesOrder[atom].Add(RawMolecule.HydrogenMarker);
        return atom;
    }
}
