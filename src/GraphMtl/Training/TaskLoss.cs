using GraphMtl.Graphs;

namespace GraphMtl.Training;

/// <summary>
/// The loss of one task on the rows it is computed on (the caller selects only labelled rows of the split, so
/// missing labels never contribute), and the matching probabilities for metrics.
/// </summary>
public static class TaskLoss
{
    /// <summary>Mean loss of <paramref name="logits"/> <c>[n, C]</c> (binary: <c>[n, 1]</c>) against <paramref name="target"/>.</summary>
    public static Tensor Compute(Tensor logits, Tensor target, TaskKind kind, LossOptions options) => kind switch
    {
        TaskKind.MultiLabel => nn.functional.binary_cross_entropy_with_logits(logits, target),
        TaskKind.Binary => nn.functional.binary_cross_entropy_with_logits(logits.squeeze(1), target.to_type(ScalarType.Float32)),
        _ when options.MultiClass == MultiClassLoss.BceSoftmax => BceOnSoftmax(logits, target),
        _ => nn.functional.cross_entropy(logits, target, label_smoothing: options.LabelSmoothing),
    };

    /// <summary>Class probabilities: softmax for multi-class, sigmoid otherwise (binary: the positive class).</summary>
    public static Tensor Probabilities(Tensor logits, TaskKind kind) => kind switch
    {
        TaskKind.MultiClass => nn.functional.softmax(logits, 1),
        TaskKind.Binary => nn.functional.sigmoid(logits.squeeze(1)),
        _ => nn.functional.sigmoid(logits),
    };

    // PyTorch's BCELoss on p = softmax(logits) against one-hot targets, with its clamp of each log at −100.
    private static Tensor BceOnSoftmax(Tensor logits, Tensor target)
    {
        var p = nn.functional.softmax(logits, 1);
        var y = nn.functional.one_hot(target, logits.shape[1]).to_type(p.dtype);
        var logP = p.log().clamp_min(-100);
        var log1mP = (1 - p).log().clamp_min(-100);
        return -(y * logP + (1 - y) * log1mP).mean();
    }
}
