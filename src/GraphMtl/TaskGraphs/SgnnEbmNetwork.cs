using GraphMtl.Backbones;
using GraphMtl.TaskGraphs.Layers;
using GraphMtl.TaskGraphs.Training;

namespace GraphMtl.TaskGraphs;

/// <summary>
/// SGNN-EBM's output-space energy-based model (gcnet.md §3.3): the second-order state GNN's per-state readouts give
/// node potentials φ_i = softmax_c f_i and pair potentials φ_e = softmax f_e; log p̃ is <see cref="TaskEnergy.LogLikelihood"/>.
/// Trained by NCE whose noise distribution q is <c>sweeps</c> Gibbs sweeps started from the SGNN predictions 1[z &gt; 0]
/// with tilting (each conditional multiplied by σ(±z), not renormalised); noise labels are the chain's samples and
/// missing labels are filled with them. Inference: the same tilted Gibbs chain, scored by the last sweep's p_i(1).
/// </summary>
internal sealed class SgnnEbmNetwork : StageNetwork
{
    private readonly TaskEmbedding tasks;
    private readonly StateInput nodeInput, pairInput;
    private readonly StateGnn gnn;
    private readonly EnergyReadout readout;
    private readonly TaskGraphTensors _graph;
    private readonly GibbsSampler _sampler;
    private readonly SgnnEbmStageOptions _options;

    /// <summary>Creates the network.</summary>
    public SgnnEbmNetwork(string name, ExampleEncoder encoder, TaskGraphTensors graph, StateSettings settings, SgnnEbmStageOptions options) : base(name, encoder, graph.TaskCount, settings.DirectTerm)
    {
        _graph = graph;
        _options = options;
        _sampler = new GibbsSampler(graph.Graph, options.Lambda, options.Domain);
        tasks = new TaskEmbedding("tasks", graph.Graph, settings.TaskDim, settings.TaskDropout);
        nodeInput = new StateInput("node_input", encoder.OutDim, settings.TaskDim, pair: false, settings.StateHidden, options.StateDim, settings.StateDropout);
        pairInput = new StateInput("pair_input", encoder.OutDim, settings.TaskDim, pair: true, settings.StateHidden, options.StateDim, settings.StateDropout);
        gnn = new StateGnn("gnn", options.StateDim, settings.Layers, StateMessages.PairStates, pairStates: true);
        readout = new EnergyReadout("readout", settings.Layers * options.StateDim);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override string StageName => "ebm";

    /// <inheritdoc/>
    public override bool NeedsPrior => true;

    /// <summary>The task embeddings (for link pre-training).</summary>
    public TaskEmbedding Tasks => tasks;

    /// <summary>Potential logits f_i(c) <c>[B, T, 2]</c> and f_e(c, c') <c>[B, M, 4]</c>.</summary>
    public (Tensor Node, Tensor Pair) Potentials(StageBatch batch)
    {
        var g = encoder.call(batch.Examples);
        var r = tasks.Forward();
        var x = nodeInput.call(g, r, null, null);
        var e = pairInput.call(g, r, _graph.Source, _graph.Target);
        var (nodes, pairs) = gnn.Forward(x, e, _graph.Source, _graph.Target);
        var (f, fe) = readout.call(nodes, pairs!);
        return (WithDirectPotential(f, g), fe);
    }

    /// <inheritdoc/>
    public override Tensor[] Losses(StageBatch batch)
    {
        var prior = batch.RequirePrior("SGNN-EBM's EBM");
        var (f, fe) = Potentials(batch);
        Tensor sample, q;
        using (no_grad())
        {
            var (unary, pair) = EnergyTraining.SamplerInputs(f, fe, _options.Domain);
            (sample, q) = _sampler.Run(unary, pair, prior.gt(0).to(int64), _options.GibbsSweeps, batch.Random, batch.Generator,
                _options.Tilt ? prior : null);
        }
        var loss = EnergyTraining.Nce(f, fe, _graph, batch, sample, q, noise: sample, _options.Lambda, _options.FillMissing);
        return StageLosses.Spread(loss, _graph.TaskCount);
    }

    /// <inheritdoc/>
    public override Tensor Probabilities(StageBatch batch)
    {
        var prior = batch.RequirePrior("SGNN-EBM's EBM");
        var (f, fe) = Potentials(batch);
        var (unary, pair) = EnergyTraining.SamplerInputs(f, fe, _options.Domain);
        return EnergyTraining.Infer(_sampler, unary, pair, prior.gt(0).to(int64), _options.GibbsSweeps, _options.InferenceChains, batch,
            _options.Tilt ? prior : null);
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> SharedParameters() =>
        encoder.parameters().Concat(nodeInput.parameters()).Concat(pairInput.parameters()).Concat(gnn.parameters()).Concat(readout.parameters());
}
