namespace GraphMtl.Data.Synthetic;

/// <summary>Draws members of a set with probability proportional to their weights in O(1) (Vose's alias method).</summary>
internal sealed class AliasSampler
{
    private readonly int[] _members;
    private readonly double[] _probability;
    private readonly int[] _alias;

    /// <summary>Builds the table for <paramref name="members"/> weighted by <c>weights[member]</c>.</summary>
    public AliasSampler(int[] members, double[] weights)
    {
        int n = members.Length;
        if (n == 0) throw new ArgumentException("An alias sampler needs at least one member.");
        _members = members;
        _probability = new double[n];
        _alias = new int[n];
        double total = 0;
        foreach (int m in members) total += weights[m];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            scaled[i] = weights[members[i]] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop(), l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }
        while (large.Count > 0) _probability[large.Pop()] = 1;
        while (small.Count > 0) _probability[small.Pop()] = 1;
    }

    /// <summary>Number of members.</summary>
    public int Count => _members.Length;

    /// <summary>One weighted draw.</summary>
    public int Sample(SeededRandom rng)
    {
        int i = rng.NextInt(_members.Length);
        return _members[rng.NextDouble() < _probability[i] ? i : _alias[i]];
    }
}
