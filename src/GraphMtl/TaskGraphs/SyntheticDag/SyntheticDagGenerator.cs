using GraphMtl.Data;
using GraphMtl.Data.MultiLabel;

namespace GraphMtl.TaskGraphs.SyntheticDag;

/// <summary>
/// The synthetic benchmark with a known truth (gcnet.md §6.1): binary task labels that follow a structural causal model
/// over a random task DAG, features that drive every task, labels hidden at random, and a heuristic task graph with
/// spurious and missing edges. The result is an ordinary <see cref="MultiLabelDataset"/> of feature rows (so every
/// multilabel head and the MLP encoder read it) with a <see cref="TaskStructure"/> attached.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>DAG: a random order of the T tasks; each forward pair (a before b) is an edge a → b with probability
/// 2·k/(T − 1), k the expected number of parents; in-degrees above the cap keep a random subset. Task indices are not
/// in topological order.</item>
/// <item>x ~ N(0, I_d); w_t ~ N(0, s²/d) so that w_t·x has standard deviation about s.</item>
/// <item>In topological order: logit_t = w_t·x + b_t + Σ_{p ∈ pa(t)} β_pt (2y_p − 1), |β_pt| ~ U(β_min, β_max) with a
/// random sign, y_t ~ Bernoulli(σ(logit_t)); b_t is solved by bisection so that the mean of σ(logit_t) over the examples
/// is the task's target prevalence π_t ~ U(π_min, π_max).</item>
/// <item>Optionally (<see cref="SyntheticDagOptions.Interventions"/>) a share of the cells is set by a do-intervention,
/// y_t ~ Bernoulli(π_t), which the task's descendants in that row then read; the flags go with the data.</item>
/// <item>Each cell is hidden with probability ρ; a task left with fewer than 2 observed positives or negatives gets hidden
/// cells of that class back.</item>
/// <item>Heuristic graph: the true skeleton minus round(δ·|E|) random edges, plus round(γ·|E|) spurious edges among the
/// pairs not adjacent in the truth — the share 1 − r of highest |phi| on the observed labels (siblings, co-parents,
/// grandparent–grandchild pairs), the share r at random. Unit weights, both directions.</item>
/// </list>
/// Streams of one <see cref="SeededRandom"/> seed keep the parts independent: the same seed gives the same DAG whatever
/// n or ρ are.
/// </remarks>
public static class SyntheticDagGenerator
{
    /// <summary>Generates the dataset of <paramref name="options"/>, named <paramref name="name"/>.</summary>
    public static MultiLabelDataset Generate(SyntheticDagOptions options, string name = "synthetic-dag")
    {
        ArgumentNullException.ThrowIfNull(options);
        int t = options.Tasks, d = options.Features, n = options.Examples;
        var dag = SampleDag(options);

        var rngX = new SeededRandom(options.Seed, 2);
        var x = new float[n * d];
        for (int i = 0; i < x.Length; i++) x[i] = (float)rngX.NextGaussian();

        var rngW = new SeededRandom(options.Seed, 3);
        var w = new double[t * d];
        double wStd = options.FeatureScale / Math.Sqrt(d);
        for (int i = 0; i < w.Length; i++) w[i] = rngW.NextGaussian() * wStd;
        var beta = new Dictionary<(int, int), double>();
        var rngB = new SeededRandom(options.Seed, 4);
        for (int e = 0; e < dag.EdgeCount; e++)
        {
            double magnitude = options.EffectMin + (options.EffectMax - options.EffectMin) * rngB.NextDouble();
            beta[(dag.Source[e], dag.Target[e])] = rngB.NextDouble() < 0.5 ? -magnitude : magnitude;
        }

        var rngY = new SeededRandom(options.Seed, 5);
        var prevalence = Enumerable.Range(0, t).Select(_ => options.PrevalenceMin + (options.PrevalenceMax - options.PrevalenceMin) * rngY.NextDouble()).ToArray();
        var parents = Enumerable.Range(0, t).Select(c => Enumerable.Range(0, dag.EdgeCount).Where(e => dag.Target[e] == c).Select(e => dag.Source[e]).ToArray()).ToArray();
        var y = new sbyte[n * t];
        var logit = new double[n];
        var intervened = Intervene(n * t, options.Interventions, new SeededRandom(options.Seed, 8));
        var rngDo = new SeededRandom(options.Seed, 9);
        foreach (int task in TopologicalOrder(dag))
        {
            for (int i = 0; i < n; i++)
            {
                double z = 0;
                for (int k = 0; k < d; k++) z += w[task * d + k] * x[i * d + k];
                foreach (int p in parents[task]) z += beta[(p, task)] * (2 * y[i * t + p] - 1);
                logit[i] = z;
            }
            double b = SolveOffset(logit, prevalence[task]);
            for (int i = 0; i < n; i++)
            {
                double u = rngY.NextDouble(); // drawn for every cell, so the observational cells do not depend on the intervention rate
                y[i * t + task] = intervened?[i * t + task] == true
                    ? (sbyte)(rngDo.NextDouble() < prevalence[task] ? 1 : 0)
                    : (sbyte)(u < Sigmoid(logit[i] + b) ? 1 : 0);
            }
        }

        var labels = Hide(y, n, t, options.MissingRate, new SeededRandom(options.Seed, 6));
        var heuristic = Heuristic(dag, labels, n, options, new SeededRandom(options.Seed, 7));
        var taskNames = Enumerable.Range(0, t).Select(k => $"t{k.ToString(t > 100 ? "000" : "00")}").ToList();
        var featureNames = Enumerable.Range(0, d).Select(k => $"x{k}").ToList();
        string description = $"synthetic DAG (seed {options.Seed}): T={t}, {dag.EdgeCount} true edges, n={n}, d={d}, ρ={options.MissingRate}; " +
                             $"heuristic graph δ={options.Deleted}, γ={options.Spurious} ({heuristic.PairCount} pairs)" +
                             (intervened is null ? "" : $"; {options.Interventions} of the cells intervened");
        return new MultiLabelDataset(name, $"generated: {description}", new TabularInputs(x, featureNames), taskNames, labels)
        {
            Structure = new TaskStructure(dag, heuristic, description),
            Interventions = intervened,
        };
    }

    /// <summary>The random DAG of <paramref name="options"/> (edges parent → child).</summary>
    public static TaskGraph SampleDag(SyntheticDagOptions options)
    {
        int t = options.Tasks;
        var rng = new SeededRandom(options.Seed, 1);
        var order = rng.Permutation(t);
        double p = t > 1 ? Math.Min(1, 2 * options.ExpectedParents / (t - 1)) : 0;
        var parents = Enumerable.Range(0, t).Select(_ => new List<int>()).ToArray();
        for (int a = 0; a < t; a++)
            for (int b = a + 1; b < t; b++)
                if (rng.NextDouble() < p) parents[order[b]].Add(order[a]);
        var edges = new List<(int, int, float)>();
        for (int c = 0; c < t; c++)
        {
            var list = parents[c];
            if (options.MaxParents > 0 && list.Count > options.MaxParents)
            {
                var span = list.ToArray();
                rng.Shuffle(span.AsSpan());
                list = span.Take(options.MaxParents).ToList();
            }
            edges.AddRange(list.Select(pa => (pa, c, 1f)));
        }
        return TaskGraph.Directed(t, edges);
    }

    private static IEnumerable<int> TopologicalOrder(TaskGraph dag)
    {
        var indegree = new int[dag.TaskCount];
        for (int e = 0; e < dag.EdgeCount; e++) indegree[dag.Target[e]]++;
        var ready = new SortedSet<int>(Enumerable.Range(0, dag.TaskCount).Where(k => indegree[k] == 0));
        while (ready.Count > 0)
        {
            int u = ready.Min;
            ready.Remove(u);
            yield return u;
            for (int e = 0; e < dag.EdgeCount; e++)
                if (dag.Source[e] == u && --indegree[dag.Target[e]] == 0) ready.Add(dag.Target[e]);
        }
    }

    // Which cells a do-intervention sets (null when the rate is 0: observational data).
    private static bool[]? Intervene(int cells, double rate, SeededRandom rng)
    {
        if (rate <= 0) return null;
        var flags = new bool[cells];
        for (int i = 0; i < cells; i++) flags[i] = rng.NextDouble() < rate;
        return flags;
    }

    // b such that mean σ(z_i + b) = prevalence (monotone in b: bisection).
    private static double SolveOffset(double[] z, double prevalence)
    {
        double lo = -40, hi = 40;
        for (int it = 0; it < 80; it++)
        {
            double mid = (lo + hi) / 2, mean = 0;
            foreach (double v in z) mean += Sigmoid(v + mid);
            if (mean / z.Length < prevalence) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static sbyte[] Hide(sbyte[] y, int n, int t, double rate, SeededRandom rng)
    {
        var labels = (sbyte[])y.Clone();
        for (int i = 0; i < labels.Length; i++)
            if (rng.NextDouble() < rate) labels[i] = MultiLabelDataset.Missing;
        for (int task = 0; task < t; task++)
        {
            foreach (sbyte cls in new sbyte[] { 0, 1 })
            {
                int observed = Enumerable.Range(0, n).Count(i => labels[i * t + task] == cls);
                var hidden = Enumerable.Range(0, n).Where(i => labels[i * t + task] < 0 && y[i * t + task] == cls).ToArray();
                rng.Shuffle(hidden.AsSpan());
                for (int k = 0; observed < 2 && k < hidden.Length; k++, observed++) labels[hidden[k] * t + task] = cls;
            }
        }
        return labels;
    }

    private static TaskGraph Heuristic(TaskGraph dag, sbyte[] labels, int n, SyntheticDagOptions options, SeededRandom rng)
    {
        int t = dag.TaskCount;
        var truePairs = Enumerable.Range(0, dag.EdgeCount)
            .Select(e => (Math.Min(dag.Source[e], dag.Target[e]), Math.Max(dag.Source[e], dag.Target[e]))).Distinct().ToArray();
        var adjacent = truePairs.ToHashSet();
        var kept = truePairs.ToArray();
        rng.Shuffle(kept.AsSpan());
        int delete = (int)Math.Round(options.Deleted * truePairs.Length);
        var edges = kept.Skip(delete).ToList();

        int spurious = (int)Math.Round(options.Spurious * truePairs.Length);
        var candidates = new List<(int, int)>();
        for (int a = 0; a < t; a++)
            for (int b = a + 1; b < t; b++)
                if (!adjacent.Contains((a, b))) candidates.Add((a, b));
        spurious = Math.Min(spurious, candidates.Count);
        int random = (int)Math.Round(options.SpuriousRandom * spurious);
        var (phi, _) = LabelCorrelationGraph.Statistics(labels, t, Enumerable.Range(0, n).ToArray(), LabelMeasure.Phi);
        var byCorrelation = candidates.OrderByDescending(p => Math.Abs(phi[p.Item1 * t + p.Item2])).ThenBy(p => p.Item1).ThenBy(p => p.Item2).ToList();
        var chosen = byCorrelation.Take(spurious - random).ToList();
        var rest = byCorrelation.Skip(spurious - random).ToArray();
        rng.Shuffle(rest.AsSpan());
        chosen.AddRange(rest.Take(random));
        edges.AddRange(chosen);
        return TaskGraph.Undirected(t, edges.Select(p => (p.Item1, p.Item2, 1f)));
    }
}
