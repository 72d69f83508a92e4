namespace GraphMtl.Data.Molecules;

/// <summary>
/// Iterated invariant ranking (Morgan/Weininger style): an atom's rank is refined by the sorted ranks of its
/// neighbours until the partition stops changing. Used for symmetry classes, CIP-like priorities and canonical order.
/// </summary>
internal static class AtomRanking
{
    /// <summary>
    /// Refines <paramref name="initial"/> (any comparable values) by neighbour lists. Each neighbour contributes
    /// <c>rank * 8 + code</c>, repeated <paramref name="repeat"/> times when given; <paramref name="extraZeros"/>
    /// adds that many lowest entries (implicit hydrogens in CIP ranking). With <paramref name="descending"/> the
    /// neighbour lists are compared highest entry first (CIP exploration order). Returns dense ranks from 1.
    /// </summary>
    public static int[] Refine(long[] initial, int[][] neighbours, int[][] codes, int[][]? repeat = null, int[]? extraZeros = null, bool descending = false)
    {
        int n = initial.Length;
        var ranks = DenseRanks(initial);
        int classes = CountClasses(ranks);
        var lists = new int[n][];
        var order = new int[n];
        for (int iter = 0; iter < n + 1 && classes < n; iter++)
        {
            for (int a = 0; a < n; a++)
            {
                var nb = neighbours[a];
                int len = extraZeros?[a] ?? 0;
                for (int k = 0; k < nb.Length; k++) len += repeat?[a][k] ?? 1;
                var list = lists[a] is { } l && l.Length == len ? l : new int[len];
                int p = 0;
                for (int k = 0; k < nb.Length; k++)
                {
                    int v = ranks[nb[k]] * 8 + codes[a][k];
                    int times = repeat?[a][k] ?? 1;
                    for (int t = 0; t < times; t++) list[p++] = v;
                }
                while (p < len) list[p++] = 0;
                Array.Sort(list);
                if (descending) Array.Reverse(list);
                lists[a] = list;
            }
            for (int a = 0; a < n; a++) order[a] = a;
            var current = ranks;
            int Compare(int x, int y)
            {
                int c = current[x].CompareTo(current[y]);
                if (c != 0) return c;
                var lx = lists[x];
                var ly = lists[y];
                int m = Math.Min(lx.Length, ly.Length);
                for (int k = 0; k < m; k++)
                {
                    c = lx[k].CompareTo(ly[k]);
                    if (c != 0) return c;
                }
                return lx.Length.CompareTo(ly.Length);
            }
            Array.Sort(order, Compare);
            var next = new int[n];
            int r = 1;
            for (int k = 0; k < n; k++)
            {
                if (k > 0 && Compare(order[k - 1], order[k]) != 0) r++;
                next[order[k]] = r;
            }
            int newClasses = r;
            ranks = next;
            if (newClasses == classes) break;
            classes = newClasses;
        }
        return ranks;
    }

    /// <summary>
    /// Canonical order: symmetry classes from <see cref="Refine"/>, then ties broken one at a time (lowest tied
    /// class, lowest atom index) and refined again until every atom has its own rank.
    /// </summary>
    public static int[] Canonical(long[] initial, int[][] neighbours, int[][] codes)
    {
        int n = initial.Length;
        var ranks = Refine(initial, neighbours, codes);
        while (CountClasses(ranks) < n)
        {
            var counts = new int[n + 2];
            foreach (int r in ranks) counts[r]++;
            int tied = 1;
            while (counts[tied] < 2) tied++;
            int chosen = Array.IndexOf(ranks, tied);
            var seed = new long[n];
            for (int a = 0; a < n; a++) seed[a] = 2L * ranks[a] - (a == chosen ? 1 : 0);
            ranks = Refine(seed, neighbours, codes);
        }
        return ranks;
    }

    private static int[] DenseRanks(long[] values)
    {
        int n = values.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (x, y) => values[x].CompareTo(values[y]));
        var ranks = new int[n];
        int r = 0;
        for (int k = 0; k < n; k++)
        {
            if (k == 0 || values[order[k]] != values[order[k - 1]]) r++;
            ranks[order[k]] = r;
        }
        return ranks;
    }

    private static int CountClasses(int[] ranks)
    {
        int max = 0;
        foreach (int r in ranks) max = Math.Max(max, r);
        return max;
    }
}
