namespace GraphMtl.Data.Molecules;

/// <summary>
/// Turns a <see cref="RawMolecule"/> into a perceived <see cref="Molecule"/>, following RDKit's sanitisation steps:
/// implicit hydrogens, functional-group clean-up (nitro and similar to charge-separated form), removal of plain
/// explicit hydrogens, rings, aromaticity (Hückel 4n+2 over rings and fused ring combinations, RDKit's electron
/// donor rules), conjugation, hybridisation, chirality clean-up and double-bond stereo.
/// </summary>
internal static class MoleculePerception
{
    private enum Donor { None, Vacant, One, Two, OneOrTwo, Any }

    public static Molecule Perceive(RawMolecule raw, string smiles)
    {
        int n0 = raw.AtomCount;
        int m0 = raw.BondCount;
        var z = raw.AtomicNumber.ToArray();
        var charge = raw.Charge.ToArray();
        var hyd = raw.Hydrogens.ToArray();
        var order = raw.BondOrder.ToArray();
        var dir = raw.BondDir.ToArray();
        var begin = raw.BondBegin.ToArray();
        var end = raw.BondEnd.ToArray();
        var aromaticIn = raw.Aromatic.ToArray();
        var pi = new bool[n0];

        var atomBonds0 = BuildAtomBonds(n0, begin, end);

        // 1. Implicit hydrogens of organic-subset atoms (OpenSMILES valences) and the pi flag of aromatic atoms.
        for (int a = 0; a < n0; a++)
        {
            int sum = 0;
            foreach (int b in atomBonds0[a]) sum += Valence(order[b]);
            if (hyd[a] < 0)
            {
                (hyd[a], pi[a]) = OrganicHydrogens(z[a], aromaticIn[a], sum);
            }
            else if (aromaticIn[a])
            {
                pi[a] = BracketTakesPi(z[a], charge[a], sum + hyd[a]);
            }
        }

        // 2. RDKit clean-up: pentavalent N=O and hypervalent halogen=O to charge-separated form.
        CleanUp(n0, z, charge, order, begin, end, atomBonds0, aromaticIn);

        // 3. Remove plain explicit hydrogens ([H] bonded by a single bond to a heavy atom).
        var keep = new bool[n0];
        var hydrogenAtom = new bool[n0];
        for (int a = 0; a < n0; a++)
        {
            keep[a] = true;
            if (z[a] != 1 || !raw.Bracket[a] || raw.Isotope[a] != 0 || charge[a] != 0 || hyd[a] != 0 || raw.Chirality[a] != 0) continue;
            if (atomBonds0[a].Length != 1) continue;
            int b = atomBonds0[a][0];
            int o = begin[b] == a ? end[b] : begin[b];
            if (z[o] == 1 || order[b] != BondType.Single || dir[b] != BondDirection.None) continue;
            keep[a] = false;
            hydrogenAtom[a] = true;
            hyd[o]++;
        }
        var newIndex = new int[n0];
        int n = 0;
        for (int a = 0; a < n0; a++) newIndex[a] = keep[a] ? n++ : -1;
        var bondMap = new List<int>();
        for (int b = 0; b < m0; b++)
            if (keep[begin[b]] && keep[end[b]]) bondMap.Add(b);
        int m = bondMap.Count;

        var Z = new int[n];
        var iso = new int[n];
        var chg = new int[n];
        var H = new int[n];
        var arom = new bool[n];
        var piA = new bool[n];
        var bracket = new bool[n];
        var oldOf = new int[n];
        for (int a = 0; a < n0; a++)
        {
            int k = newIndex[a];
            if (k < 0) continue;
            oldOf[k] = a;
            Z[k] = z[a];
            iso[k] = raw.Isotope[a];
            chg[k] = charge[a];
            H[k] = hyd[a];
            arom[k] = aromaticIn[a];
            piA[k] = pi[a];
            bracket[k] = raw.Bracket[a];
        }
        var bb = new int[m];
        var be = new int[m];
        var bt = new BondType[m];
        var bd = new BondDirection[m];
        var bImplicit = new bool[m];
        for (int k = 0; k < m; k++)
        {
            int b = bondMap[k];
            bb[k] = newIndex[begin[b]];
            be[k] = newIndex[end[b]];
            bt[k] = order[b];
            bd[k] = dir[b];
            bImplicit[k] = raw.BondImplicit[b];
        }
        var atomBonds = BuildAtomBonds(n, bb, be);

        // 4. Rings.
        var ringBond = RingPerception.RingBonds(n, bb, be, atomBonds);
        var rings = RingPerception.Sssr(n, bb, be, atomBonds, ringBond);
        var ringAtom = new bool[n];
        for (int b = 0; b < m; b++)
            if (ringBond[b]) ringAtom[bb[b]] = ringAtom[be[b]] = true;

        // 5. An aromatic bond that is not in a ring is a single bond (biphenyl written c1ccccc1c1ccccc1).
        for (int b = 0; b < m; b++)
            if (bt[b] == BondType.Aromatic && !ringBond[b]) bt[b] = BondType.Single;

        // Kekulé-like valences: aromatic bonds count 1, plus 1 for an atom that takes a pi bond.
        var heavyValence = new int[n];
        for (int a = 0; a < n; a++)
        {
            int sum = piA[a] && arom[a] ? 1 : 0;
            foreach (int b in atomBonds[a]) sum += Valence(bt[b]);
            heavyValence[a] = sum;
        }
        var radicals = new int[n];
        for (int a = 0; a < n; a++) radicals[a] = bracket[a] ? Radicals(Z[a], chg[a], heavyValence[a] + H[a]) : 0;

        var ctx = new Context(n, Z, chg, H, heavyValence, radicals, bracket, arom, piA, atomBonds, bb, be, bt, ringBond);

        // 6. Aromaticity.
        var aromaticAtom = new bool[n];
        var aromaticBond = new bool[m];
        PerceiveAromaticity(ctx, rings, aromaticAtom, aromaticBond);
        // Lower-case atoms outside every aromatic ring lose their flag, as RDKit's kekulise-then-perceive does; their
        // aromatic bonds get a Kekulé assignment (a maximum matching over the atoms that take a pi bond).
        KekulizeLeftovers(ctx, aromaticAtom, aromaticBond);
        for (int b = 0; b < m; b++)
            if (aromaticBond[b]) bt[b] = BondType.Aromatic;

        // 7. Conjugation (RDKit setConjugation).
        var conjugated = new bool[m];
        for (int b = 0; b < m; b++) conjugated[b] = bt[b] == BondType.Aromatic;
        for (int a = 0; a < n; a++)
        {
            if (!ConjugationCandidate(ctx, a)) continue;
            int sbo = atomBonds[a].Length + H[a];
            if (sbo < 2 || sbo > 3) continue;
            foreach (int b1 in atomBonds[a])
            {
                if (bt[b1] is not (BondType.Double or BondType.Triple or BondType.Aromatic or BondType.Quadruple)) continue;
                foreach (int b2 in atomBonds[a])
                {
                    if (b1 == b2) continue;
                    int o = bb[b2] == a ? be[b2] : bb[b2];
                    int sbo2 = atomBonds[o].Length + H[o];
                    if (sbo2 > 3) continue;
                    if (ConjugationCandidate(ctx, o))
                    {
                        conjugated[b1] = true;
                        conjugated[b2] = true;
                    }
                }
            }
        }

        // 8. Hybridisation (RDKit setHybridization).
        var hybrid = new Hybridization[n];
        for (int a = 0; a < n; a++)
        {
            if (Z[a] == 0)
            {
                hybrid[a] = Hybridization.Unspecified;
                continue;
            }
            int norbs = Z[a] < 89 ? BondsPlusLonePairs(ctx, a) : 0;
            bool hasConjugated = false;
            foreach (int b in atomBonds[a]) hasConjugated |= conjugated[b];
            hybrid[a] = norbs switch
            {
                0 or 1 => Hybridization.S,
                2 => Hybridization.SP,
                3 => Hybridization.SP2,
                4 => atomBonds[a].Length + H[a] < 4 && hasConjugated ? Hybridization.SP2 : Hybridization.SP3,
                5 => Hybridization.SP3D,
                6 => Hybridization.SP3D2,
                _ => Hybridization.Unspecified,
            };
        }

        // 9. CIP-like ranks for stereo decisions.
        var cip = CipRanks(n, Z, iso, H, atomBonds, bb, be, bt);

        // 10. Chirality: SMILES order -> RDKit bond order, then clear atoms that are not stereocentres.
        var chiral = new ChiralTag[n];
        for (int a = 0; a < n; a++)
        {
            int tag = raw.Chirality[oldOf[a]];
            if (tag == 0) continue;
            var smilesOrder = new List<int>();
            foreach (int x in raw.SmilesOrder[oldOf[a]])
                smilesOrder.Add(x == RawMolecule.HydrogenMarker || hydrogenAtom[x] ? RawMolecule.HydrogenMarker : newIndex[x]);
            var rdkitOrder = new List<int>();
            foreach (int b in atomBonds[a]) rdkitOrder.Add(bb[b] == a ? be[b] : bb[b]);
            for (int k = 0; k < H[a]; k++) rdkitOrder.Add(RawMolecule.HydrogenMarker);
            if (smilesOrder.Count == rdkitOrder.Count && OddPermutation(smilesOrder, rdkitOrder)) tag = 3 - tag;
            chiral[a] = tag == 1 ? ChiralTag.CounterClockwise : ChiralTag.Clockwise;
        }
        CleanChirality(ctx, chiral, cip, rings);

        // 11. Double-bond stereo from direction marks.
        var stereo = new BondStereo[m];
        AssignBondStereo(ctx, bd, cip, rings, stereo);
        // RDKit drops direction marks that do not take part in a stereo double bond.
        var stereoAtom = new bool[n];
        for (int b = 0; b < m; b++)
            if (stereo[b] != BondStereo.None) stereoAtom[bb[b]] = stereoAtom[be[b]] = true;
        for (int b = 0; b < m; b++)
            if (bd[b] != BondDirection.None && !stereoAtom[bb[b]] && !stereoAtom[be[b]]) bd[b] = BondDirection.None;

        // 12. Records.
        var atoms = new Atom[n];
        for (int a = 0; a < n; a++)
            atoms[a] = new Atom(Z[a], iso[a], chg[a], H[a], aromaticAtom[a], chiral[a], hybrid[a], ringAtom[a], raw.AtomClass[oldOf[a]], Elements.Mass(Z[a], iso[a]));
        var bonds = new Bond[m];
        for (int b = 0; b < m; b++)
            bonds[b] = new Bond(bb[b], be[b], bt[b], bd[b], stereo[b], conjugated[b], ringBond[b]);
        var ringAtoms = new int[rings.Count][];
        for (int r = 0; r < rings.Count; r++) ringAtoms[r] = rings[r].Atoms;
        return new Molecule(smiles, atoms, bonds, ringAtoms);
    }

    private sealed record Context(
        int N, int[] Z, int[] Charge, int[] H, int[] HeavyValence, int[] Radicals, bool[] Bracket, bool[] AromaticIn, bool[] Pi,
        int[][] AtomBonds, int[] Begin, int[] End, BondType[] Type, bool[] RingBond)
    {
        public int Other(int bond, int atom) => Begin[bond] == atom ? End[bond] : Begin[bond];

        public int Degree(int a) => AtomBonds[a].Length;

        public int TotalValence(int a) => HeavyValence[a] + H[a];

        /// <summary>RDKit's explicit valence: bonds plus hydrogens written in brackets.</summary>
        public int ExplicitValence(int a) => HeavyValence[a] + (Bracket[a] ? H[a] : 0);
    }

    internal static int[][] BuildAtomBonds(int n, int[] begin, int[] end)
    {
        var counts = new int[n];
        for (int b = 0; b < begin.Length; b++)
        {
            counts[begin[b]]++;
            counts[end[b]]++;
        }
        var result = new int[n][];
        for (int a = 0; a < n; a++) result[a] = new int[counts[a]];
        Array.Clear(counts);
        for (int b = 0; b < begin.Length; b++)
        {
            result[begin[b]][counts[begin[b]]++] = b;
            result[end[b]][counts[end[b]]++] = b;
        }
        return result;
    }

    internal static int Valence(BondType t) => t switch
    {
        BondType.Double => 2,
        BondType.Triple => 3,
        BondType.Quadruple => 4,
        _ => 1,
    };

    /// <summary>
    /// Implicit hydrogens of an organic-subset atom with bond-order sum <paramref name="sum"/> (aromatic bonds count
    /// 1). An aromatic atom takes one more valence for its pi bond when its normal valence allows it (c, pyridine n);
    /// otherwise it donates a lone pair (o, s, n with three neighbours).
    /// </summary>
    internal static (int Hydrogens, bool Pi) OrganicHydrogens(int z, bool aromatic, int sum)
    {
        var valences = Elements.OrganicValences(z);
        if (valences.IsEmpty) return (0, false);
        foreach (int v in valences)
        {
            if (aromatic && sum + 1 <= v) return (v - sum - 1, true);
            if (sum <= v) return (v - sum, false);
        }
        return (0, false);
    }

    private static bool BracketTakesPi(int z, int charge, int sumWithH)
    {
        var valences = Elements.ChargedValences(z, charge);
        if (valences[0] == -1) return true;
        foreach (int v in valences)
        {
            if (v < sumWithH) continue;
            return sumWithH + 1 <= v;
        }
        return false;
    }

    private static int Radicals(int z, int charge, int totalValence)
    {
        if (z == 0) return 0;
        var valences = Elements.Valences(z);
        int outer = Elements.OuterElectrons(z);
        if (valences[0] == -1)
        {
            int r = outer - totalValence - charge;
            return r > 0 ? r % 2 : 0;
        }
        int baseCount = z <= 2 ? 2 : 8;
        int radicals = baseCount - outer - totalValence + charge;
        if (radicals < 0)
        {
            radicals = 0;
            if (valences.Length > 1)
            {
                foreach (int v in valences)
                {
                    if (v - totalValence + charge >= 0)
                    {
                        radicals = v - totalValence + charge;
                        break;
                    }
                }
            }
        }
        int radicals2 = outer - totalValence - charge;
        if (radicals2 >= 0) radicals = Math.Min(radicals, radicals2);
        return radicals;
    }

    private static void CleanUp(int n, int[] z, int[] charge, BondType[] order, int[] begin, int[] end, int[][] atomBonds, bool[] aromatic)
    {
        for (int a = 0; a < n; a++)
        {
            if (charge[a] != 0) continue;
            int sum = 0;
            foreach (int b in atomBonds[a]) sum += Valence(order[b]);
            if (z[a] == 7 && sum == 5 && !aromatic[a])
            {
                // R-N(=O)=O and R=N(R)=O -> [N+](=O)[O-]: one N=O becomes N+-O-.
                foreach (int b in atomBonds[a])
                {
                    int o = begin[b] == a ? end[b] : begin[b];
                    if (z[o] == 8 && order[b] == BondType.Double && charge[o] == 0 && atomBonds[o].Length == 1)
                    {
                        order[b] = BondType.Single;
                        charge[a] = 1;
                        charge[o] = -1;
                        break;
                    }
                }
            }
            else if (z[a] is 17 or 35 or 53 && sum > 1)
            {
                // Hypervalent halogen oxides (perchlorate and relatives): every X=O becomes X+-O-.
                foreach (int b in atomBonds[a])
                {
                    int o = begin[b] == a ? end[b] : begin[b];
                    if (z[o] == 8 && order[b] == BondType.Double && charge[o] == 0 && atomBonds[o].Length == 1)
                    {
                        order[b] = BondType.Single;
                        charge[a] += 1;
                        charge[o] = -1;
                    }
                }
            }
        }
    }

    // ---- Aromaticity (RDKit's default model) ----

    private static int CountAtomElectrons(Context c, int a)
    {
        int z = c.Z[a];
        int dv = Elements.DefaultValence(z);
        if (dv <= 1) return -1;
        int degree = c.Degree(a) + c.H[a];
        if (degree > 3) return -1;
        int nlp = Elements.OuterElectrons(z) - dv;
        nlp = Math.Max(nlp - c.Charge[a], 0);
        int res = dv - degree + nlp - c.Radicals[a];
        if (res > 1)
        {
            int unsaturations = c.ExplicitValence(a) - c.Degree(a);
            if (unsaturations > 1) res = 1;
        }
        return res;
    }

    private static bool IncidentMultipleBond(Context c, int a) => c.HeavyValence[a] != c.Degree(a);

    private static bool IncidentCyclicMultipleBond(Context c, int a)
    {
        if (c.AromaticIn[a] && c.Pi[a]) return true;
        foreach (int b in c.AtomBonds[a])
            if (c.RingBond[b] && c.Type[b] is BondType.Double or BondType.Triple or BondType.Quadruple) return true;
        return false;
    }

    private static int IncidentNonCyclicMultipleBond(Context c, int a)
    {
        foreach (int b in c.AtomBonds[a])
            if (!c.RingBond[b] && c.Type[b] is BondType.Double or BondType.Triple or BondType.Quadruple) return c.Other(b, a);
        return -1;
    }

    private static Donor DonorType(Context c, int a)
    {
        if (c.Z[a] == 0) return IncidentCyclicMultipleBond(c, a) ? Donor.One : Donor.Any;
        int nelec = CountAtomElectrons(c, a);
        if (nelec < 0) return Donor.None;
        int who = IncidentNonCyclicMultipleBond(c, a);
        if (nelec == 0)
        {
            if (who >= 0) return Donor.Vacant;
            return IncidentCyclicMultipleBond(c, a) ? Donor.One : Donor.None;
        }
        if (nelec == 1)
        {
            if (who >= 0) return Elements.MoreElectronegative(c.Z[who], c.Z[a]) ? Donor.Vacant : Donor.One;
            if (IncidentMultipleBond(c, a)) return Donor.One;
            return c.Charge[a] == 1 ? Donor.Vacant : Donor.None;
        }
        if (who >= 0 && Elements.MoreElectronegative(c.Z[who], c.Z[a])) nelec--;
        return nelec % 2 == 1 ? Donor.One : Donor.Two;
    }

    private static bool AromaticCandidate(Context c, int a, Donor donor)
    {
        int z = c.Z[a];
        if (z > 18 && z != 34 && z != 52) return false;
        if (donor == Donor.None) return false;
        int dv = Elements.DefaultValence(z);
        if (dv > 0 && c.TotalValence(a) > Elements.OuterElectrons(z) - c.Charge[a]) return false;
        if (c.ExplicitValence(a) - c.Degree(a) > 1)
        {
            int multiple = c.AromaticIn[a] && c.Pi[a] ? 1 : 0;
            foreach (int b in c.AtomBonds[a])
                if (c.Type[b] is BondType.Double or BondType.Triple or BondType.Quadruple) multiple++;
            if (multiple > 1) return false;
        }
        return true;
    }

    private static void PerceiveAromaticity(Context c, List<RingPerception.Ring> rings, bool[] aromaticAtom, bool[] aromaticBond)
    {
        if (rings.Count == 0) return;
        var donor = new Donor[c.N];
        var candidate = new bool[c.N];
        for (int a = 0; a < c.N; a++)
        {
            donor[a] = DonorType(c, a);
            candidate[a] = AromaticCandidate(c, a, donor[a]);
        }
        var cand = new List<RingPerception.Ring>();
        foreach (var r in rings)
        {
            bool ok = true;
            foreach (int a in r.Atoms) ok &= candidate[a];
            if (ok) cand.Add(r);
        }
        if (cand.Count == 0) return;

        // Fused systems: rings sharing a bond.
        int k = cand.Count;
        var bondSets = cand.Select(r => new HashSet<int>(r.Bonds)).ToArray();
        var neighbours = new bool[k, k];
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                if (bondSets[i].Overlaps(cand[j].Bonds)) neighbours[i, j] = neighbours[j, i] = true;
        var system = new int[k];
        Array.Fill(system, -1);
        int systems = 0;
        for (int i = 0; i < k; i++)
        {
            if (system[i] >= 0) continue;
            var stack = new Stack<int>();
            stack.Push(i);
            system[i] = systems;
            while (stack.Count > 0)
            {
                int x = stack.Pop();
                for (int j = 0; j < k; j++)
                    if (neighbours[x, j] && system[j] < 0) { system[j] = systems; stack.Push(j); }
            }
            systems++;
        }

        for (int s = 0; s < systems; s++)
        {
            var members = new List<int>();
            for (int i = 0; i < k; i++)
                if (system[i] == s) members.Add(i);
            var aromaticRing = new bool[members.Count];
            int maxSize = Math.Min(members.Count, members.Count > 12 ? 2 : 6);
            long budget = 20000;
            for (int size = 1; size <= maxSize && aromaticRing.Any(x => !x) && budget > 0; size++)
            {
                foreach (var combo in Combinations(members.Count, size))
                {
                    if (--budget < 0) break;
                    if (size > 1 && !Connected(combo, members, neighbours)) continue;
                    // Electron count over the union of the rings; with three or more rings, atoms shared by more
                    // than two of them (the centre of a peri-fused system) do not count (RDKit does the same).
                    var inRings = new Dictionary<int, int>();
                    foreach (int ci in combo)
                        foreach (int a in cand[members[ci]].Atoms) inRings[a] = inRings.GetValueOrDefault(a) + 1;
                    var atoms = new List<int>();
                    foreach (var (a, count) in inRings)
                        if (size <= 2 || count <= 2) atoms.Add(a);
                    if (!Huckel(atoms, donor)) continue;
                    // Bonds inside a fused combination (shared by two of its rings) are not marked by it: azulene's
                    // central bond stays single, as in RDKit; they are aromatic only through a ring that is so alone.
                    var bondCount = new Dictionary<int, int>();
                    foreach (int ci in combo)
                        foreach (int b in cand[members[ci]].Bonds) bondCount[b] = bondCount.GetValueOrDefault(b) + 1;
                    foreach (int ci in combo)
                    {
                        aromaticRing[ci] = true;
                        foreach (int a in cand[members[ci]].Atoms) aromaticAtom[a] = true;
                    }
                    foreach (var (b, count) in bondCount)
                        if (count == 1) aromaticBond[b] = true;
                }
            }
        }
    }

    private static bool Huckel(List<int> atoms, Donor[] donor)
    {
        int lo = 0, hi = 0;
        foreach (int a in atoms)
        {
            switch (donor[a])
            {
                case Donor.One: lo += 1; hi += 1; break;
                case Donor.Two: lo += 2; hi += 2; break;
                case Donor.OneOrTwo: lo += 1; hi += 2; break;
                case Donor.Any: hi += 2; break;
            }
        }
        if (hi >= 6)
        {
            for (int e = lo; e <= hi; e++)
                if ((e - 2) % 4 == 0) return true;
            return false;
        }
        return hi == 2;
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var idx = new int[k];
        for (int i = 0; i < k; i++) idx[i] = i;
        while (true)
        {
            yield return (int[])idx.Clone();
            int p = k - 1;
            while (p >= 0 && idx[p] == n - k + p) p--;
            if (p < 0) yield break;
            idx[p]++;
            for (int i = p + 1; i < k; i++) idx[i] = idx[i - 1] + 1;
        }
    }

    private static bool Connected(int[] combo, List<int> members, bool[,] neighbours)
    {
        var reached = new bool[combo.Length];
        reached[0] = true;
        bool grew = true;
        while (grew)
        {
            grew = false;
            for (int i = 0; i < combo.Length; i++)
            {
                if (reached[i]) continue;
                for (int j = 0; j < combo.Length; j++)
                {
                    if (reached[j] && neighbours[members[combo[i]], members[combo[j]]])
                    {
                        reached[i] = true;
                        grew = true;
                        break;
                    }
                }
            }
        }
        return reached.All(x => x);
    }

    /// <summary>
    /// Input aromatic bonds that perception did not confirm become single or double: a maximum matching (augmenting
    /// paths) over those bonds between atoms that take a pi bond chooses the double bonds.
    /// </summary>
    private static void KekulizeLeftovers(Context c, bool[] aromaticAtom, bool[] aromaticBond)
    {
        int m = c.Type.Length;
        var leftover = new List<int>();
        for (int b = 0; b < m; b++)
            if (c.Type[b] == BondType.Aromatic && !aromaticBond[b]) leftover.Add(b);
        if (leftover.Count == 0) return;
        var needs = new bool[c.N];
        for (int a = 0; a < c.N; a++) needs[a] = c.AromaticIn[a] && c.Pi[a] && !aromaticAtom[a];
        var candidates = new List<int>[c.N];
        foreach (int b in leftover)
        {
            c.Type[b] = BondType.Single;
            int x = c.Begin[b], y = c.End[b];
            if (!needs[x] || !needs[y]) continue;
            (candidates[x] ??= []).Add(b);
            (candidates[y] ??= []).Add(b);
        }
        var mate = new int[c.N]; // bond matched at each atom, -1 none
        Array.Fill(mate, -1);
        for (int a = 0; a < c.N; a++)
        {
            if (!needs[a] || mate[a] >= 0 || candidates[a] is null) continue;
            var visited = new bool[c.N];
            Augment(a, visited);
        }
        for (int a = 0; a < c.N; a++)
            if (mate[a] >= 0) c.Type[mate[a]] = BondType.Double;

        bool Augment(int a, bool[] visited)
        {
            visited[a] = true;
            foreach (int b in candidates[a]!)
            {
                int o = c.Other(b, a);
                if (visited[o]) continue;
                visited[o] = true;
                if (mate[o] < 0 || Augment(c.Other(mate[o], o), visited))
                {
                    mate[a] = b;
                    mate[o] = b;
                    return true;
                }
            }
            return false;
        }
    }

    // ---- Conjugation and hybridisation ----

    private static bool ConjugationCandidate(Context c, int a)
    {
        int z = c.Z[a];
        int outer = Elements.OuterElectrons(z);
        bool rowOk = z <= 10 || (outer != 5 && outer != 6) || (outer == 6 && c.Degree(a) + c.H[a] < 2);
        return rowOk && CountAtomElectrons(c, a) > 0;
    }

    private static int BondsPlusLonePairs(Context c, int a)
    {
        int degree = c.Degree(a) + c.H[a];
        int z = c.Z[a];
        if (z <= 1) return degree;
        int outer = Elements.OuterElectrons(z);
        int valence = c.TotalValence(a);
        int charge = c.Charge[a];
        int free = outer - (valence + charge);
        if (valence + outer - charge < 8)
        {
            int radicals = c.Radicals[a];
            return degree + (free - radicals) / 2 + radicals;
        }
        return degree + free / 2;
    }

    // ---- Stereo ----

    private static int[] CipRanks(int n, int[] z, int[] iso, int[] h, int[][] atomBonds, int[] bb, int[] be, BondType[] bt)
    {
        var initial = new long[n];
        for (int a = 0; a < n; a++) initial[a] = z[a] * 1000L + iso[a];
        var neighbours = new int[n][];
        var codes = new int[n][];
        var repeat = new int[n][];
        for (int a = 0; a < n; a++)
        {
            var bonds = atomBonds[a];
            neighbours[a] = new int[bonds.Length];
            codes[a] = new int[bonds.Length];
            repeat[a] = new int[bonds.Length];
            for (int k = 0; k < bonds.Length; k++)
            {
                int b = bonds[k];
                neighbours[a][k] = bb[b] == a ? be[b] : bb[b];
                repeat[a][k] = bt[b] switch { BondType.Double => 4, BondType.Triple => 6, BondType.Quadruple => 8, BondType.Aromatic => 3, _ => 2 };
            }
        }
        var hydrogens = new int[n];
        for (int a = 0; a < n; a++) hydrogens[a] = 2 * h[a];
        return AtomRanking.Refine(initial, neighbours, codes, repeat, hydrogens, descending: true);
    }

    private static void CleanChirality(Context c, ChiralTag[] chiral, int[] cip, List<RingPerception.Ring> rings)
    {
        var original = (ChiralTag[])chiral.Clone();
        for (int a = 0; a < c.N; a++)
        {
            if (chiral[a] == ChiralTag.Unspecified) continue;
            int degree = c.Degree(a);
            int total = degree + c.H[a];
            bool possible = degree >= 3 && total is 3 or 4 && c.H[a] <= 1;
            if (possible && c.Z[a] == 7 && total == 3 && !InSmallRing(a, rings, 3))
                possible = false; // pyramidal amines invert
            if (!possible)
            {
                chiral[a] = ChiralTag.Unspecified;
                continue;
            }
            // Neighbours (and an implicit H) must all have different priorities.
            bool tie = false;
            int tiedA = -1, tiedB = -1;
            foreach (int b in c.AtomBonds[a])
            {
                int o = c.Other(b, a);
                foreach (int b2 in c.AtomBonds[a])
                {
                    int o2 = c.Other(b2, a);
                    if (o2 > o && cip[o2] == cip[o])
                    {
                        tie = true;
                        tiedA = o;
                        tiedB = o2;
                    }
                }
            }
            if (!tie) continue;
            // Ring stereo (cis/trans on rings, e.g. 1,4-disubstituted cyclohexanes): the two tied neighbours are
            // ring atoms and another tagged atom sits in the same ring.
            bool ringStereo = false;
            foreach (var r in rings)
            {
                if (Array.IndexOf(r.Atoms, a) < 0 || Array.IndexOf(r.Atoms, tiedA) < 0 || Array.IndexOf(r.Atoms, tiedB) < 0) continue;
                foreach (int x in r.Atoms)
                    if (x != a && original[x] != ChiralTag.Unspecified) ringStereo = true;
            }
            if (!ringStereo) chiral[a] = ChiralTag.Unspecified;
        }
    }

    private static bool InSmallRing(int a, List<RingPerception.Ring> rings, int maxSize)
    {
        foreach (var r in rings)
            if (r.Atoms.Length <= maxSize && Array.IndexOf(r.Atoms, a) >= 0) return true;
        return false;
    }

    private static void AssignBondStereo(Context c, BondDirection[] dir, int[] cip, List<RingPerception.Ring> rings, BondStereo[] stereo)
    {
        for (int b = 0; b < c.Type.Length; b++)
        {
            if (c.Type[b] != BondType.Double) continue;
            if (c.RingBond[b])
            {
                int smallest = int.MaxValue;
                foreach (var r in rings)
                    if (Array.IndexOf(r.Bonds, b) >= 0) smallest = Math.Min(smallest, r.Bonds.Length);
                if (smallest < 8) continue;
            }
            int a1 = c.Begin[b], a2 = c.End[b];
            if (!EndSide(c, dir, cip, a1, b, out int side1) || !EndSide(c, dir, cip, a2, b, out int side2)) continue;
            stereo[b] = side1 == side2 ? BondStereo.Z : BondStereo.E;
        }
    }

    /// <summary>
    /// Side (+1/-1) of the highest-priority substituent on <paramref name="atom"/> of double bond
    /// <paramref name="doubleBond"/>, from the first direction-marked single bond; false when there is none or
    /// the two substituents tie.
    /// </summary>
    private static bool EndSide(Context c, BondDirection[] dir, int[] cip, int atom, int doubleBond, out int side)
    {
        side = 0;
        int degree = c.Degree(atom);
        if (degree < 2 || degree > 3) return false;
        int marked = -1, markedBond = -1;
        var subs = new List<int>();
        foreach (int b in c.AtomBonds[atom])
        {
            if (b == doubleBond) continue;
            int o = c.Other(b, atom);
            subs.Add(o);
            if (markedBond < 0 && dir[b] != BondDirection.None && c.Type[b] != BondType.Double)
            {
                marked = o;
                markedBond = b;
            }
        }
        if (markedBond < 0) return false;
        if (subs.Count == 2 && cip[subs[0]] == cip[subs[1]]) return false;
        // '/' read from the substituent towards the double-bond atom is "up" (+1).
        bool up = dir[markedBond] == BondDirection.EndUpRight;
        side = (c.End[markedBond] == atom) == up ? 1 : -1;
        bool markedIsHighest = subs.Count == 1 || cip[marked] > cip[subs[0] == marked ? subs[1] : subs[0]];
        if (!markedIsHighest) side = -side;
        return true;
    }

    private static bool OddPermutation(List<int> from, List<int> to)
    {
        var work = new List<int>(from);
        int swaps = 0;
        for (int i = 0; i < to.Count; i++)
        {
            if (work[i] == to[i]) continue;
            int j = work.IndexOf(to[i], i + 1);
            if (j < 0) return false;
            (work[i], work[j]) = (work[j], work[i]);
            swaps++;
        }
        return swaps % 2 == 1;
    }
}
