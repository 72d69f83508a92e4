namespace GraphMtl.Data.Molecules;

/// <summary>
/// Deterministic dataset splits for a seed: chemprop's balanced scaffold split (MetaLink), a random split, and
/// SGNN-EBM/GCNet's <c>random_filtered_split</c>. Shuffles use <see cref="System.Random"/> seeded with the seed,
/// so they are reproducible in .NET but not equal to Python's shuffles.
/// </summary>
public static class MoleculeSplits
{
    /// <summary>
    /// Balanced Bemis–Murcko scaffold split (chemprop <c>scaffold_split(balanced=True)</c>): scaffold sets larger
    /// than half the validation or test size go first in random order, then the other sets shuffled; each set goes
    /// whole to train while train stays within <paramref name="trainFraction"/>·n, else to validation while it
    /// stays within <paramref name="validFraction"/>·n, else to test.
    /// </summary>
    /// <param name="molecules">The molecules; their scaffolds come from <see cref="MurckoScaffold.ScaffoldKey"/>.</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <param name="trainFraction">Train share (0.8).</param>
    /// <param name="validFraction">Validation share (0.1); the rest is test.</param>
    public static DatasetSplit Scaffold(IReadOnlyList<Molecule> molecules, int seed, double trainFraction = 0.8, double validFraction = 0.1)
    {
        ArgumentNullException.ThrowIfNull(molecules);
        var keys = new string[molecules.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = MurckoScaffold.ScaffoldKey(molecules[i]);
        return ScaffoldFromKeys(keys, seed, trainFraction, validFraction);
    }

    /// <summary>The balanced scaffold split of <see cref="Scaffold"/> from precomputed scaffold keys (one per row).</summary>
    public static DatasetSplit ScaffoldFromKeys(IReadOnlyList<string> scaffoldKeys, int seed, double trainFraction = 0.8, double validFraction = 0.1)
    {
        ArgumentNullException.ThrowIfNull(scaffoldKeys);
        CheckFractions(trainFraction, validFraction);
        int n = scaffoldKeys.Count;
        double trainSize = trainFraction * n, validSize = validFraction * n, testSize = (1 - trainFraction - validFraction) * n;

        // Scaffold sets in order of first appearance (Python dict order).
        var setIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<List<int>>();
        for (int i = 0; i < n; i++)
        {
            if (!setIndex.TryGetValue(scaffoldKeys[i], out int s))
            {
                s = sets.Count;
                setIndex[scaffoldKeys[i]] = s;
                sets.Add([]);
            }
            sets[s].Add(i);
        }
        var big = new List<List<int>>();
        var small = new List<List<int>>();
        foreach (var set in sets)
            (set.Count > validSize / 2 || set.Count > testSize / 2 ? big : small).Add(set);
        var rng = new Random(seed);
        Shuffle(big, rng);
        Shuffle(small, rng);

        var train = new List<int>();
        var valid = new List<int>();
        var test = new List<int>();
        foreach (var set in big.Concat(small))
        {
            if (train.Count + set.Count <= trainSize) train.AddRange(set);
            else if (valid.Count + set.Count <= validSize) valid.AddRange(set);
            else test.AddRange(set);
        }
        return new DatasetSplit([.. train], [.. valid], [.. test]);
    }

    /// <summary>
    /// Random split: a seeded shuffle, the first ⌊<paramref name="trainFraction"/>·n⌋ rows to train, up to
    /// ⌊(<paramref name="trainFraction"/> + <paramref name="validFraction"/>)·n⌋ to validation, the rest to test.
    /// </summary>
    public static DatasetSplit Random(int count, int seed, double trainFraction = 0.8, double validFraction = 0.1)
    {
        CheckFractions(trainFraction, validFraction);
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "expected a non-negative count");
        return RandomFrom(count, new Random(seed), trainFraction, validFraction);
    }

    /// <summary>
    /// GCNet's <c>random_filtered_split</c>: random splits are drawn until every task has at least one positive and
    /// one negative label in each of train, validation and test; after <paramref name="maxTries"/> failures a
    /// plain random split is returned with <see cref="DatasetSplit.UsedFallback"/> set.
    /// </summary>
    /// <param name="labels">Row-major labels [count × taskCount]: 0, 1, or −1 for missing.</param>
    /// <param name="taskCount">Number of tasks (columns of <paramref name="labels"/>).</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <param name="trainFraction">Train share (0.8).</param>
    /// <param name="validFraction">Validation share (0.1); the rest is test.</param>
    /// <param name="maxTries">Filtered attempts before the fallback (10).</param>
    public static DatasetSplit RandomFiltered(sbyte[] labels, int taskCount, int seed, double trainFraction = 0.8, double validFraction = 0.1, int maxTries = 10)
    {
        ArgumentNullException.ThrowIfNull(labels);
        CheckFractions(trainFraction, validFraction);
        if (taskCount <= 0 || labels.Length % taskCount != 0)
            throw new ArgumentException($"expected labels of length count × {taskCount} (got {labels.Length})", nameof(labels));
        int count = labels.Length / taskCount;
        var rng = new Random(seed);
        for (int attempt = 0; attempt < maxTries; attempt++)
        {
            var split = RandomFrom(count, rng, trainFraction, validFraction);
            if (BothClasses(labels, taskCount, split.Train) && BothClasses(labels, taskCount, split.Valid) && BothClasses(labels, taskCount, split.Test))
                return split;
        }
        return RandomFrom(count, rng, trainFraction, validFraction) with { UsedFallback = true };
    }

    /// <summary>True when every task has at least one 1 and one 0 among <paramref name="rows"/>.</summary>
    internal static bool BothClasses(sbyte[] labels, int taskCount, int[] rows)
    {
        for (int t = 0; t < taskCount; t++)
        {
            bool pos = false, neg = false;
            foreach (int r in rows)
            {
                sbyte v = labels[r * taskCount + t];
                pos |= v == 1;
                neg |= v == 0;
                if (pos && neg) break;
            }
            if (!pos || !neg) return false;
        }
        return true;
    }

    private static DatasetSplit RandomFrom(int count, Random rng, double trainFraction, double validFraction)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Shuffle(order, rng);
        int trainEnd = (int)(trainFraction * count);
        int validEnd = (int)((trainFraction + validFraction) * count);
        return new DatasetSplit(order[..trainEnd], order[trainEnd..validEnd], order[validEnd..]);
    }

    private static void Shuffle<T>(IList<T> items, Random rng)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static void CheckFractions(double train, double valid)
    {
        if (train < 0 || valid < 0 || train + valid > 1 + 1e-9)
            throw new ArgumentOutOfRangeException(nameof(train), $"expected non-negative train and validation fractions summing to at most 1 (got {train} and {valid})");
    }
}
