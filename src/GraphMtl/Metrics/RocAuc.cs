namespace GraphMtl.Metrics;

/// <summary>
/// Area under the ROC curve, as scikit-learn's <c>roc_auc_score</c>, with <see cref="double.NaN"/> where scikit-learn raises
/// because the area is undefined.
/// </summary>
/// <remarks>
/// <para>
/// Binary: the trapezoidal area under (FPR, TPR) over the distinct score thresholds in decreasing order, starting at (0, 0).
/// A group of tied scores moves the curve diagonally, so a tie between a positive and a negative counts one half; the result
/// equals the Mann–Whitney statistic with average ranks, U / (P·N). Defined only when both classes occur in the labels.
/// </para>
/// <para>
/// Several columns (one-vs-rest for multi-class, per label for multi-label): the unweighted mean of the binary area of each column
/// (<c>average='macro'</c>), over the columns whose labels hold both positives and negatives. scikit-learn raises instead when a
/// class is missing from y_true (multi-class) or a label column has one value (multi-label); skipping keeps the metric usable on
/// small evaluation splits. NaN when no column qualifies.
/// </para>
/// <para>
/// Multi-class one-vs-rest area depends on the scale of each column, so pass probabilities (softmax of the logits), as
/// scikit-learn requires for <c>multi_class='ovr'</c>; rows are not checked to sum to 1. Scores may not be NaN.
/// Sorting is O(n log n) per column; ties are compared on the values given (a float stays a float).
/// </para>
/// </remarks>
public static class RocAuc
{
    /// <summary>ROC-AUC of a binary problem; NaN when <paramref name="yTrue"/> lacks positives or negatives.</summary>
    /// <param name="yTrue">Labels 0/1, one per sample.</param>
    /// <param name="scores">Score of the positive class per sample (probability, logit or any monotone score).</param>
    public static double Binary(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores)
    {
        Inputs.SameLength(yTrue.Length, scores.Length, nameof(scores));
        Inputs.ZeroOrOne(yTrue, nameof(yTrue));
        Inputs.NotNaN(scores, nameof(scores));
        return FromCurve(ThresholdCurve.ForBinary(yTrue, scores));
    }

    /// <inheritdoc cref="Binary(ReadOnlySpan{int}, ReadOnlySpan{double})"/>
    public static double Binary(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores) => Binary(yTrue, MacroAverage.Widen(scores));

    /// <summary>Macro one-vs-rest ROC-AUC of a multi-class problem over the classes that occur in, and do not fill, <paramref name="yTrue"/>.</summary>
    /// <param name="yTrue">Class per sample, in [0, <paramref name="numClasses"/>).</param>
    /// <param name="scores">Row-major [n × <paramref name="numClasses"/>] class probabilities.</param>
    /// <param name="numClasses">Number of classes C.</param>
    public static double OneVsRest(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores, int numClasses) =>
        MacroAverage.OneVsRest(yTrue, scores, numClasses, FromCurve);

    /// <summary>Macro ROC-AUC of a multi-label problem over the label columns that hold both 0 and 1.</summary>
    /// <param name="yTrue">Row-major [n × <paramref name="numLabels"/>] 0/1 labels.</param>
    /// <param name="scores">Row-major [n × <paramref name="numLabels"/>] scores (probabilities).</param>
    /// <param name="numLabels">Number of label columns C.</param>
    public static double MultiLabel(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores, int numLabels) =>
        MacroAverage.MultiLabel(yTrue, scores, numLabels, FromCurve);

    /// <summary>Trapezoids between consecutive thresholds, in counts: Σ ΔFP · (TP + TP_prev) / 2, divided by P·N.</summary>
    private static double FromCurve(ThresholdCurve curve)
    {
        long positives = curve.Positives, negatives = curve.Negatives;
        if (positives == 0 || negatives == 0) return double.NaN;

        // Twice the area in whole counts: exact in a long for any span length, so the only rounding is the final division.
        long twiceArea = 0;
        int tpPrev = 0, fpPrev = 0;
        for (var k = 0; k < curve.TruePositives.Length; k++)
        {
            int tp = curve.TruePositives[k], fp = curve.FalsePositives[k];
            twiceArea += (long)(fp - fpPrev) * (tp + tpPrev);
            tpPrev = tp;
            fpPrev = fp;
        }
        return twiceArea / (2.0 * positives * negatives);
    }
}
