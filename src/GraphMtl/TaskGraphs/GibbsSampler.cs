namespace GraphMtl.TaskGraphs;

/// <summary>Where a Gibbs conditional adds its terms.</summary>
public enum GibbsDomain
{
    /// <summary>
    /// The reference's sweep (inherited from SGNN-EBM, gcnet.md defect 10): s_i(c) = φ_i(c) + λ Σ_{e=(i,j)} φ_e(c, y_j),
    /// sums of probabilities over the outgoing edges, then p_i = softmax_c s_i.
    /// </summary>
    Probability,
    /// <summary>
    /// The exact conditional of p̃: s_i(c) = log φ_i(c) + λ [Σ_{e=(i,j)} log φ_e(c, y_j) + Σ_{e=(j,i)} log φ_e(y_j, c)], then
    /// p_i = softmax_c s_i.
    /// </summary>
    Log,
}

/// <summary>
/// Gibbs sweeps over task labels (gcnet.md §4.5), vectorised over the batch: each sweep visits the tasks in a random
/// permutation; for task i it forms the conditional p_i from the unaries and the pair potentials of i's edges at the
/// current labels of the other tasks, optionally tilts it, and samples y_i ~ Bernoulli(p_i(1)). Sequential over tasks,
/// one small gather per task.
/// </summary>
public sealed class GibbsSampler
{
    private readonly int _taskCount;
    private readonly double _lambda;
    private readonly GibbsDomain _domain;
    private readonly long[][] _outEdges, _outTargets, _inEdges, _inSources;

    /// <summary>Creates the sampler for the directed edges of <paramref name="graph"/> and pair weight <paramref name="lambda"/>.</summary>
    public GibbsSampler(TaskGraph graph, double lambda, GibbsDomain domain = GibbsDomain.Probability)
    {
        _taskCount = graph.TaskCount;
        _lambda = lambda;
        _domain = domain;
        var (outOffsets, outIds) = graph.OutgoingCsr();
        var (inOffsets, inIds) = graph.IncomingCsr();
        _outEdges = Slices(outOffsets, outIds);
        _inEdges = Slices(inOffsets, inIds);
        _outTargets = _outEdges.Select(ids => ids.Select(e => (long)graph.Target[(int)e]).ToArray()).ToArray();
        _inSources = _inEdges.Select(ids => ids.Select(e => (long)graph.Source[(int)e]).ToArray()).ToArray();
    }

    /// <summary>The domain of the conditionals.</summary>
    public GibbsDomain Domain => _domain;

    /// <summary>
    /// Runs <paramref name="sweeps"/> sweeps without gradients. Returns the final labels <c>[B, T]</c> (int64) and each
    /// task's conditional at its visit in the last sweep <c>[B, T, 2]</c> (q_i of the reference; with tilting, the tilted,
    /// unrenormalised values).
    /// </summary>
    /// <param name="unary">Node potentials <c>[B, T, 2]</c>: probabilities φ_i (probability domain) or log-probabilities (log domain).</param>
    /// <param name="pair">Pair potentials <c>[B, M, 4]</c>: probabilities φ_e or log-probabilities, matching <paramref name="unary"/>.</param>
    /// <param name="start">Initial labels <c>[B, T]</c> (int64 0/1); not modified.</param>
    /// <param name="sweeps">Number of sweeps (≥ 1).</param>
    /// <param name="permutations">Draws each sweep's task order.</param>
    /// <param name="generator">Draws the Bernoulli samples (null: the global generator).</param>
    /// <param name="tilt">SGNN-EBM's tilting: logits z <c>[B, T]</c>; p_i(1) ← p_i(1)·σ(z_i), p_i(0) ← p_i(0)·σ(−z_i), not renormalised.</param>
    /// <param name="clamp">Optional mask <c>[B, T]</c> (bool): tasks kept at their <paramref name="start"/> label (their conditional is still reported).</param>
    public (Tensor Labels, Tensor Conditionals) Run(Tensor unary, Tensor pair, Tensor start, int sweeps, Random permutations,
        Generator? generator = null, Tensor? tilt = null, Tensor? clamp = null)
    {
        if (sweeps < 1) throw new ArgumentOutOfRangeException(nameof(sweeps), sweeps, "expected at least one sweep");
        if (unary.shape[1] != _taskCount) throw new ArgumentException($"expected unaries for {_taskCount} tasks (got {unary.shape[1]})", nameof(unary));
        using var _ = no_grad();
        long b = unary.shape[0];
        var device = unary.device;
        var state = start.to(int64).clone();
        var conditionals = zeros([b, _taskCount, 2], device: device);
        var tiltOne = tilt is null ? null : tilt.sigmoid();
        var order = Enumerable.Range(0, _taskCount).ToArray();
        for (int s = 0; s < sweeps; s++)
        {
            permutations.Shuffle(order);
            foreach (int i in order)
            {
                var score = unary.select(1, i).clone(); // [B, 2]
                if (_outEdges[i].Length > 0)
                {
                    var edges = pair.index_select(1, tensor(_outEdges[i], device: device));         // [B, k, 4]
                    var other = state.index_select(1, tensor(_outTargets[i], device: device));      // [B, k]
                    var s0 = edges.gather(2, other.unsqueeze(2)).squeeze(2).sum(1);               // (c = 0, c' = y_j)
                    var s1 = edges.gather(2, (2 + other).unsqueeze(2)).squeeze(2).sum(1);         // (c = 1, c' = y_j)
                    score = score + _lambda * stack([s0, s1], 1);
                }
                if (_domain == GibbsDomain.Log && _inEdges[i].Length > 0)
                {
                    var edges = pair.index_select(1, tensor(_inEdges[i], device: device));
                    var other = state.index_select(1, tensor(_inSources[i], device: device));
                    var s0 = edges.gather(2, (2 * other).unsqueeze(2)).squeeze(2).sum(1);         // (c = y_j, c' = 0)
                    var s1 = edges.gather(2, (2 * other + 1).unsqueeze(2)).squeeze(2).sum(1);     // (c = y_j, c' = 1)
                    score = score + _lambda * stack([s0, s1], 1);
                }
                var p = score.softmax(1); // [B, 2]
                if (tiltOne is not null)
                {
                    var z = tiltOne.select(1, i);
                    p = stack([p.select(1, 0) * (1 - z), p.select(1, 1) * z], 1);
                }
                conditionals.select(1, i).copy_(p);
                var u = generator is null ? rand(b, device: device) : rand(b, generator: generator, device: device);
                var y = u.lt(p.select(1, 1)).to(int64);
                if (clamp is not null) y = where(clamp.select(1, i), start.select(1, i).to(int64), y);
                state.select(1, i).copy_(y);
            }
        }
        return (state, conditionals);
    }

    private static long[][] Slices(int[] offsets, int[] ids) =>
        Enumerable.Range(0, offsets.Length - 1).Select(t => ids[offsets[t]..offsets[t + 1]].Select(e => (long)e).ToArray()).ToArray();
}
