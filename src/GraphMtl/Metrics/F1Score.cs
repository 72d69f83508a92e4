namespace GraphMtl.Metrics;

/// <summary>
/// F1 score as scikit-learn's <c>f1_score</c> with the default <c>zero_division</c>: a ratio whose denominator is zero counts as 0.
/// </summary>
/// <remarks>
/// <para>
/// Per label, F1 = 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall, and 0 when the label has no true and no
/// predicted sample (or when TP = 0).
/// </para>
/// <para>
/// Class labels (binary or multi-class): without an explicit label list the labels scored are those present in y_true or y_pred
/// (scikit-learn's <c>unique_labels</c>), so a class that appears in neither is not averaged, while a class that is only
/// predicted is averaged with F1 = 0. With an explicit list, exactly the listed labels are scored, each one even when it has no
/// sample (F1 = 0), and samples of other labels count only as errors of the listed ones. Micro averaging over all present labels
/// equals accuracy.
/// </para>
/// <para>Multi-label indicators: macro averages every label column (an all-zero column contributes 0); micro pools all cells.</para>
/// <para>No samples gives NaN.</para>
/// </remarks>
public static class F1Score
{
    /// <summary>F1 from confusion counts: 2·TP / (2·TP + FP + FN), 0 when that denominator is 0.</summary>
    /// <param name="truePositives">Samples predicted as the label that have it.</param>
    /// <param name="falsePositives">Samples predicted as the label that do not have it.</param>
    /// <param name="falseNegatives">Samples with the label that were predicted otherwise.</param>
    public static double FromCounts(long truePositives, long falsePositives, long falseNegatives)
    {
        var denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? 0.0 : 2.0 * truePositives / denominator;
    }

    /// <summary>F1 of class labels over the labels present in <paramref name="yTrue"/> or <paramref name="yPred"/>.</summary>
    /// <param name="yTrue">True class per sample, ≥ 0; 0/1 for <see cref="F1Average.Binary"/>.</param>
    /// <param name="yPred">Predicted class per sample, ≥ 0; 0/1 for <see cref="F1Average.Binary"/>.</param>
    /// <param name="average">How per-label scores are combined.</param>
    public static double Score(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, F1Average average) =>
        Compute(yTrue, yPred, average, labels: null);

    /// <summary>F1 of class labels over exactly the listed <paramref name="labels"/> (scikit-learn's <c>labels</c> argument).</summary>
    /// <param name="yTrue">True class per sample, ≥ 0.</param>
    /// <param name="yPred">Predicted class per sample, ≥ 0.</param>
    /// <param name="average"><see cref="F1Average.Macro"/> or <see cref="F1Average.Micro"/>.</param>
    /// <param name="labels">Distinct labels ≥ 0 to score, at least one.</param>
    public static double Score(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, F1Average average, ReadOnlySpan<int> labels)
    {
        if (labels.IsEmpty)
            throw new ArgumentException("Expected at least one label (got none).", nameof(labels));
        if (average == F1Average.Binary)
            throw new ArgumentException("Expected Macro or Micro averaging with an explicit label list (got Binary).", nameof(average));
        Inputs.NonNegative(labels, nameof(labels));
        var distinct = new HashSet<int>();
        foreach (var label in labels)
        {
            if (!distinct.Add(label))
                throw new ArgumentException($"Expected distinct labels (got {label} twice).", nameof(labels));
        }
        return Compute(yTrue, yPred, average, labels.ToArray());
    }

    /// <summary>F1 of a multi-label problem given 0/1 indicator matrices.</summary>
    /// <param name="yTrue">Row-major [n × <paramref name="numLabels"/>] 0/1 labels.</param>
    /// <param name="yPred">Row-major [n × <paramref name="numLabels"/>] 0/1 predictions.</param>
    /// <param name="numLabels">Number of label columns C.</param>
    /// <param name="average"><see cref="F1Average.Macro"/> or <see cref="F1Average.Micro"/> (scikit-learn rejects binary here too).</param>
    public static double MultiLabel(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int numLabels, F1Average average)
    {
        var n = Inputs.Rows(yTrue.Length, numLabels, nameof(yTrue), nameof(numLabels));
        Inputs.SameLength(yTrue.Length, yPred.Length, nameof(yPred));
        Inputs.ZeroOrOne(yTrue, nameof(yTrue));
        Inputs.ZeroOrOne(yPred, nameof(yPred));
        if (average == F1Average.Binary)
            throw new ArgumentException("Expected Macro or Micro averaging for multi-label indicators (got Binary).", nameof(average));
        if (n == 0) return double.NaN;

        var tp = new long[numLabels];
        var fp = new long[numLabels];
        var fn = new long[numLabels];
        for (var i = 0; i < yTrue.Length; i++)
        {
            var c = i % numLabels;
            if (yPred[i] == 1)
            {
                if (yTrue[i] == 1) tp[c]++;
                else fp[c]++;
            }
            else if (yTrue[i] == 1)
            {
                fn[c]++;
            }
        }

        if (average == F1Average.Micro) return FromCounts(tp.Sum(), fp.Sum(), fn.Sum());
        double sum = 0;
        for (var c = 0; c < numLabels; c++) sum += FromCounts(tp[c], fp[c], fn[c]);
        return sum / numLabels;
    }

    private static double Compute(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, F1Average average, int[]? labels)
    {
        Inputs.SameLength(yTrue.Length, yPred.Length, nameof(yPred));
        if (average == F1Average.Binary)
        {
            Inputs.ZeroOrOne(yTrue, nameof(yTrue));
            Inputs.ZeroOrOne(yPred, nameof(yPred));
        }
        else
        {
            Inputs.NonNegative(yTrue, nameof(yTrue));
            Inputs.NonNegative(yPred, nameof(yPred));
        }
        if (yTrue.IsEmpty) return double.NaN;

        // Per-label counts indexed by the label itself; at least {0, 1} so that binary averaging can read label 1.
        var size = 1 + Math.Max(1, Math.Max(Max(yTrue), Max(yPred)));
        if (labels is not null) size = Math.Max(size, 1 + labels.Max());
        var trueCount = new long[size];
        var predCount = new long[size];
        var tp = new long[size];
        for (var i = 0; i < yTrue.Length; i++)
        {
            trueCount[yTrue[i]]++;
            predCount[yPred[i]]++;
            if (yTrue[i] == yPred[i]) tp[yTrue[i]]++;
        }

        if (average == F1Average.Binary) return FromCounts(tp[1], predCount[1] - tp[1], trueCount[1] - tp[1]);

        labels ??= Enumerable.Range(0, size).Where(l => trueCount[l] + predCount[l] > 0).ToArray();
        long tpSum = 0, fpSum = 0, fnSum = 0;
        double f1Sum = 0;
        foreach (var l in labels)
        {
            long fp = predCount[l] - tp[l], fn = trueCount[l] - tp[l];
            tpSum += tp[l];
            fpSum += fp;
            fnSum += fn;
            f1Sum += FromCounts(tp[l], fp, fn);
        }
        return average == F1Average.Micro ? FromCounts(tpSum, fpSum, fnSum) : f1Sum / labels.Length;
    }

    private static int Max(ReadOnlySpan<int> values)
    {
        var max = 0;
        foreach (var v in values) max = Math.Max(max, v);
        return max;
    }
}
