namespace GraphMtl.Metrics;

/// <summary>Accuracy as scikit-learn's <c>accuracy_score</c>; NaN for no samples.</summary>
public static class Accuracy
{
    /// <summary>Fraction of samples whose predicted class equals the true class.</summary>
    /// <param name="yTrue">True class per sample.</param>
    /// <param name="yPred">Predicted class per sample.</param>
    public static double Score(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred)
    {
        Inputs.SameLength(yTrue.Length, yPred.Length, nameof(yPred));
        if (yTrue.IsEmpty) return double.NaN;

        var correct = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (yTrue[i] == yPred[i]) correct++;
        }
        return (double)correct / yTrue.Length;
    }

    /// <summary>
    /// Subset accuracy of a multi-label problem: the fraction of rows whose predicted labels all equal the true labels
    /// (scikit-learn's <c>accuracy_score</c> on indicator matrices).
    /// </summary>
    /// <param name="yTrue">Row-major [n × <paramref name="numLabels"/>] 0/1 labels.</param>
    /// <param name="yPred">Row-major [n × <paramref name="numLabels"/>] 0/1 predictions.</param>
    /// <param name="numLabels">Number of label columns C.</param>
    public static double Subset(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int numLabels)
    {
        var n = Inputs.Rows(yTrue.Length, numLabels, nameof(yTrue), nameof(numLabels));
        Inputs.SameLength(yTrue.Length, yPred.Length, nameof(yPred));
        if (n == 0) return double.NaN;

        var correct = 0;
        for (var row = 0; row < n; row++)
        {
            var start = row * numLabels;
            if (yTrue.Slice(start, numLabels).SequenceEqual(yPred.Slice(start, numLabels))) correct++;
        }
        return (double)correct / n;
    }
}
