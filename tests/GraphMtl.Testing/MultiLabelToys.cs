using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;

namespace GraphMtl.Testing;

/// <summary>Tiny example × task datasets with known structure for the multi-label and MetaLink tests.</summary>
public static class MultiLabelToys
{
    /// <summary>
    /// A relational toy that no model can solve from the inputs: each example has a hidden bit b ~ Bernoulli(½), its
    /// <paramref name="features"/> inputs are pure noise, and every one of the <paramref name="tasks"/> labels equals b.
    /// A label is predictable only from the example's other, revealed labels. <paramref name="missing"/> labels are
    /// dropped at random (−1).
    /// </summary>
    public static MultiLabelDataset RelationalCopies(int examples = 300, int tasks = 4, int features = 4, double missing = 0, int seed = 1)
    {
        var rng = new Random(seed);
        var x = new float[examples * features];
        var labels = new sbyte[examples * tasks];
        for (int i = 0; i < examples; i++)
        {
            for (int f = 0; f < features; f++) x[i * features + f] = (float)Gaussian(rng);
            sbyte bit = (sbyte)rng.Next(2);
            for (int t = 0; t < tasks; t++) labels[i * tasks + t] = rng.NextDouble() < missing ? MultiLabelDataset.Missing : bit;
        }
        return new MultiLabelDataset("copies", "memory", new TabularInputs(x, Enumerable.Range(0, features).Select(f => $"x{f}").ToList()),
            Enumerable.Range(0, tasks).Select(t => $"t{t}").ToList(), labels);
    }

    /// <summary>Random labels (with missing cells) over random feature rows: for bookkeeping tests.</summary>
    public static MultiLabelDataset RandomLabels(int examples, int tasks, double missing, int seed = 1, int features = 3)
    {
        var rng = new Random(seed);
        var x = Enumerable.Range(0, examples * features).Select(_ => (float)Gaussian(rng)).ToArray();
        var labels = Enumerable.Range(0, examples * tasks)
            .Select(_ => rng.NextDouble() < missing ? MultiLabelDataset.Missing : (sbyte)rng.Next(2)).ToArray();
        return new MultiLabelDataset("random", "memory", new TabularInputs(x, Enumerable.Range(0, features).Select(f => $"x{f}").ToList()),
            Enumerable.Range(0, tasks).Select(t => $"t{t}").ToList(), labels);
    }

    /// <summary>
    /// Small drug-like molecules (rings, charges, aromatic and stereo bonds) in a MoleculeNet CSV layout: <c>smiles</c>,
    /// then tasks <c>a</c> (has an aromatic ring), <c>b</c> (has nitrogen) and <c>c</c> (every third row missing).
    /// </summary>
    public static string MoleculeCsv()
    {
        string[] smiles =
        [
            "c1ccccc1O", "CCO", "CC(=O)Nc1ccc(O)cc1", "C1CCNCC1", "c1ccncc1", "CC(C)Cc1ccc(cc1)C(C)C(=O)O", "OC(=O)C=C", "CN1CCC[C@H]1c1cccnc1",
            "C/C=C/C(=O)O", "c1ccc2ccccc2c1", "CC[N+](C)(C)C", "O=C([O-])c1ccccc1", "CCCCCC", "NCCO", "c1ccoc1", "CC(C)(C)OC(=O)N",
            "C1=CC=CN=C1", "ClC(Cl)Cl", "CCN(CC)CC", "c1cc[nH]c1", "COc1ccccc1", "CC#N", "C1CC1C(=O)O", "Nc1ccccc1",
        ];
        var lines = new List<string> { "smiles,a,b,c" };
        for (int i = 0; i < smiles.Length; i++)
        {
            var m = SmilesParser.Parse(smiles[i]);
            int aromatic = m.Atoms.Any(a => a.IsAromatic) ? 1 : 0;
            int nitrogen = m.Atoms.Any(a => a.AtomicNumber == 7) ? 1 : 0;
            string c = i % 3 == 0 ? "" : (i % 2).ToString();
            lines.Add($"{smiles[i]},{aromatic},{nitrogen},{c}");
        }
        return string.Join('\n', lines) + "\n";
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
