namespace GraphMtl.Metrics;

/// <summary>How <see cref="F1Score"/> combines per-label scores (scikit-learn's <c>average</c> argument).</summary>
public enum F1Average
{
    /// <summary>F1 of the positive class 1 only; labels must be 0 or 1 (<c>average='binary'</c>, <c>pos_label=1</c>).</summary>
    Binary,

    /// <summary>One F1 from true positives, false positives and false negatives pooled over all labels (<c>average='micro'</c>).</summary>
    Micro,

    /// <summary>Unweighted mean of the per-label F1 scores (<c>average='macro'</c>).</summary>
    Macro,
}
