using GraphMtl.Nn;

namespace GraphMtl.TaskGraphs.Layers;

/// <summary>
/// A logistic structural causal model over task <em>labels</em>, conditioned on the example: for task j,
/// P(y_j = 1 | x, y_pa) = σ(u_j(g(x)) + Σ_i A[i, j] ỹ_i), with ỹ_i = 2y_i − 1 ∈ {−1, +1} and u a per-task linear
/// intercept on the encoder's representation g(x). This is the form of the synthetic generator (gcnet.md §6.1 step 3)
/// and of NOTEARS-style logistic SEMs.
/// </summary>
/// <remarks>
/// Why not the reference's SCM over predicted marginals (<see cref="CausalScm"/>): every marginal is a function of the
/// same x, so any task's marginal is predicted by a weighted mean of all the others and A fills whole columns. The
/// dependence a task DAG encodes is between labels <em>given</em> x; u_j(x) absorbs what x explains, so A is left with
/// the labels' conditional dependence. Missing labels enter as their expectation 2p_i − 1 under the previous stage's
/// probability p_i (they carry no information beyond x, so they neither create nor hide an edge).
/// </remarks>
internal sealed class LabelScm : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Linear intercept; // u: g(x) → R^T

    /// <summary>Creates the SCM for <paramref name="taskCount"/> tasks over <paramref name="inputDim"/>-d example representations.</summary>
    public LabelScm(string name, long inputDim, int taskCount) : base(name)
    {
        intercept = nn.Linear(inputDim, taskCount);
        RegisterComponents();
    }

    /// <summary>
    /// Structural logits u_j(g) + Σ_i A[i, j] ỹ_i <c>[B, T]</c> for representations <paramref name="g"/> <c>[B, D]</c>,
    /// signed labels <paramref name="signed"/> <c>[B, T]</c> (values in [−1, 1]) and adjacency <paramref name="adjacency"/> <c>[T, T]</c>.
    /// </summary>
    public override Tensor forward(Tensor g, Tensor signed, Tensor adjacency) => intercept.call(g) + signed.matmul(adjacency);

    /// <summary>
    /// ỹ = 2y − 1 where a label is observed, 2p − 1 where it is missing, from labels <c>[B, T]</c> (int64), the
    /// validity mask <c>[B, T]</c> and the previous stage's logits <c>[B, T]</c>.
    /// </summary>
    public static Tensor Signed(Tensor labels, Tensor valid, Tensor priorLogits) =>
        where(valid.gt(0), labels.to(float32) * 2 - 1, priorLogits.sigmoid() * 2 - 1);

    /// <summary>
    /// The reconstruction loss: BCE of the structural logits against the observed labels (mean over the scored
    /// entries). A label set by an intervention (<paramref name="intervened"/> <c>[B, T]</c> is 1; null: none) was not
    /// produced by its task's mechanism, so it is not a target; it still enters the other tasks' structural logits as
    /// a parent's value — which is what lets interventional rows tell an edge's direction. Missing labels enter as
    /// their expectation (<see cref="Signed"/>), or as the sampled labels <paramref name="imputed"/> <c>[B, T]</c> (0/1,
    /// observed entries unchanged; <see cref="Impute"/>) when given.
    /// </summary>
    public Tensor Loss(Tensor g, Tensor labels, Tensor valid, Tensor priorLogits, Tensor adjacency, Tensor? intervened = null, Tensor? imputed = null)
    {
        var signed = imputed is null ? Signed(labels, valid, priorLogits) : imputed.to(float32) * 2 - 1;
        var logits = forward(g, signed, adjacency);
        var scored = intervened is null ? valid : valid * (1 - intervened);
        var bce = nn.functional.binary_cross_entropy_with_logits(logits, labels.to(float32), reduction: nn.Reduction.None) * scored;
        return bce.sum() / scored.sum().clamp_min(1);
    }

    /// <summary>
    /// One step of the intervention's propagation: tasks where <paramref name="intervenedMask"/> <c>[T]</c> is 1 keep their intervened
    /// marginals, every other task j gets P(y_j = 1) = σ(u_j + Σ_i A[i, j](2ν_i(1) − 1)) from the (intervened) marginals
    /// ν <c>[B, T, 2]</c>. Returns marginals <c>[B, T, 2]</c> that sum to one (the do-set's entries as given).
    /// </summary>
    public Tensor Propagate(Tensor g, Tensor nu, Tensor adjacency, Tensor intervenedMask)
    {
        var p1 = forward(g, nu.select(2, 1) * 2 - 1, adjacency).sigmoid();
        var propagated = stack([1 - p1, p1], 2);
        return where(intervenedMask.view(1, -1, 1).gt(0), nu, propagated);
    }

    /// <summary>
    /// P(y_i = 1 | x, known labels) under the SCM's label model p(y | x) = Π_j σ(±z_j), z = u(g) + ỹA, by Gibbs
    /// sampling <c>[B, T]</c>: <paramref name="chains"/> chains from <paramref name="start"/> <c>[B, T]</c> (0/1), tasks
    /// where <paramref name="clamp"/> <c>[B, T]</c> (bool) is set held at their start value. Task i's conditional is
    /// p(y_i | y_−i) ∝ σ(±z_i) Π_{j≠i} σ(±z_j), the children's terms evaluated with y_i = 0 and 1 (a change of ỹ_i moves
    /// z by ±2A[i, :]), so a known child informs its parents as well as a parent its children. The first half of the sweeps
    /// is burn-in (strongly coupled labels forget their start slowly); the score averages the conditionals of the second
    /// half and of all chains (Rao–Blackwellised).
    /// </summary>
    public Tensor Infer(Tensor g, Tensor adjacency, Tensor start, Tensor? clamp, int sweeps, int chains, Random permutations, Generator? generator)
    {
        if (sweeps < 2) throw new ArgumentOutOfRangeException(nameof(sweeps), sweeps, "expected at least 2 sweeps (half of them burn-in)");
        using var _ = no_grad();
        var u = intercept.call(g);
        long b = u.shape[0];
        int t = (int)u.shape[1];
        if (chains > 1)
        {
            u = u.repeat(chains, 1);
            start = start.repeat(chains, 1);
            clamp = clamp?.repeat(chains, 1);
        }
        var (_, mean) = Gibbs(u, adjacency, start, clamp, sweeps, sweeps / 2, permutations, generator);
        return chains > 1 ? mean.view(chains, b, t).mean([0L]) : mean;
    }

    /// <summary>
    /// Missing labels imputed by <paramref name="sweeps"/> Gibbs sweeps of the label model with the observed labels
    /// clamped, started from the previous stage's predictions: labels <c>[B, T]</c> (int64 0/1) that equal
    /// <paramref name="labels"/> where <paramref name="valid"/> is 1 — a draw of the missing labels from the model's
    /// conditional given x and the observed ones (stochastic EM), instead of their expectation under x alone.
    /// </summary>
    public Tensor Impute(Tensor g, Tensor labels, Tensor valid, Tensor priorLogits, Tensor adjacency, int sweeps, Random permutations, Generator? generator)
    {
        using var _ = no_grad();
        var observed = valid.gt(0);
        var start = where(observed, labels, priorLogits.gt(0).to(int64));
        var (y, _) = Gibbs(intercept.call(g), adjacency, start, observed, sweeps, sweeps, permutations, generator);
        return y.to(int64);
    }

    // The sweeps: final labels [B, T] (float 0/1) and the conditionals P(y_i = 1 | y_−i) averaged over the sweeps after
    // burnIn (zeros when burnIn = sweeps).
    private static (Tensor Labels, Tensor Conditionals) Gibbs(Tensor u, Tensor adjacency, Tensor start, Tensor? clamp, int sweeps, int burnIn,
        Random permutations, Generator? generator)
    {
        int t = (int)u.shape[1];
        var y = start.to(float32).clone();                 // [B, T] in {0, 1}
        var z = u + (2 * y - 1).matmul(adjacency);          // structural logits at the current labels
        var twoA = adjacency * 2;                           // a change of ỹ_i from −1 to +1 moves z by 2A[i, :]
        var children = Enumerable.Range(0, t).Select(i => (adjacency.select(0, i).ne(0) & arange(t, device: u.device).ne(i)).to(float32)).ToArray();
        var total = zeros_like(u);
        var order = Enumerable.Range(0, t).ToArray();
        var one = Scalars.One; // no implicit Scalars in this hot loop (why: Scalars)
        for (int s = 0; s < sweeps; s++)
        {
            permutations.Shuffle(order);
            foreach (int i in order)
            {
                var ai = twoA.select(0, i).unsqueeze(0);                       // [1, T]
                var z0 = z.sub(y.select(1, i).unsqueeze(1).mul(ai));           // ỹ_i = −1
                var z1 = z0.add(ai, one);                                      // ỹ_i = +1
                // log p(y_i = 1 | y_−i) − log p(y_i = 0 | y_−i) = z_i + Σ_{children j} [ℓ_j(z1) − ℓ_j(z0)]
                var logOdds = LogLikelihood(z1, y).sub(LogLikelihood(z0, y)).mul(children[i]).sum(1).add(z.select(1, i), one);
                var p1 = logOdds.sigmoid();
                if (s >= burnIn) total.select(1, i).add_(p1, one);
                var draw = generator is null ? rand(p1.shape, device: p1.device) : rand(p1.shape, generator: generator, device: p1.device);
                var next = draw.lt(p1).to(float32);
                if (clamp is not null) next = where(clamp.select(1, i), y.select(1, i), next);
                z = where(next.unsqueeze(1).gt(0), z1, z0);
                y.select(1, i).copy_(next);
            }
        }
        return (y, burnIn < sweeps ? total / (sweeps - burnIn) : total);
    }

    // Per-task log-likelihoods y log σ(z) + (1 − y) log σ(−z) = log σ(z) − z + y·z [B, T] (no implicit Scalars, see Infer).
    private static Tensor LogLikelihood(Tensor z, Tensor y) => nn.functional.logsigmoid(z).sub(z).add(y.mul(z), Scalars.One);
}
