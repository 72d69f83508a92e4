namespace GraphMtl.Metrics;

/// <summary>
/// Average precision, as scikit-learn's <c>average_precision_score</c>, with <see cref="double.NaN"/> where no positive exists.
/// </summary>
/// <remarks>
/// <para>
/// Binary: AP = Σ_n (R_n − R_{n−1}) · P_n over the distinct score thresholds in decreasing order, where P_n and R_n are the
/// precision and recall of "score ≥ threshold n" and R_0 = 0. Tied scores form one threshold; there is no interpolation
/// (this is not the trapezoidal area under the precision–recall curve). With no positive, scikit-learn warns and returns 0;
/// we return NaN, since recall is undefined.
/// </para>
/// <para>
/// Several columns (one-vs-rest for multi-class, per label for multi-label): the unweighted mean of the binary AP of each column
/// (<c>average='macro'</c>), over the columns that hold at least one positive; NaN when none does. scikit-learn raises for a
/// multi-class y_true that lacks a class of the score matrix, and counts an all-negative label column as 0.
/// </para>
/// <para>Pass probabilities for multi-class scores, as for <see cref="RocAuc"/>. Scores may not be NaN. O(n log n) per column.</para>
/// </remarks>
public static class AveragePrecision
{
    /// <summary>AP of a binary problem; NaN when <paramref name="yTrue"/> has no positive.</summary>
    /// <param name="yTrue">Labels 0/1, one per sample.</param>
    /// <param name="scores">Score of the positive class per sample.</param>
    public static double Binary(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores)
    {
        Inputs.SameLength(yTrue.Length, scores.Length, nameof(scores));
        Inputs.ZeroOrOne(yTrue, nameof(yTrue));
        Inputs.NotNaN(scores, nameof(scores));
        return FromCurve(ThresholdCurve.ForBinary(yTrue, scores));
    }

    /// <inheritdoc cref="Binary(ReadOnlySpan{int}, ReadOnlySpan{double})"/>
    public static double Binary(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores) => Binary(yTrue, MacroAverage.Widen(scores));

    /// <summary>Macro one-vs-rest AP of a multi-class problem over the classes that occur in <paramref name="yTrue"/>.</summary>
    /// <param name="yTrue">Class per sample, in [0, <paramref name="numClasses"/>).</param>
    /// <param name="scores">Row-major [n × <paramref name="numClasses"/>] class probabilities.</param>
    /// <param name="numClasses">Number of classes C.</param>
    public static double OneVsRest(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores, int numClasses) =>
        MacroAverage.OneVsRest(yTrue, scores, numClasses, FromCurve);

    /// <summary>Macro AP of a multi-label problem over the label columns that hold at least one 1.</summary>
    /// <param name="yTrue">Row-major [n × <paramref name="numLabels"/>] 0/1 labels.</param>
    /// <param name="scores">Row-major [n × <paramref name="numLabels"/>] scores (probabilities).</param>
    /// <param name="numLabels">Number of label columns C.</param>
    public static double MultiLabel(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores, int numLabels) =>
        MacroAverage.MultiLabel(yTrue, scores, numLabels, FromCurve);

    /// <summary>Σ over thresholds of ΔTP · precision, divided by P (ΔR = ΔTP / P).</summary>
    private static double FromCurve(ThresholdCurve curve)
    {
        long positives = curve.Positives;
        if (positives == 0) return double.NaN;

        double sum = 0;
        var tpPrev = 0;
        for (var k = 0; k < curve.TruePositives.Length; k++)
        {
            int tp = curve.TruePositives[k], fp = curve.FalsePositives[k];
            if (tp != tpPrev) sum += (tp - tpPrev) * ((double)tp / (tp + fp));
            tpPrev = tp;
        }
        return sum / positives;
    }
}
