namespace GraphMtl.TaskGraphs;

/// <summary>
/// The pairwise energy over task labels shared by SGNN-EBM and GCNet (gcnet.md §3.3, §4.2): node potentials
/// φ_i = softmax_c f_i and pair potentials φ_e = softmax over the four pair states of f_e, and the unnormalised
/// log-likelihood log p̃(y) = Σ_{i valid} log φ_i(y_i) + λ Σ_{e=(i,j), both valid} log φ_e(y_i, y_j). Pair states are
/// indexed 2c + c' in the order (0,0), (0,1), (1,0), (1,1).
/// </summary>
public static class TaskEnergy
{
    /// <summary>
    /// log p̃(y) per example <c>[B]</c>.
    /// </summary>
    /// <param name="nodeLogits">f_i(c) <c>[B, T, 2]</c>.</param>
    /// <param name="pairLogits">f_e(c, c') <c>[B, M, 4]</c> for the directed edges (<paramref name="source"/>, <paramref name="target"/>).</param>
    /// <param name="source">Source task per edge <c>[M]</c> (int64).</param>
    /// <param name="target">Target task per edge <c>[M]</c> (int64).</param>
    /// <param name="labels">Labels <c>[B, T]</c> (int64, 0/1; anything where invalid).</param>
    /// <param name="valid">Validity <c>[B, T]</c> (float 0/1).</param>
    /// <param name="lambda">Pair weight λ.</param>
    public static Tensor LogLikelihood(Tensor nodeLogits, Tensor pairLogits, Tensor source, Tensor target, Tensor labels, Tensor valid, double lambda)
    {
        var y = labels.clamp(0, 1);
        var node = nodeLogits.log_softmax(2).gather(2, y.unsqueeze(2)).squeeze(2) * valid; // [B, T]
        var total = node.sum(1);
        if (source.shape[0] == 0) return total;
        var ys = y.index_select(1, source);
        var yt = y.index_select(1, target);
        var pairValid = valid.index_select(1, source) * valid.index_select(1, target); // [B, M]
        var pair = pairLogits.log_softmax(2).gather(2, (2 * ys + yt).unsqueeze(2)).squeeze(2) * pairValid;
        return total + lambda * pair.sum(1);
    }

    /// <summary>
    /// log q(y) = Σ_i log q_i(y_i) per example <c>[B]</c> for per-task probabilities <paramref name="q"/> <c>[B, T, 2]</c>
    /// (clamped at 1e-8), over the tasks marked in <paramref name="valid"/> <c>[B, T]</c> when given.
    /// </summary>
    public static Tensor LogFactorised(Tensor q, Tensor labels, Tensor? valid = null)
    {
        var terms = q.clamp_min(1e-8).log().gather(2, labels.clamp(0, 1).unsqueeze(2)).squeeze(2);
        return (valid is null ? terms : terms * valid).sum(1);
    }

    /// <summary>
    /// The NCE loss with one noise sample per data sample (gcnet.md §4.4 step 6):
    /// L = −mean log σ(log p̃(y) − log q(y)) − mean log σ(log q(ỹ) − log p̃(ỹ)). There is no partition-function parameter.
    /// </summary>
    public static Tensor NceLoss(Tensor logPData, Tensor logQData, Tensor logPNoise, Tensor logQNoise) =>
        -nn.functional.logsigmoid(logPData - logQData).mean() - nn.functional.logsigmoid(logQNoise - logPNoise).mean();
}
