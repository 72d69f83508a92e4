using GraphMtl.Configuration;

namespace GraphMtl.Training;

/// <summary>The loss of multi-class tasks (multi-label and binary tasks always use BCE with logits).</summary>
public enum MultiClassLoss
{
    /// <summary>Softmax cross-entropy (the usual choice).</summary>
    CrossEntropy,
    /// <summary>BCE on softmax probabilities against one-hot targets, each log clamped at −100 (InLINE's reference loss).</summary>
    BceSoftmax,
}

/// <summary>Per-task loss settings (config section <c>loss:</c>).</summary>
public sealed record LossOptions : IValidatableOptions
{
    /// <summary>Loss for multi-class tasks.</summary>
    public MultiClassLoss MultiClass { get; init; } = MultiClassLoss.CrossEntropy;

    /// <summary>Label smoothing of the cross-entropy, in [0, 1).</summary>
    public double LabelSmoothing { get; init; }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (LabelSmoothing is < 0 or >= 1) yield return (nameof(LabelSmoothing), $"expected a value in [0, 1) (got {LabelSmoothing})");
    }
}
