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

    // PyTorch's BCELoss on p = softmax(logits) against one-hot targets, with its clamp of each log at −100. The logs
    // come from the logits, not from p: log p = log_softmax(z) and log(1 − p_i) = log Σ_{j≠i} e^{z_j} − log Σ_j e^{z_j},
    // so a probability that underflows to 0 or rounds to 1 gives a clamped value with a finite gradient (log(p) of a
    // zero p is −inf, and the clamp's zero gradient times its infinite one is NaN).
    private static Tensor BceOnSoftmax(Tensor logits, Tensor target)
    {
        long c = logits.shape[1];
        var y = nn.functional.one_hot(target, c).to_type(logits.dtype);
        var logP = nn.functional.log_softmax(logits, 1).clamp_min(-100);
        var others = logits.unsqueeze(1).expand(-1, c, -1).masked_fill(eye(c, dtype: ScalarType.Bool, device: logits.device), double.NegativeInfinity);
        var log1mP = (others.logsumexp(2) - logits.logsumexp(1, keepdim: true)).clamp_min(-100);
        return -(y * logP + (1 - y) * log1mP).mean();
    }
}
