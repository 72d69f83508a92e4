using GraphMtl.Metrics;

namespace GraphMtl.TaskGraphs;

/// <summary>How well a task-graph score matrix recovers a true directed graph (see <see cref="StructureMetrics.Compare"/>).</summary>
/// <param name="EdgeAuroc">ROC-AUC of |S[i, j]| over all ordered pairs i ≠ j, positives = true directed edges i → j.</param>
/// <param name="EdgeAuprc">Average precision (scikit-learn's step-wise area) of the same scores and labels.</param>
/// <param name="Shd">Structural Hamming distance of the thresholded graph: unordered pairs whose directed state differs.</param>
/// <param name="ShdSkeleton">Unordered pairs whose adjacency (an edge either way) differs.</param>
/// <param name="PredictedEdges">Directed edges kept by the threshold.</param>
/// <param name="Threshold">The absolute threshold used: <c>relative threshold × max |S|</c>.</param>
/// <param name="SkeletonAuroc">ROC-AUC over the unordered pairs {i, j}: label 1 when the truth has an edge either way, score max(|S[i, j]|, |S[j, i]|).</param>
/// <param name="Orientation">Share of the true edges i → j scored above their reverse, |S[i, j]| &gt; |S[j, i]| (ties ½).</param>
public sealed record StructureScores(double EdgeAuroc, double EdgeAuprc, int Shd, int ShdSkeleton, int PredictedEdges, double Threshold,
    double SkeletonAuroc, double Orientation);

/// <summary>
/// Structure-recovery metrics of a learned (or heuristic) task graph against a known directed task DAG.
/// </summary>
/// <remarks>
/// <para>
/// <b>Scores.</b> S is a row-major T × T matrix; S[i, j] scores the directed edge i → j (a symmetric S, such as an
/// undirected heuristic graph, scores both directions alike). The diagonal is ignored.
/// </para>
/// <para>
/// <b>Edge AUROC / AUPRC.</b> Over the T(T − 1) ordered pairs i ≠ j: label 1 when i → j is in the true DAG, score
/// |S[i, j]|. A reversed true edge j → i is a negative. Ties count one half (Mann–Whitney), as <see cref="RocAuc"/>;
/// AUPRC is <see cref="AveragePrecision"/> (tied scores enter together).
/// </para>
/// <para>
/// <b>Skeleton AUROC and orientation.</b> Observational data identify a DAG only up to its Markov equivalence class
/// (edges outside v-structures can be reversed without changing the distribution), so the directed AUROC mixes two
/// questions. The skeleton AUROC asks only "is there an edge between i and j" (over the T(T − 1)/2 unordered pairs,
/// score = the larger direction); the orientation is the share of true edges whose direction is scored higher than
/// the reverse (½ for a symmetric S).
/// </para>
/// <para>
/// <b>SHD.</b> The predicted directed graph keeps i → j when |S[i, j]| ≥ τ and |S[i, j]| &gt; 0, with τ = r · max |S|
/// (r the relative threshold, default ½). SHD counts the unordered pairs {i, j} whose pair of directed indicators
/// (i → j, j → i) differs from the truth's — an extra edge, a missing edge and a reversed edge each cost 1, and so does
/// a pair predicted in both directions where the truth has one (CDT's <c>SHD(double_for_anticausal=False)</c>). The
/// skeleton SHD compares only adjacency (an edge in either direction).
/// </para>
/// </remarks>
public static class StructureMetrics
{
    /// <summary>Default relative SHD threshold r (τ = r · max |S|).</summary>
    public const double DefaultRelativeThreshold = 0.5;

    /// <summary>Compares score matrix <paramref name="scores"/> (row-major T × T) with the directed edges of <paramref name="truth"/>.</summary>
    public static StructureScores Compare(ReadOnlySpan<float> scores, TaskGraph truth, double relativeThreshold = DefaultRelativeThreshold)
    {
        int t = truth.TaskCount;
        if (scores.Length != t * t) throw new ArgumentException($"expected {t}² scores (got {scores.Length})", nameof(scores));
        var s = scores.ToArray();
        if (relativeThreshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(relativeThreshold), relativeThreshold, "expected a relative threshold in (0, 1]");
        var adjacency = new bool[t * t];
        for (int e = 0; e < truth.EdgeCount; e++) adjacency[truth.Source[e] * t + truth.Target[e]] = true;

        var labels = new int[t * (t - 1)];
        var values = new double[t * (t - 1)];
        double max = 0;
        int k = 0;
        for (int i = 0; i < t; i++)
            for (int j = 0; j < t; j++)
            {
                if (i == j) continue;
                labels[k] = adjacency[i * t + j] ? 1 : 0;
                values[k] = Math.Abs((double)scores[i * t + j]);
                max = Math.Max(max, values[k]);
                k++;
            }
        double auroc = RocAuc.Binary(labels, values);
        double auprc = labels.Contains(1) ? AveragePrecision.Binary(labels, values) : double.NaN;

        double tau = relativeThreshold * max;
        bool Predicted(int i, int j) => max > 0 && Math.Abs((double)s[i * t + j]) >= tau;
        var pairLabels = new int[t * (t - 1) / 2];
        var pairValues = new double[pairLabels.Length];
        int p = 0;
        double oriented = 0;
        for (int i = 0; i < t; i++)
            for (int j = i + 1; j < t; j++, p++)
            {
                pairLabels[p] = adjacency[i * t + j] || adjacency[j * t + i] ? 1 : 0;
                pairValues[p] = Math.Max(Math.Abs((double)s[i * t + j]), Math.Abs((double)s[j * t + i]));
            }
        for (int e = 0; e < truth.EdgeCount; e++)
        {
            double forward = Math.Abs((double)s[truth.Source[e] * t + truth.Target[e]]), reverse = Math.Abs((double)s[truth.Target[e] * t + truth.Source[e]]);
            oriented += forward > reverse ? 1 : forward == reverse ? 0.5 : 0;
        }
        double skeletonAuroc = RocAuc.Binary(pairLabels, pairValues);
        double orientation = truth.EdgeCount > 0 ? oriented / truth.EdgeCount : double.NaN;
        int shd = 0, skeleton = 0, predicted = 0;
        for (int i = 0; i < t; i++)
            for (int j = 0; j < t; j++)
                if (i != j && Predicted(i, j)) predicted++;
        for (int i = 0; i < t; i++)
            for (int j = i + 1; j < t; j++)
            {
                bool pij = Predicted(i, j), pji = Predicted(j, i), tij = adjacency[i * t + j], tji = adjacency[j * t + i];
                if (pij != tij || pji != tji) shd++;
                if ((pij || pji) != (tij || tji)) skeleton++;
            }
        return new StructureScores(auroc, auprc, shd, skeleton, predicted, tau, skeletonAuroc, orientation);
    }

    /// <summary>
    /// How well per-edge scores of a heuristic graph separate its true edges from its spurious ones (gcnet.md §6.1.7, the
    /// structure prior a_causal): over the unordered pairs of <paramref name="graph"/>, label 1 when the pair is adjacent in
    /// <paramref name="truth"/> (either direction), score = the larger |score| of the pair's directed edges. Returns
    /// (AUROC, AUPRC); NaN when one class is absent.
    /// </summary>
    public static (double Auroc, double Auprc) EdgeSeparation(TaskGraph graph, IReadOnlyList<float> edgeScores, TaskGraph truth)
    {
        if (edgeScores.Count != graph.EdgeCount) throw new ArgumentException($"expected {graph.EdgeCount} edge scores (got {edgeScores.Count})", nameof(edgeScores));
        var pairs = new Dictionary<(int, int), double>();
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            var key = (Math.Min(graph.Source[e], graph.Target[e]), Math.Max(graph.Source[e], graph.Target[e]));
            double s = Math.Abs((double)edgeScores[e]);
            pairs[key] = pairs.TryGetValue(key, out var old) ? Math.Max(old, s) : s;
        }
        var keys = pairs.Keys.ToList();
        var labels = keys.Select(p => truth.HasEdge(p.Item1, p.Item2) || truth.HasEdge(p.Item2, p.Item1) ? 1 : 0).ToArray();
        var values = keys.Select(p => pairs[p]).ToArray();
        if (!labels.Contains(1) || !labels.Contains(0)) return (double.NaN, double.NaN);
        return (RocAuc.Binary(labels, values), AveragePrecision.Binary(labels, values));
    }
}
