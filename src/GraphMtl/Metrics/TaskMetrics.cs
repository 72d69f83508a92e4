using GraphMtl.Graphs;
namespace GraphMtl.Metrics;

/// <summary>
/// The five evaluation metrics of one task, computed from its labels and scores with scikit-learn's definitions
/// (see <see cref="Accuracy"/>, <see cref="F1Score"/>, <see cref="RocAuc"/>, <see cref="AveragePrecision"/>).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="TaskKind.MultiClass"/>: <c>yTrue</c> holds n classes in [0, C), <c>scores</c> is row-major [n × C]; the
/// prediction is the argmax of a row (the first on ties, as NumPy). Accuracy and F1 depend only on the argmax, so logits do;
/// ROC-AUC and AP are one-vs-rest over the score columns and change under a per-row softmax, so pass probabilities (softmax)
/// to match scikit-learn, which requires them. <c>macro_f1</c> averages over the classes present in the labels or predictions;
/// <c>micro_f1</c> equals accuracy.
/// </para>
/// <para>
/// <see cref="TaskKind.MultiLabel"/>: <c>yTrue</c> and <c>scores</c> are row-major [n × C], labels 0/1, scores sigmoid
/// probabilities; the prediction is score ≥ 0.5. <c>accuracy</c> is subset accuracy (a row counts when all its labels are right).
/// </para>
/// <para>
/// <see cref="TaskKind.Binary"/>: n labels 0/1 and n probabilities of class 1 (<c>numClasses</c> 1 or 2, meaning one output
/// or two classes); the prediction is score ≥ 0.5. <c>macro_f1</c> averages F1 over the labels of {0, 1} present in the labels or
/// predictions; <c>micro_f1</c> equals accuracy.
/// </para>
/// <para>
/// ROC-AUC and AP skip the columns where they are undefined and are NaN when nothing is left (a single-class binary task,
/// for example); every metric is NaN for n = 0. Callers skip NaN values (<see cref="MeanStd.Of"/> does).
/// </para>
/// </remarks>
public static class TaskMetrics
{
    /// <summary>Key of the accuracy (subset accuracy for multi-label tasks).</summary>
    public const string AccuracyKey = "accuracy";

    /// <summary>Key of the macro-averaged F1.</summary>
    public const string MacroF1Key = "macro_f1";

    /// <summary>Key of the micro-averaged F1.</summary>
    public const string MicroF1Key = "micro_f1";

    /// <summary>Key of the (macro) ROC-AUC.</summary>
    public const string RocAucKey = "roc_auc";

    /// <summary>Key of the (macro) average precision.</summary>
    public const string ApKey = "ap";

    /// <summary>Key of a loss; not computed here, but known to <see cref="HigherIsBetter"/> (lower is better).</summary>
    public const string LossKey = "loss";

    /// <summary>The keys <see cref="Compute"/> returns, in its order.</summary>
    public static IReadOnlyList<string> Keys { get; } = Array.AsReadOnly([AccuracyKey, MacroF1Key, MicroF1Key, RocAucKey, ApKey]);

    /// <summary>Whether a larger value of the metric <paramref name="key"/> is better: true for the five of <see cref="Keys"/>, false for <c>loss</c>.</summary>
    /// <param name="key">A key of <see cref="Keys"/> or <see cref="LossKey"/>.</param>
    /// <exception cref="ArgumentException">The key is not one of those.</exception>
    public static bool HigherIsBetter(string key) => key switch
    {
        AccuracyKey or MacroF1Key or MicroF1Key or RocAucKey or ApKey => true,
        LossKey => false,
        _ => throw new ArgumentException(
            $"Expected a metric key among {string.Join(", ", Keys)}, {LossKey} (got '{key}').", nameof(key)),
    };

    /// <summary>Computes <c>accuracy</c>, <c>macro_f1</c>, <c>micro_f1</c>, <c>roc_auc</c> and <c>ap</c> of one task.</summary>
    /// <param name="kind">Layout of labels and scores.</param>
    /// <param name="numClasses">C: classes (multi-class), label columns (multi-label), or 1 or 2 (binary).</param>
    /// <param name="yTrue">Labels: [n] classes, [n × C] 0/1 indicators, or [n] 0/1.</param>
    /// <param name="scores">Scores: [n × C] probabilities (or logits, see remarks), [n × C] probabilities, or [n] probabilities.</param>
    /// <returns>A read-only map from each of <see cref="Keys"/> to a value in [0, 1], or NaN where undefined.</returns>
    public static IReadOnlyDictionary<string, double> Compute(
        TaskKind kind, int numClasses, ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores)
    {
        return kind switch
        {
            TaskKind.MultiClass => MultiClass(numClasses, yTrue, scores),
            TaskKind.MultiLabel => MultiLabel(numClasses, yTrue, scores),
            TaskKind.Binary => Binary(numClasses, yTrue, scores),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Expected a {nameof(TaskKind)} (got {kind})."),
        };
    }

    private static IReadOnlyDictionary<string, double> MultiClass(int numClasses, ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores)
    {
        var n = Inputs.Rows(scores.Length, numClasses, nameof(scores));
        Inputs.SameLength(n, yTrue.Length, nameof(yTrue));
        Inputs.InRange(yTrue, numClasses, nameof(yTrue));
        Inputs.NotNaN(scores, nameof(scores));
        if (n == 0) return Result(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

        var yPred = new int[n];
        for (var i = 0; i < n; i++)
        {
            var row = scores.Slice(i * numClasses, numClasses);
            var best = 0;
            for (var c = 1; c < numClasses; c++)
            {
                if (row[c] > row[best]) best = c;
            }
            yPred[i] = best;
        }

        return Result(
            Accuracy.Score(yTrue, yPred),
            F1Score.Score(yTrue, yPred, F1Average.Macro),
            F1Score.Score(yTrue, yPred, F1Average.Micro),
            RocAuc.OneVsRest(yTrue, scores, numClasses),
            AveragePrecision.OneVsRest(yTrue, scores, numClasses));
    }

    private static IReadOnlyDictionary<string, double> MultiLabel(int numLabels, ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores)
    {
        var n = Inputs.Rows(yTrue.Length, numLabels, nameof(yTrue));
        Inputs.SameLength(yTrue.Length, scores.Length, nameof(scores));
        Inputs.ZeroOrOne(yTrue, nameof(yTrue));
        Inputs.NotNaN(scores, nameof(scores));
        if (n == 0) return Result(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

        var yPred = Threshold(scores);
        return Result(
            Accuracy.Subset(yTrue, yPred, numLabels),
            F1Score.MultiLabel(yTrue, yPred, numLabels, F1Average.Macro),
            F1Score.MultiLabel(yTrue, yPred, numLabels, F1Average.Micro),
            RocAuc.MultiLabel(yTrue, scores, numLabels),
            AveragePrecision.MultiLabel(yTrue, scores, numLabels));
    }

    private static IReadOnlyDictionary<string, double> Binary(int numClasses, ReadOnlySpan<int> yTrue, ReadOnlySpan<float> scores)
    {
        if (numClasses is not (1 or 2))
            throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, $"Expected 1 or 2 classes for a binary task (got {numClasses}).");
        Inputs.SameLength(yTrue.Length, scores.Length, nameof(scores));
        Inputs.ZeroOrOne(yTrue, nameof(yTrue));
        Inputs.NotNaN(scores, nameof(scores));
        if (yTrue.IsEmpty) return Result(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

        var yPred = Threshold(scores);
        return Result(
            Accuracy.Score(yTrue, yPred),
            F1Score.Score(yTrue, yPred, F1Average.Macro),
            F1Score.Score(yTrue, yPred, F1Average.Micro),
            RocAuc.Binary(yTrue, scores),
            AveragePrecision.Binary(yTrue, scores));
    }

    private static int[] Threshold(ReadOnlySpan<float> probabilities)
    {
        var predictions = new int[probabilities.Length];
        for (var i = 0; i < predictions.Length; i++) predictions[i] = probabilities[i] >= 0.5f ? 1 : 0;
        return predictions;
    }

    private static IReadOnlyDictionary<string, double> Result(double accuracy, double macroF1, double microF1, double rocAuc, double ap) =>
        new Dictionary<string, double>
        {
            [AccuracyKey] = accuracy,
            [MacroF1Key] = macroF1,
            [MicroF1Key] = microF1,
            [RocAucKey] = rocAuc,
            [ApKey] = ap,
        }.AsReadOnly();
}
