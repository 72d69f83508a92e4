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
    /// a parent's value — which is what lets interventional rows tell an edge's direction.
    /// </summary>
    public Tensor Loss(Tensor g, Tensor labels, Tensor valid, Tensor priorLogits, Tensor adjacency, Tensor? intervened = null)
    {
        var logits = forward(g, Signed(labels, valid, priorLogits), adjacency);
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
}
