using GraphMtl.Graphs;
using GraphMtl.Metrics;

namespace GraphMtl.Training;

/// <summary>
/// Decides whether a validation result is a new best: by the mean over tasks of the metric, or — InLINE's rule — only
/// when every task is at least as good as its own best so far. Also counts evaluations since the last acceptance.
/// </summary>
public sealed class ModelSelector(SelectionOptions options, IReadOnlyList<string> tasks)
{
    private readonly bool _higherIsBetter = TaskMetrics.HigherIsBetter(options.Metric);
    private double[]? _best;

    /// <summary>Evaluations since the last accepted one.</summary>
    public int SinceBest { get; private set; }

    /// <summary>The validation score of the accepted result (mean over tasks), NaN before the first.</summary>
    public double BestScore { get; private set; } = double.NaN;

    /// <summary>True (and remembered as best) when <paramref name="evaluation"/> improves on the best so far.</summary>
    public bool Consider(Evaluation evaluation)
    {
        var current = tasks.Select(t => evaluation.Value(t, SplitPart.Val, options.Metric)).ToArray();
        double score = MeanStd.Of(current).Mean;
        bool accept = _best is null || options.Mode switch
        {
            SelectionMode.AllTasks => current.Select((v, k) => AtLeastAsGood(v, _best[k])).All(b => b),
            _ => Better(score, BestScore),
        };
        if (accept)
        {
            _best = current;
            BestScore = score;
            SinceBest = 0;
        }
        else SinceBest++;
        return accept;
    }

    private bool Better(double a, double b) =>
        double.IsNaN(b) ? !double.IsNaN(a) : !double.IsNaN(a) && (_higherIsBetter ? a > b : a < b);

    private bool AtLeastAsGood(double a, double b) =>
        double.IsNaN(b) || (!double.IsNaN(a) && (_higherIsBetter ? a >= b : a <= b));
}
