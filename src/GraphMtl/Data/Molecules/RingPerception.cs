namespace GraphMtl.Data.Molecules;

/// <summary>Ring bonds (non-bridges) and a smallest set of smallest rings (SSSR) of a molecular graph.</summary>
internal static class RingPerception
{
    /// <summary>One ring: atoms in ring order and the ring's bond indices.</summary>
    public sealed record Ring(int[] Atoms, int[] Bonds);

    /// <summary>True for every bond that lies on a cycle (is not a bridge), by an iterative Tarjan DFS.</summary>
    public static bool[] RingBonds(int atomCount, int[] begin, int[] end, int[][] atomBonds)
    {
        var inRing = new bool[begin.Length];
        Array.Fill(inRing, true);
        var disc = new int[atomCount];
        var low = new int[atomCount];
        Array.Fill(disc, -1);
        int time = 0;
        var stack = new Stack<(int Atom, int ParentBond, int Next)>();
        for (int root = 0; root < atomCount; root++)
        {
            if (disc[root] >= 0) continue;
            disc[root] = low[root] = time++;
            stack.Push((root, -1, 0));
            while (stack.Count > 0)
            {
                var (a, pb, next) = stack.Pop();
                var bonds = atomBonds[a];
                if (next < bonds.Length)
                {
                    stack.Push((a, pb, next + 1));
                    int b = bonds[next];
                    if (b == pb) continue;
                    int o = begin[b] == a ? end[b] : begin[b];
                    if (disc[o] < 0)
                    {
                        disc[o] = low[o] = time++;
                        stack.Push((o, b, 0));
                    }
                    else low[a] = Math.Min(low[a], disc[o]);
                }
                else if (pb >= 0)
                {
                    int parent = begin[pb] == a ? end[pb] : begin[pb];
                    low[parent] = Math.Min(low[parent], low[a]);
                    if (low[a] > disc[parent]) inRing[pb] = false;
                }
            }
        }
        return inRing;
    }

    /// <summary>
    /// SSSR: the shortest cycle through every ring bond are the candidates; they are taken smallest first while
    /// linearly independent (GF(2) over bonds) until the cycle rank is reached, completed by fundamental cycles
    /// in the rare graphs where the candidates do not span the cycle space.
    /// </summary>
    public static List<Ring> Sssr(int atomCount, int[] begin, int[] end, int[][] atomBonds, bool[] ringBond)
    {
        var rings = new List<Ring>();
        int ringBondCount = 0;
        foreach (bool r in ringBond)
            if (r) ringBondCount++;
        if (ringBondCount == 0) return rings;

        // Cycle rank of the ring subgraph: E - V + components.
        var ringAtom = new bool[atomCount];
        for (int b = 0; b < begin.Length; b++)
            if (ringBond[b]) ringAtom[begin[b]] = ringAtom[end[b]] = true;
        int ringAtomCount = 0, components = 0;
        var seen = new bool[atomCount];
        for (int a = 0; a < atomCount; a++)
        {
            if (!ringAtom[a]) continue;
            ringAtomCount++;
            if (seen[a]) continue;
            components++;
            var q = new Queue<int>();
            q.Enqueue(a);
            seen[a] = true;
            while (q.Count > 0)
            {
                int x = q.Dequeue();
                foreach (int b in atomBonds[x])
                {
                    if (!ringBond[b]) continue;
                    int o = begin[b] == x ? end[b] : begin[b];
                    if (!seen[o]) { seen[o] = true; q.Enqueue(o); }
                }
            }
        }
        int rank = ringBondCount - ringAtomCount + components;

        var candidates = new List<Ring>();
        var keys = new HashSet<string>();
        for (int b = 0; b < begin.Length; b++)
        {
            if (!ringBond[b]) continue;
            var ring = ShortestCycleThrough(b, atomCount, begin, end, atomBonds, ringBond);
            if (ring is not null && keys.Add(Key(ring))) candidates.Add(ring);
        }
        candidates.Sort((x, y) => x.Bonds.Length != y.Bonds.Length ? x.Bonds.Length.CompareTo(y.Bonds.Length) : string.CompareOrdinal(Key(x), Key(y)));

        int words = (begin.Length + 63) / 64;
        var basis = new List<ulong[]>();
        void TryAdd(Ring ring)
        {
            var v = new ulong[words];
            foreach (int b in ring.Bonds) v[b >> 6] |= 1UL << (b & 63);
            foreach (var row in basis)
            {
                int pivot = Pivot(row);
                if ((v[pivot >> 6] & (1UL << (pivot & 63))) != 0)
                    for (int w = 0; w < words; w++) v[w] ^= row[w];
            }
            if (Pivot(v) < 0) return;
            basis.Add(v);
            rings.Add(ring);
        }

        foreach (var c in candidates)
        {
            if (rings.Count >= rank) break;
            TryAdd(c);
        }
        if (rings.Count < rank)
        {
            var fundamental = FundamentalCycles(atomCount, begin, end, atomBonds, ringBond);
            fundamental.Sort((x, y) => x.Bonds.Length.CompareTo(y.Bonds.Length));
            foreach (var c in fundamental)
            {
                if (rings.Count >= rank) break;
                TryAdd(c);
            }
        }
        return rings;
    }

    private static int Pivot(ulong[] v)
    {
        for (int w = 0; w < v.Length; w++)
            if (v[w] != 0) return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(v[w]);
        return -1;
    }

    private static string Key(Ring r)
    {
        var b = (int[])r.Bonds.Clone();
        Array.Sort(b);
        return string.Join(',', b);
    }

    private static Ring? ShortestCycleThrough(int bond, int atomCount, int[] begin, int[] end, int[][] atomBonds, bool[] ringBond)
    {
        int u = begin[bond], v = end[bond];
        var parentBond = new int[atomCount];
        Array.Fill(parentBond, -2);
        parentBond[u] = -1;
        var q = new Queue<int>();
        q.Enqueue(u);
        while (q.Count > 0 && parentBond[v] == -2)
        {
            int x = q.Dequeue();
            foreach (int b in atomBonds[x])
            {
                if (b == bond || !ringBond[b]) continue;
                int o = begin[b] == x ? end[b] : begin[b];
                if (parentBond[o] != -2) continue;
                parentBond[o] = b;
                q.Enqueue(o);
            }
        }
        if (parentBond[v] == -2) return null;
        var atoms = new List<int>();
        var bonds = new List<int> { bond };
        int cur = v;
        while (cur != u)
        {
            atoms.Add(cur);
            int b = parentBond[cur];
            bonds.Add(b);
            cur = begin[b] == cur ? end[b] : begin[b];
        }
        atoms.Add(u);
        return new Ring([.. atoms], [.. bonds]);
    }

    private static List<Ring> FundamentalCycles(int atomCount, int[] begin, int[] end, int[][] atomBonds, bool[] ringBond)
    {
        var result = new List<Ring>();
        var parentBond = new int[atomCount];
        var depth = new int[atomCount];
        Array.Fill(parentBond, -2);
        var tree = new bool[begin.Length];
        for (int root = 0; root < atomCount; root++)
        {
            if (parentBond[root] != -2) continue;
            parentBond[root] = -1;
            var q = new Queue<int>();
            q.Enqueue(root);
            while (q.Count > 0)
            {
                int x = q.Dequeue();
                foreach (int b in atomBonds[x])
                {
                    if (!ringBond[b]) continue;
                    int o = begin[b] == x ? end[b] : begin[b];
                    if (parentBond[o] != -2) continue;
                    parentBond[o] = b;
                    depth[o] = depth[x] + 1;
                    tree[b] = true;
                    q.Enqueue(o);
                }
            }
        }
        for (int b = 0; b < begin.Length; b++)
        {
            if (!ringBond[b] || tree[b]) continue;
            var left = new List<int>();
            var right = new List<int>();
            var bonds = new List<int> { b };
            int x = begin[b], y = end[b];
            left.Add(x);
            right.Add(y);
            while (x != y)
            {
                if (depth[x] >= depth[y])
                {
                    int pb = parentBond[x];
                    bonds.Add(pb);
                    x = begin[pb] == x ? end[pb] : begin[pb];
                    left.Add(x);
                }
                else
                {
                    int pb = parentBond[y];
                    bonds.Add(pb);
                    y = begin[pb] == y ? end[pb] : begin[pb];
                    right.Add(y);
                }
            }
            right.RemoveAt(right.Count - 1);
            right.Reverse();
            left.AddRange(right);
            result.Add(new Ring([.. left], [.. bonds]));
        }
        return result;
    }
}
