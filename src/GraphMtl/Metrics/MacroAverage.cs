namespace GraphMtl.Metrics;

/// <summary>
/// The per-column macro average shared by ROC-AUC and average precision: one threshold curve per class (one-vs-rest)
/// or per label column, scored by the metric, averaged over the columns where the metric is defined (not NaN).
/// </summary>
internal static class MacroAverage
{
    public static double OneVsRest(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores, int numClasses, Func<ThresholdCurve, double> score)
    {
        var n = Inputs.Rows(scores.Length, numClasses, nameof(scores));
        Inputs.SameLength(n, yTrue.Length, nameof(yTrue));
        Inputs.InRange(yTrue, numClasses, nameof(yTrue));
        Inputs.NotNaN(scores, nameof(scores));
        var perColumn = new double[numClasses];
        for (var c = 0; c < numClasses; c++) perColumn[c] = score(ThresholdCurve.ForClass(yTrue, scores, numClasses, c));
        return MeanOfDefined(perColumn);
    }

    public static double MultiLabel(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores, int numLabels, Func<ThresholdCurve, double> score)
    {
        Inputs.Rows(yTrue.Length, numLabels, nameof(yTrue), nameof(numLabels));
        Inputs.SameLength(yTrue.Length, scores.Length, nameof(scores));
        Inputs.ZeroOrOne(yTrue, nameof(yTrue));
        Inputs.NotNaN(scores, nameof(scores));
        var perColumn = new double[numLabels];
        for (var c = 0; c < numLabels; c++) perColumn[c] = score(ThresholdCurve.ForLabel(yTrue, scores, numLabels, c));
        return MeanOfDefined(perColumn);
    }

    /// <summary>Float scores widened to double for the binary entry points.</summary>
    public static double[] Widen(ReadOnlySpan<float> scores)
    {
        var widened = new double[scores.Length];
        for (var i = 0; i < widened.Length; i++) widened[i] = scores[i];
        return widened;
    }

    private static double MeanOfDefined(double[] values)
    {
        double sum = 0;
        var counted = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            sum += v;
            counted++;
        }
        return counted == 0 ? double.NaN : sum / counted;
    }
}
