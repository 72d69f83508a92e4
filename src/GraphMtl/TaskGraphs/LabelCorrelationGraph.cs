namespace GraphMtl.TaskGraphs;

/// <summary>Pairwise label statistic used to build a heuristic task graph.</summary>
public enum LabelMeasure
{
    /// <summary>Phi coefficient: Pearson correlation of the 0/1 labels over co-labelled examples.</summary>
    Phi,
    /// <summary>Jaccard index of the positive sets over co-labelled examples: n11 / (n11 + n10 + n01).</summary>
    Jaccard,
}

/// <summary>
/// The "simple heuristic" task graph of graph multi-task learning (gcnet.md §6.2): for every task pair with at least
/// <c>minCoLabelled</c> examples labelled on both tasks, a label statistic (phi or Jaccard) over those examples; a pair
/// becomes an undirected edge when |statistic| ≥ threshold, or (top-k rule) when it is among the k strongest pairs of
/// either task. Edge weights are the statistic (signed for phi). Only the given rows (the training split) are read.
/// </summary>
public static class LabelCorrelationGraph
{
    /// <summary>The statistic of every task pair (row-major T × T, symmetric, 0 on the diagonal) and the co-labelled counts.</summary>
    public static (double[] Statistic, int[] CoLabelled) Statistics(ReadOnlySpan<sbyte> labels, int taskCount, IReadOnlyList<int> rows, LabelMeasure measure)
    {
        if (taskCount < 1 || labels.Length % taskCount != 0) throw new ArgumentException($"expected labels of length n × {taskCount} (got {labels.Length})", nameof(labels));
        int t = taskCount;
        // Counts per pair: n11, n10, n01, n00 over rows labelled on both tasks.
        var n = new int[t * t * 4];
        foreach (int r in rows)
        {
            var row = labels.Slice(r * t, t);
            for (int a = 0; a < t; a++)
            {
                if (row[a] < 0) continue;
                for (int b = a + 1; b < t; b++)
                {
                    if (row[b] < 0) continue;
                    n[(a * t + b) * 4 + (row[a] == 1 ? 0 : 2) + (row[b] == 1 ? 0 : 1)]++;
                }
            }
        }
        var statistic = new double[t * t];
        var co = new int[t * t];
        for (int a = 0; a < t; a++)
            for (int b = a + 1; b < t; b++)
            {
                int k = (a * t + b) * 4;
                double n11 = n[k], n10 = n[k + 1], n01 = n[k + 2], n00 = n[k + 3];
                int total = (int)(n11 + n10 + n01 + n00);
                double s = measure switch
                {
                    LabelMeasure.Jaccard => n11 + n10 + n01 > 0 ? n11 / (n11 + n10 + n01) : 0,
                    _ => Phi(n11, n10, n01, n00),
                };
                statistic[a * t + b] = statistic[b * t + a] = s;
                co[a * t + b] = co[b * t + a] = total;
            }
        return (statistic, co);
    }

    /// <summary>Phi coefficient of a 2 × 2 table (0 when a margin is empty).</summary>
    public static double Phi(double n11, double n10, double n01, double n00)
    {
        double denominator = (n11 + n10) * (n01 + n00) * (n11 + n01) * (n10 + n00);
        return denominator > 0 ? (n11 * n00 - n10 * n01) / Math.Sqrt(denominator) : 0;
    }

    /// <summary>Builds the undirected heuristic graph from the labels of <paramref name="rows"/>.</summary>
    public static TaskGraph Build(ReadOnlySpan<sbyte> labels, int taskCount, IReadOnlyList<int> rows, LabelMeasure measure, double threshold, int topK, int minCoLabelled)
    {
        var (statistic, co) = Statistics(labels, taskCount, rows, measure);
        int t = taskCount;
        bool Eligible(int a, int b) => co[a * t + b] >= minCoLabelled && statistic[a * t + b] != 0;
        var edges = new List<(int, int, float)>();
        if (topK > 0)
        {
            var keep = new HashSet<(int, int)>();
            for (int a = 0; a < t; a++)
            {
                var best = Enumerable.Range(0, t).Where(b => b != a && Eligible(a, b))
                    .OrderByDescending(b => Math.Abs(statistic[a * t + b])).ThenBy(b => b).Take(topK);
                foreach (int b in best) keep.Add((Math.Min(a, b), Math.Max(a, b)));
            }
            edges.AddRange(keep.Select(p => (p.Item1, p.Item2, (float)statistic[p.Item1 * t + p.Item2])));
        }
        else
        {
            for (int a = 0; a < t; a++)
                for (int b = a + 1; b < t; b++)
                    if (Eligible(a, b) && Math.Abs(statistic[a * t + b]) >= threshold) edges.Add((a, b, (float)statistic[a * t + b]));
        }
        return TaskGraph.Undirected(taskCount, edges);
    }
}
