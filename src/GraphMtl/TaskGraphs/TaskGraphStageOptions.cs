using GraphMtl.Configuration;

namespace GraphMtl.TaskGraphs;

/// <summary>How a later stage's example encoder starts.</summary>
public enum EncoderStart
{
    /// <summary>A copy of the previous stage's trained encoder (warm start; the reference pre-trains a fresh GIN per stage with the MTL loss instead).</summary>
    Copy,
    /// <summary>A freshly initialised encoder.</summary>
    Fresh,
}

/// <summary>Which label pairs the task-embedding link prediction treats as positives.</summary>
public enum LinkPositives
{
    /// <summary>The method's default: the task-graph edges for SGNN/SGNN-EBM, all ordered pairs for GCNet.</summary>
    Auto,
    /// <summary>The task-graph edges (SGNN-EBM).</summary>
    Graph,
    /// <summary>All ordered pairs i ≠ j, i.e. the fully connected graph (GCNet's code).</summary>
    AllPairs,
}

/// <summary>
/// Link-prediction pre-training of the task embeddings (gcnet.md §2.2; config section <c>head.pretrain</c>): an
/// MLP[hidden] on [h_i ‖ h_j] → 1 with BCE, <see cref="Negatives"/> negatives per positive drawn ∝ degree^0.75, Adam.
/// Every stage pre-trains its own task embeddings.
/// </summary>
public sealed record TaskPretrainOptions : IValidatableOptions
{
    /// <summary>Epochs (0: no pre-training). Reference: 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Hidden widths of the link MLP (reference [1024, 512]).</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [256, 128];

    /// <summary>Negatives per positive.</summary>
    public int Negatives { get; init; } = 5;

    /// <summary>Pairs per batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam learning rate.</summary>
    public double Lr { get; init; } = 1e-3;

    /// <summary>The positives.</summary>
    public LinkPositives Positives { get; init; } = LinkPositives.Auto;

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Epochs < 0) yield return (nameof(Epochs), $"expected 0 or more epochs (got {Epochs})");
        if (Hidden.Any(h => h < 1)) yield return (nameof(Hidden), "expected positive widths");
        if (Negatives < 1) yield return (nameof(Negatives), $"expected at least one negative per positive (got {Negatives})");
        if (BatchSize < 2) yield return (nameof(BatchSize), $"expected at least 2 pairs per batch (got {BatchSize})");
        if (!(Lr > 0)) yield return (nameof(Lr), $"expected a positive learning rate (got {Lr})");
    }
}

/// <summary>
/// MTL pre-training of the first stage's example encoder (gcnet.md §2.3; config section <c>head.encoder_pretrain</c>):
/// encoder + Linear(D, T) with masked BCE, trained by the shared trainer (selection on the validation mean, best
/// weights kept; logged as stage <c>pretrain</c>). The reference pre-trains every stage's encoder for 100 epochs; here
/// later stages copy the first stage's encoder (<c>encoder: copy</c>), so one pre-training warms them all.
/// </summary>
public sealed record EncoderPretrainOptions : IValidatableOptions
{
    /// <summary>Epochs (0, the default: the first stage's encoder starts from its initialisation).</summary>
    public int Epochs { get; init; }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Epochs < 0) yield return (nameof(Epochs), $"expected 0 (off) or a positive number of epochs (got {Epochs})");
    }
}

/// <summary>Settings every stage has: its state width and its epoch budget.</summary>
public abstract record StageOptions : IValidatableOptions
{
    /// <summary>Width d of the per-state vectors (reference d_ebm: 50 or 100).</summary>
    public int StateDim { get; init; } = 50;

    /// <summary>Epochs of this stage (0: <c>train.epochs</c>). The reference trains 300 per stage.</summary>
    public int Epochs { get; init; }

    /// <summary>The epochs this stage runs under <paramref name="trainEpochs"/>.</summary>
    public int EpochsOr(int trainEpochs) => Epochs > 0 ? Epochs : trainEpochs;

    /// <inheritdoc/>
    public virtual IEnumerable<(string Property, string Message)> Validate()
    {
        if (StateDim < 1) yield return (nameof(StateDim), $"expected a positive width (got {StateDim})");
        if (Epochs < 0) yield return (nameof(Epochs), $"expected 0 (train.epochs) or a positive number (got {Epochs})");
    }
}

/// <summary>A stage trained by masked BCE (SGNN, and SGNN-EBM's first stage).</summary>
public sealed record SgnnStageOptions : StageOptions;

/// <summary>
/// Settings of an energy-based stage (SGNN-EBM's EBM, GCNet's stage 2): the pair weight λ of log p̃, Gibbs sweeps for
/// noise and inference, the conditional's domain, and how missing labels are treated.
/// </summary>
public abstract record EnergyStageOptions : StageOptions
{
    /// <summary>Creates the defaults (d = 100 as the reference's d_ebm).</summary>
    protected EnergyStageOptions() => StateDim = 100;

    /// <summary>λ, the weight of the pair potentials in log p̃ and in the Gibbs conditionals (reference 0.1).</summary>
    public double Lambda { get; init; } = 0.1;

    /// <summary>Gibbs sweeps for the noise distribution and for inference (reference 2; the score is the last sweep's conditional).</summary>
    public int GibbsSweeps { get; init; } = 2;

    /// <summary>Conditionals in the reference's probability domain (defect 10) or the exact log domain.</summary>
    public GibbsDomain Domain { get; init; } = GibbsDomain.Probability;

    /// <summary>Independent Gibbs chains averaged at inference (reference 1: the score is one chain's last conditional).</summary>
    public int InferenceChains { get; init; } = 1;

    /// <summary>Fill missing training labels with the Gibbs samples and count every entry as valid (reference: always on, defect 9).</summary>
    public bool FillMissing { get; init; } = true;

    /// <summary>How this stage's encoder starts.</summary>
    public EncoderStart Encoder { get; init; } = EncoderStart.Copy;

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var error in base.Validate()) yield return error;
        if (!(Lambda >= 0)) yield return (nameof(Lambda), $"expected a non-negative weight (got {Lambda})");
        if (GibbsSweeps < 1) yield return (nameof(GibbsSweeps), $"expected at least one sweep (got {GibbsSweeps})");
        if (InferenceChains < 1) yield return (nameof(InferenceChains), $"expected at least one chain (got {InferenceChains})");
    }
}

/// <summary>SGNN-EBM's energy-based stage (gcnet.md §3.3; config section <c>head.ebm</c>).</summary>
public sealed record SgnnEbmStageOptions : EnergyStageOptions
{
    /// <summary>Multiply each Gibbs conditional by σ(±SGNN logit), not renormalised (the reference's tilting).</summary>
    public bool Tilt { get; init; } = true;
}

/// <summary>GCNet's stage 1, the feature-level generator of the structure prior (gcnet.md §4.1; config section <c>head.stage1</c>).</summary>
public sealed record GcNetFeatureStageOptions : StageOptions
{
    /// <summary>λ₁, the weight of the L1 penalty on the causal edge mask (reference 0.1 or 0.5).</summary>
    public double L1 { get; init; } = 0.5;

    /// <summary>Train the trivial branch towards the uniform prediction (reference on).</summary>
    public bool Trivial { get; init; } = true;

    /// <summary>Stack the trivial branch's layers (intended); false feeds the input node states to every layer as the released code does (defect 7).</summary>
    public bool TrivialStacked { get; init; } = true;

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var error in base.Validate()) yield return error;
        if (!(L1 >= 0)) yield return (nameof(L1), $"expected a non-negative weight (got {L1})");
    }
}

/// <summary>How GCNet's learnable task adjacency A starts.</summary>
public enum AdjacencyInit
{
    /// <summary>A[i, j] = a_causal(e) on the task-graph edges, then upper-triangular (the intended design, defect 4).</summary>
    Prior,
    /// <summary>A = 0, as the released code (the prior is unused).</summary>
    Zeros,
}

/// <summary>Whether the EBM's message weights pass gradients to A.</summary>
public enum AdjacencyGradient
{
    /// <summary>The EBM reads A detached: A learns only from L_dag and L_h (the reference's behaviour, defect 5).</summary>
    Detached,
    /// <summary>One shared parameter: the NCE loss also trains A through the EBM's messages.</summary>
    Shared,
}

/// <summary>What GCNet's NCE noise samples are drawn from.</summary>
public enum NoiseSource
{
    /// <summary>Bernoulli(ν_i(1)) of the intervened marginals ν, scored under q (the reference, defect 11).</summary>
    Intervened,
    /// <summary>The Gibbs chain's samples, i.e. from q itself.</summary>
    Q,
}

/// <summary>Which of GCNet's stage-2 models scores the examples.</summary>
public enum GcNetInference
{
    /// <summary>The causal EBM's Gibbs chain over the heuristic task graph (the reference, gcnet.md §4.5).</summary>
    Ebm,
    /// <summary>
    /// Gibbs sampling in the label SCM, p(y | x) = Π_j σ(±(u_j(x) + Σ_i A[i, j] ỹ_i)), over the learned A instead of the
    /// heuristic graph (needs <c>scm: labels</c>). Not in the reference.
    /// </summary>
    Scm,
}

/// <summary>How the label SCM's reconstruction loss reads a missing parent label.</summary>
public enum ScmMissing
{
    /// <summary>Its expectation 2p − 1 under the previous stage's probability p (from x alone).</summary>
    Expectation,
    /// <summary>
    /// A draw from the SCM's own conditional given x and the example's observed labels (one Gibbs sweep with the
    /// observed labels clamped; stochastic EM), so the mechanisms are fitted to ±1 parent values as at inference.
    /// </summary>
    Sample,
}

/// <summary>What GCNet's structural causal model reconstructs (and so what the learned adjacency A explains).</summary>
public enum ScmInput
{
    /// <summary>
    /// Observed labels given the example: P(y_j = 1 | x, y) = σ(u_j(x) + Σ_i A[i, j](2y_i − 1)), trained by BCE
    /// (<c>LabelScm</c>); the intervention propagates through it with the do-set held fixed. The port's default: the
    /// reference's form cannot identify label dependence (see <see cref="Marginals"/>).
    /// </summary>
    Labels,
    /// <summary>
    /// The EBM's approximate marginals from the other tasks' marginals, MSE (the reference, gcnet.md §4.3). All
    /// marginals are functions of the same x, so A fills whole columns instead of parent sets.
    /// </summary>
    Marginals,
}

/// <summary>Which epoch's adjacency is reported as the learned graph.</summary>
public enum StructureEpoch
{
    /// <summary>The last epoch of stage 2: where the structure objective got to (the model keeps its best-validation weights).</summary>
    Last,
    /// <summary>The epoch selected on validation ROC-AUC, the A of the saved model.</summary>
    Best,
}

/// <summary>Whether the intervened tasks are redrawn.</summary>
public enum InterventionRedraw
{
    /// <summary>A new random set every batch.</summary>
    Batch,
    /// <summary>One random set per run.</summary>
    Fixed,
}

/// <summary>The do-interventions of intervention contrastive estimation (gcnet.md §4.4, defect 8; config section <c>head.stage2.intervention</c>).</summary>
public sealed record InterventionOptions : IValidatableOptions
{
    /// <summary>Share of the tasks intervened on (⌈share·T⌉), used when <see cref="Count"/> is 0.</summary>
    public double Fraction { get; init; } = 0.25;

    /// <summary>Number of tasks intervened on (0: use <see cref="Fraction"/>).</summary>
    public int Count { get; init; }

    /// <summary>Redraw the set every batch or once per run.</summary>
    public InterventionRedraw Redraw { get; init; } = InterventionRedraw.Batch;

    /// <summary>The number of intervened tasks among <paramref name="taskCount"/>.</summary>
    public int SizeFor(int taskCount) => Math.Clamp(Count > 0 ? Count : (int)Math.Ceiling(Fraction * taskCount), 0, taskCount);

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Fraction is < 0 or > 1) yield return (nameof(Fraction), $"expected a share in [0, 1] (got {Fraction})");
        if (Count < 0) yield return (nameof(Count), $"expected 0 (use fraction) or a positive count (got {Count})");
    }
}

/// <summary>GCNet's stage 2, the output-level causal EBM (gcnet.md §4.2–4.5; config section <c>head.stage2</c>).</summary>
public sealed record GcNetOutputStageOptions : EnergyStageOptions
{
    /// <summary>λ₂, the weight of the SCM reconstruction loss L_dag (reference 0.05 or 0.1).</summary>
    public double LambdaDag { get; init; } = 0.1;

    /// <summary>λ₃, the weight of the acyclicity penalty L_h = 100 h + 10 h² (reference 0.05 or 0.1).</summary>
    public double LambdaH { get; init; } = 0.1;

    /// <summary>
    /// Epochs over which λ₃ rises linearly from 0 to <see cref="LambdaH"/> (0, the default: full weight from the start,
    /// as the reference). A continuation schedule in the spirit of NOTEARS' augmented Lagrangian: A first learns which
    /// tasks depend on which, in both directions, and the penalty then removes the weaker direction of each pair,
    /// instead of freezing whichever direction the first steps happened to favour. Not in the reference.
    /// </summary>
    public int AcyclicityWarmup { get; init; }

    /// <summary>
    /// λ_A, the weight of an L1 penalty on the learned adjacency, λ_A · Σ_{i≠j} |A[i, j]| / T (average parent-set
    /// weight). Not in the reference (0, the default): without it the SCM reconstruction spreads weight uniformly over
    /// whole columns of A, because the mean of all tasks' marginals already predicts any one of them.
    /// </summary>
    public double LambdaSparse { get; init; }

    /// <summary>
    /// Tilt the inference Gibbs conditionals by σ(±stage-1 logit), as SGNN-EBM tilts by SGNN's (not in the GCNet
    /// reference, false by default): the scores then combine the stage-1 predictor with the EBM's label interactions.
    /// </summary>
    public bool Tilt { get; init; }
    /// <summary>What the SCM reconstructs: observed labels given x (default) or the EBM's marginals (the reference).</summary>
    public ScmInput Scm { get; init; } = ScmInput.Labels;
    /// <summary>
    /// Give the marginal SCM (<see cref="ScmInput.Marginals"/>) a per-task intercept per class (ε_j ∈ R²). The reference's ε_j is one scalar added to both classes,
    /// a no-op (defect 6; false, the default, keeps it), which leaves a task's base rate to its column of A.
    /// </summary>
    public bool ScmIntercept { get; init; }

    /// <summary>How A starts.</summary>
    public AdjacencyInit AdjacencyInit { get; init; } = AdjacencyInit.Prior;

    /// <summary>
    /// s in A = s·Â, Â the trained parameter (1, the default: A itself). Adam moves each parameter by about the
    /// learning rate per step whatever its gradient's scale, so A then learns s times faster than the rest of the
    /// model: its entries reach effect sizes of 1–3 within the stage instead of the ~lr·steps a shared rate allows.
    /// Not in the reference.
    /// </summary>
    public double AdjacencyScale { get; init; } = 1;

    /// <summary>
    /// Which epoch's A is reported (graphs, <c>structure</c> section): the last (default) or the best-validation
    /// epoch whose weights the model keeps. Validation selects on prediction; when that peaks at an early epoch the best
    /// epoch's A has hardly moved from its start.
    /// </summary>
    public StructureEpoch StructureEpoch { get; init; } = StructureEpoch.Last;

    /// <summary>Whether the EBM passes gradients to A.</summary>
    public AdjacencyGradient AdjacencyGradient { get; init; } = AdjacencyGradient.Detached;

    /// <summary>The interventions.</summary>
    public InterventionOptions Intervention { get; init; } = new();

    /// <summary>What the noise samples are drawn from.</summary>
    public NoiseSource Noise { get; init; } = NoiseSource.Intervened;

    /// <summary>Which model scores the examples: the causal EBM (default, the reference) or the label SCM over the learned A.</summary>
    public GcNetInference Inference { get; init; } = GcNetInference.Ebm;

    /// <summary>How the label SCM's loss reads missing parent labels (<c>scm: labels</c>).</summary>
    public ScmMissing ScmMissing { get; init; } = ScmMissing.Expectation;

    /// <summary>Gibbs sweeps of the SCM inference (the first half is burn-in; <c>inference_chains</c> chains).</summary>
    public int ScmSweeps { get; init; } = 10;

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var error in base.Validate()) yield return error;
        if (!(LambdaDag >= 0)) yield return (nameof(LambdaDag), $"expected a non-negative weight (got {LambdaDag})");
        if (!(LambdaH >= 0)) yield return (nameof(LambdaH), $"expected a non-negative weight (got {LambdaH})");
        if (AcyclicityWarmup < 0) yield return (nameof(AcyclicityWarmup), $"expected 0 (off) or a positive number of epochs (got {AcyclicityWarmup})");
        if (!(LambdaSparse >= 0)) yield return (nameof(LambdaSparse), $"expected a non-negative weight (got {LambdaSparse})");
        if (!(AdjacencyScale > 0)) yield return (nameof(AdjacencyScale), $"expected a positive scale (got {AdjacencyScale})");
        if (Inference == GcNetInference.Scm && Scm != ScmInput.Labels)
            yield return (nameof(Inference), "expected scm: labels for inference: scm (the marginal SCM has no label model to sample)");
        if (ScmSweeps < 2) yield return (nameof(ScmSweeps), $"expected at least 2 sweeps, half of them burn-in (got {ScmSweeps})");
    }
}
