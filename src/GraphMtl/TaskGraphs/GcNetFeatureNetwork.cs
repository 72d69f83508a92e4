using GraphMtl.Backbones;
using GraphMtl.TaskGraphs.Layers;
using GraphMtl.TaskGraphs.Training;

namespace GraphMtl.TaskGraphs;

/// <summary>
/// GCNet stage 1, the feature-level generator of the structure prior (Lin et al., "Generative Causality-Driven Network
/// for Graph Multi-Task Learning", IEEE TPAMI 2025; gcnet.md §4.1). CAL-style causal/trivial edge attention on the
/// task-graph edges, [a_e^c, a_e^t] = softmax(W_att(r_i + r_j) + b), splits the graph into a causal mask A_c = a^c and a
/// trivial mask 1 − a^c. A node-state GNN, u_i(c) = x_i(c) + Σ_{e=(i,j)} A(e) x_j(c), x_i' = Lin(u_i), runs once per
/// mask; the readout MLP(6d → 6d → 3d → 1) of the concatenated states gives f_causal and f_trivial.
/// </summary>
/// <remarks>
/// L_feat = ½[BCE(f_causal, y) + BCE(f_trivial, ½)] + λ₁ · mean_e |a_e^c|: the trivial branch is pushed to the uniform
/// prediction, so edges that carry label information move into the causal mask. The prediction is σ(f_causal) and the
/// structure prior is a^c at the best validation epoch.
/// </remarks>
internal sealed class GcNetFeatureNetwork : StageNetwork
{
    private readonly TaskEmbedding tasks;
    private readonly Linear attention;
    private readonly StateInput nodeInput;
    private readonly StateGnn gnn;
    private readonly FeedForward readout;
    private readonly TaskGraphTensors _graph;
    private readonly GcNetFeatureStageOptions _options;

    /// <summary>Creates the network.</summary>
    public GcNetFeatureNetwork(string name, ExampleEncoder encoder, TaskGraphTensors graph, StateSettings settings, GcNetFeatureStageOptions options) : base(name, encoder, graph.TaskCount, settings.DirectTerm)
    {
        _graph = graph;
        _options = options;
        tasks = new TaskEmbedding("tasks", graph.Graph, settings.TaskDim, settings.TaskDropout);
        attention = nn.Linear(settings.TaskDim, 2);
        nodeInput = new StateInput("node_input", encoder.OutDim, settings.TaskDim, pair: false, settings.StateHidden, options.StateDim, settings.StateDropout);
        gnn = new StateGnn("gnn", options.StateDim, settings.Layers, StateMessages.Weighted, pairStates: false);
        int s = settings.Layers * options.StateDim;
        readout = new FeedForward("readout", 2 * s, [2 * s, s], 1, batchNorm: false, dropout: 0);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override string StageName => "stage1";

    /// <summary>The task embeddings (for link pre-training).</summary>
    public TaskEmbedding Tasks => tasks;

    /// <summary>The causal attention a^c per directed edge <c>[M]</c> for task representations <paramref name="r"/>.</summary>
    public Tensor CausalMask(Tensor r)
    {
        var pair = r.index_select(0, _graph.Source) + r.index_select(0, _graph.Target); // symmetric in (i, j)
        return attention.call(pair).softmax(1).select(1, 0);
    }

    /// <summary>The structure prior a^c per directed edge (eval mode, no gradients).</summary>
    public float[] StructurePrior()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool wasTraining = training;
        eval();
        var prior = CausalMask(tasks.Forward()).cpu().data<float>().ToArray();
        if (wasTraining) train();
        return prior;
    }

    /// <summary>f_causal and (in training with the trivial branch on) f_trivial <c>[B, T]</c>, and a^c.</summary>
    private (Tensor Causal, Tensor? Trivial, Tensor Mask) Forward(StageBatch batch, bool trivial)
    {
        var g = encoder.call(batch.Examples);
        var r = tasks.Forward();
        var mask = CausalMask(r);
        var x = nodeInput.call(g, r, null, null);
        var causal = WithDirect(Readout(gnn.Forward(x, null, _graph.Source, _graph.Target, mask).Nodes), g);
        Tensor? trivialLogits = null;
        if (trivial)
            trivialLogits = Readout(gnn.Forward(x, null, _graph.Source, _graph.Target, 1 - mask, stacked: _options.TrivialStacked).Nodes);
        return (causal, trivialLogits, mask);
    }

    private Tensor Readout(Tensor nodes) => readout.call(nodes.flatten(2)).squeeze(2);

    /// <summary>Logits f_causal <c>[B, T]</c>.</summary>
    public Tensor Logits(StageBatch batch) => Forward(batch, trivial: false).Causal;

    /// <inheritdoc/>
    public override Tensor[] Losses(StageBatch batch)
    {
        var (causal, trivial, mask) = Forward(batch, _options.Trivial);
        var perTask = StageLosses.PerTask(causal, batch.Labels, batch.Valid);
        if (trivial is not null)
            perTask = 0.5 * (perTask + StageLosses.PerTask(trivial, batch.Labels, batch.Valid, full_like(trivial, 0.5)));
        var losses = StageLosses.Split(perTask);
        if (_options.L1 > 0 && _graph.EdgeCount > 0)
        {
            var l1 = StageLosses.Spread(_options.L1 * mask.abs().mean(), _graph.TaskCount);
            for (int k = 0; k < losses.Length; k++) losses[k] = losses[k] + l1[k];
        }
        return losses;
    }

    /// <inheritdoc/>
    public override Tensor Probabilities(StageBatch batch) => Logits(batch).sigmoid();

    /// <inheritdoc/>
    public override IEnumerable<Parameter> SharedParameters() =>
        encoder.parameters().Concat(attention.parameters()).Concat(nodeInput.parameters()).Concat(gnn.parameters()).Concat(readout.parameters());
}
