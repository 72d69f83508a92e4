using GraphMtl.Backbones;
using GraphMtl.TaskGraphs.Layers;
using GraphMtl.TaskGraphs.Training;

namespace GraphMtl.TaskGraphs;

/// <summary>
/// GCNet stage 2, the output-level causal energy-based model (gcnet.md §4.2–4.5). A learnable dense task adjacency A
/// (T × T; starts from the structure prior on the task-graph edges, upper-triangular) weighs the node messages of the
/// state GNN, x_i'(c) = Lin(x_i(c) + Σ_{e=(i,j)} A[i, j] x_j(c)), whose pair update reads the updated node states; the
/// readouts give φ_i and φ_e, and log p̃ is <see cref="TaskEnergy.LogLikelihood"/>.
/// </summary>
/// <remarks>
/// <para>
/// Per batch (intervention contrastive estimation): approximate marginals m_i(c) = φ_i(c) + ½ Σ_{e ∋ i} (φ_e(c, 0) + φ_e(c, 1)),
/// ν = softmax_c m (fi_mix); the SCM reconstruction L_dag = MSE(SCM(ν), ν) and the acyclicity penalty L_h = 100 h(A) + 10 h(A)²;
/// a do-intervention on a random task set S sets both entries of ν_i, i ∈ S, to 0.3 where &gt; 0.5 and to 1 otherwise (no
/// renormalisation); ν' = SCM(ν_do) propagates it; q is the last of <c>sweeps</c> Gibbs sweeps with unaries ν' and the
/// (detached) pair potentials, started from the stage-1 predictions 1[z &gt; 0]; missing labels are filled with the chain's
/// samples; noise labels ~ Bernoulli(ν_do(1)); L_out = L_ICE + λ₂ L_dag + λ₃ L_h (+ λ_A Σ|A|/T when configured).
/// </para>
/// <para>
/// Inference: φ with the learned A, Gibbs from the stage-1 predictions, the last sweep's p_i(1), no tilting
/// (<c>inference: scm</c>: Gibbs in the label SCM over the learned A instead, <see cref="LabelScm.Infer"/>). The
/// diagonal of A is held at 0 (a self-loop would let the SCM copy a task's own marginal); the EBM reads A detached
/// unless <see cref="AdjacencyGradient.Shared"/>; q is treated as a fixed noise distribution (no gradient through ν').
/// </para>
/// </remarks>
internal sealed class GcNetOutputNetwork : StageNetwork
{
    private readonly TaskEmbedding tasks;
    private readonly StateInput nodeInput, pairInput;
    private readonly StateGnn gnn;
    private readonly EnergyReadout readout;
    private readonly CausalScm? scm;         // the reference's SCM over marginals (ScmInput.Marginals)
    private readonly LabelScm? labelScm;     // the SCM over labels given x (ScmInput.Labels)
    private readonly Parameter adjacency; // Â [T, T], A = s·Â (s = options.AdjacencyScale)
    private readonly Tensor offDiagonal;  // buffer [T, T]
    private readonly TaskGraphTensors _graph;
    private readonly GibbsSampler _sampler;
    private readonly GcNetOutputStageOptions _options;
    private long[]? _fixedInterventions;
    private double _lambdaH;

    /// <summary>Creates the network with A = 0 (see <see cref="InitialiseAdjacency"/>).</summary>
    public GcNetOutputNetwork(string name, ExampleEncoder encoder, TaskGraphTensors graph, StateSettings settings, GcNetOutputStageOptions options) : base(name, encoder, graph.TaskCount, settings.DirectTerm)
    {
        _graph = graph;
        _options = options;
        _sampler = new GibbsSampler(graph.Graph, options.Lambda, options.Domain);
        int t = graph.TaskCount;
        tasks = new TaskEmbedding("tasks", graph.Graph, settings.TaskDim, settings.TaskDropout);
        nodeInput = new StateInput("node_input", encoder.OutDim, settings.TaskDim, pair: false, settings.StateHidden, options.StateDim, settings.StateDropout);
        pairInput = new StateInput("pair_input", encoder.OutDim, settings.TaskDim, pair: true, settings.StateHidden, options.StateDim, settings.StateDropout);
        gnn = new StateGnn("gnn", options.StateDim, settings.Layers, StateMessages.Weighted, pairStates: true);
        readout = new EnergyReadout("readout", settings.Layers * options.StateDim);
        if (options.Scm == ScmInput.Marginals) scm = new CausalScm("scm", t, options.ScmIntercept);
        else labelScm = new LabelScm("label_scm", encoder.OutDim, t);
        adjacency = new Parameter(zeros(t, t));
        offDiagonal = ones(t, t) - eye(t);
        BeginEpoch(0);
        RegisterComponents();
    }

    /// <summary>λ₃ for <paramref name="epoch"/>: <c>lambda_h</c>·min(1, epoch / <c>acyclicity_warmup</c>), or <c>lambda_h</c> without a warm-up.</summary>
    public override void BeginEpoch(int epoch) =>
        _lambdaH = _options.AcyclicityWarmup > 0 ? _options.LambdaH * Math.Min(1.0, (double)epoch / _options.AcyclicityWarmup) : _options.LambdaH;

    /// <summary>The acyclicity weight λ₃ currently in force.</summary>
    internal double LambdaH => _lambdaH;

    /// <inheritdoc/>
    public override string StageName => "stage2";

    /// <inheritdoc/>
    public override bool NeedsPrior => true;

    /// <summary>The task embeddings (for link pre-training).</summary>
    public TaskEmbedding Tasks => tasks;

    /// <summary>
    /// A ← the structure prior: A[i, j] = prior(e) for each task-graph edge e = (i, j), then the strict upper triangle
    /// kept (gcnet.md §4.6); null or <see cref="AdjacencyInit.Zeros"/> leaves A = 0.
    /// </summary>
    public void InitialiseAdjacency(IReadOnlyList<float>? prior)
    {
        int t = _graph.TaskCount;
        var a = new float[t * t];
        if (prior is not null && _options.AdjacencyInit == AdjacencyInit.Prior)
        {
            for (int e = 0; e < _graph.EdgeCount; e++) a[_graph.Graph.Source[e] * t + _graph.Graph.Target[e]] = prior[e];
            for (int i = 0; i < t; i++)
                for (int j = 0; j <= i; j++) a[i * t + j] = 0;
        }
        using var _ = no_grad();
        adjacency.copy_(tensor(a, [t, t], device: adjacency.device) / _options.AdjacencyScale);
    }

    /// <summary>A = s·Â with its diagonal held at 0 <c>[T, T]</c>.</summary>
    public Tensor Adjacency() => adjacency * offDiagonal * _options.AdjacencyScale;

    /// <summary>The learned graph: |A| row-major T × T (diagonal 0).</summary>
    public float[] LearnedGraph()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return Adjacency().abs().cpu().data<float>().ToArray();
    }

    /// <summary>Potential logits f_i(c) <c>[B, T, 2]</c> and f_e(c, c') <c>[B, M, 4]</c> with message weights A[i, j] from <paramref name="a"/>.</summary>
    private (Tensor Node, Tensor Pair) Potentials(StageBatch batch, Tensor a) => Potentials(encoder.call(batch.Examples), a);

    private (Tensor Node, Tensor Pair) Potentials(Tensor g, Tensor a)
    {
        var r = tasks.Forward();
        var x = nodeInput.call(g, r, null, null);
        var e = pairInput.call(g, r, _graph.Source, _graph.Target);
        var weight = a.reshape(-1).index_select(0, _graph.FlatIndex); // gather keeps the gradient to A
        var (nodes, pairs) = gnn.Forward(x, e, _graph.Source, _graph.Target, weight);
        var (f, fe) = readout.call(nodes, pairs!);
        return (WithDirectPotential(f, g), fe);
    }

    /// <summary>f_i(c) and f_e(c, c') as the EBM's loss sees them: A detached unless <see cref="AdjacencyGradient.Shared"/>.</summary>
    internal (Tensor Node, Tensor Pair) EbmPotentials(StageBatch batch) => Potentials(batch, EbmAdjacency());

    private Tensor EbmAdjacency()
    {
        var a = Adjacency();
        return _options.AdjacencyGradient == AdjacencyGradient.Shared ? a : a.detach();
    }

    /// <summary>fi_mix: softmax_c of φ_i(c) + ½ Σ over i's edges (either end) of φ_e(c, 0) + φ_e(c, 1) <c>[B, T, 2]</c>.</summary>
    internal Tensor Marginals(Tensor nodeLogits, Tensor pairLogits)
    {
        var phi = nodeLogits.softmax(2);
        var phiE = pairLogits.softmax(2);
        var rowSums = phiE.view(phiE.shape[0], phiE.shape[1], 2, 2).sum(3); // φ_e(c, 0) + φ_e(c, 1) [B, M, 2]
        var incident = zeros_like(phi).index_add(1, _graph.Source, rowSums, 1).index_add(1, _graph.Target, rowSums, 1);
        return (phi + 0.5 * incident).softmax(2);
    }

    /// <inheritdoc/>
    public override Tensor[] Losses(StageBatch batch)
    {
        var prior = batch.RequirePrior("GCNet stage 2");
        int t = _graph.TaskCount;
        var a = Adjacency();
        var g = encoder.call(batch.Examples);
        var (f, fe) = Potentials(g, EbmAdjacency());
        var mix = Marginals(f, fe);
        var dag = labelScm is null
            ? nn.functional.mse_loss(scm!.call(mix, a), mix)
            : labelScm.Loss(g.detach(), batch.Labels, batch.Valid, prior, a, batch.Intervened,
                _options.ScmMissing == ScmMissing.Sample ? labelScm.Impute(g.detach(), batch.Labels, batch.Valid, prior, a.detach(), 1, batch.Random, batch.Generator) : null);
        var acyclic = Acyclicity.Penalty(a);

        Tensor sample, q, noise;
        using (no_grad())
        {
            var nu = mix.detach().clone();
            var intervened = Interventions(batch.Random, t);
            var doMask = zeros(t, device: nu.device);
            if (intervened.Length > 0)
            {
                var index = tensor(intervened, device: nu.device);
                var chosen = nu.index_select(1, index);
                nu.index_copy_(1, index, where(chosen.gt(0.5), full_like(chosen, 0.3), ones_like(chosen)));
                doMask.index_fill_(0, index, 1);
            }
            var propagated = labelScm is null ? scm!.call(nu, a.detach()) : labelScm.Propagate(g.detach(), nu, a.detach(), doMask);
            var (_, pair) = EnergyTraining.SamplerInputs(f, fe, _options.Domain);
            (sample, q) = _sampler.Run(EnergyTraining.UnaryFromProbabilities(propagated, _options.Domain), pair, prior.gt(0).to(int64),
                _options.GibbsSweeps, batch.Random, batch.Generator);
            if (_options.Noise == NoiseSource.Intervened)
            {
                var p1 = nu.select(2, 1).clamp(0, 1);
                var u = batch.Generator is null ? rand_like(p1) : rand(p1.shape, generator: batch.Generator, device: p1.device);
                noise = u.lt(p1).to(int64);
            }
            else noise = sample;
        }
        var ice = EnergyTraining.Nce(f, fe, _graph, batch, sample, q, noise, _options.Lambda, _options.FillMissing);
        var total = ice + _options.LambdaDag * dag + _lambdaH * acyclic;
        if (_options.LambdaSparse > 0) total = total + _options.LambdaSparse * a.abs().sum() / t; // optional sparsity (not in the reference)
        return StageLosses.Spread(total, t);
    }

    private long[] Interventions(Random random, int taskCount)
    {
        int size = _options.Intervention.SizeFor(taskCount);
        if (_options.Intervention.Redraw == InterventionRedraw.Fixed && _fixedInterventions is not null) return _fixedInterventions;
        var order = Enumerable.Range(0, taskCount).ToArray();
        random.Shuffle(order);
        var set = order.Take(size).Select(v => (long)v).OrderBy(v => v).ToArray();
        if (_options.Intervention.Redraw == InterventionRedraw.Fixed) _fixedInterventions = set;
        return set;
    }

    /// <inheritdoc/>
    public override Tensor Probabilities(StageBatch batch)
    {
        var prior = batch.RequirePrior("GCNet stage 2");
        if (_options.Inference == GcNetInference.Scm)
            return labelScm!.Infer(encoder.call(batch.Examples), Adjacency(), batch.ChainStart(prior.gt(0).to(int64)), batch.Known, _options.ScmSweeps,
                _options.InferenceChains, batch.Random, batch.Generator);
        var (f, fe) = Potentials(batch, Adjacency());
        var (unary, pair) = EnergyTraining.SamplerInputs(f, fe, _options.Domain);
        return EnergyTraining.Infer(_sampler, unary, pair, prior.gt(0).to(int64), _options.GibbsSweeps, _options.InferenceChains, batch,
            _options.Tilt ? prior : null);
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> SharedParameters() =>
        encoder.parameters().Concat(nodeInput.parameters()).Concat(pairInput.parameters()).Concat(gnn.parameters()).Concat(readout.parameters());
}
