namespace GraphMtl.Metrics;

/// <summary>
/// Cumulative true and false positives at each distinct score threshold, thresholds decreasing: scikit-learn's
/// <c>_binary_clf_curve</c>. Entry k counts the samples with score ≥ <c>Thresholds[k]</c>, so tied scores enter together.
/// ROC-AUC and average precision are both read off this curve.
/// </summary>
internal sealed class ThresholdCurve
{
    private ThresholdCurve(double[] thresholds, int[] truePositives, int[] falsePositives)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
    }

    /// <summary>Distinct scores, decreasing.</summary>
    public double[] Thresholds { get; }

    /// <summary>Positives with score ≥ the threshold of the same index.</summary>
    public int[] TruePositives { get; }

    /// <summary>Negatives with score ≥ the threshold of the same index.</summary>
    public int[] FalsePositives { get; }

    /// <summary>All positives (the last cumulative count; 0 for no samples).</summary>
    public int Positives => TruePositives.Length == 0 ? 0 : TruePositives[^1];

    /// <summary>All negatives.</summary>
    public int Negatives => FalsePositives.Length == 0 ? 0 : FalsePositives[^1];

    /// <summary>Curve of a binary problem; <paramref name="yTrue"/> holds 0/1, already checked.</summary>
    public static ThresholdCurve ForBinary(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores)
    {
        var keys = scores.ToArray();
        var positive = yTrue.ToArray();
        return Build(keys, positive);
    }

    /// <summary>One-vs-rest curve of class <paramref name="c"/>: class labels [n], scores row-major [n × C].</summary>
    public static ThresholdCurve ForClass(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores, int numClasses, int c)
    {
        var keys = new double[yTrue.Length];
        var positive = new int[yTrue.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = scores[i * numClasses + c];
            positive[i] = yTrue[i] == c ? 1 : 0;
        }
        return Build(keys, positive);
    }

    /// <summary>Curve of label column <paramref name="c"/>: 0/1 labels and scores both row-major [n × C].</summary>
    public static ThresholdCurve ForLabel(ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores, int numLabels, int c)
    {
        var n = yTrue.Length / numLabels;
        var keys = new double[n];
        var positive = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = scores[i * numLabels + c];
            positive[i] = yTrue[i * numLabels + c];
        }
        return Build(keys, positive);
    }

    /// <summary>Sorts <paramref name="keys"/> with <paramref name="positive"/> (0/1) in place, O(n log n), and walks the ties.</summary>
    private static ThresholdCurve Build(double[] keys, int[] positive)
    {
        // Ascending sort, read from the end: the order within a tie does not matter because a tie is one threshold.
        keys.AsSpan().Sort(positive.AsSpan());

        var thresholds = new double[keys.Length];
        var tps = new int[keys.Length];
        var fps = new int[keys.Length];
        int count = 0, tp = 0, fp = 0;
        for (var i = keys.Length - 1; i >= 0;)
        {
            var threshold = keys[i];
            for (; i >= 0 && keys[i] == threshold; i--)
            {
                tp += positive[i];
                fp += 1 - positive[i];
            }
            thresholds[count] = threshold;
            tps[count] = tp;
            fps[count] = fp;
            count++;
        }
        Array.Resize(ref thresholds, count);
        Array.Resize(ref tps, count);
        Array.Resize(ref fps, count);
        return new ThresholdCurve(thresholds, tps, fps);
    }
}
