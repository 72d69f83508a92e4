using GraphMtl.Backbones;
using GraphMtl.TaskGraphs.Layers;
using GraphMtl.TaskGraphs.Training;

namespace GraphMtl.TaskGraphs;

/// <summary>
/// SGNN, the latent-space structured model of SGNN-EBM (Liu, Qu, Zhang, Cai and Tang, "Structured Multi-task Learning
/// for Molecular Property Prediction", AISTATS 2022; gcnet.md §3.1–3.2): example embedding g(x), task representations
/// from a GCN over the task graph, node and pair states, the second-order state GNN, and a readout
/// MLP(2S → 2S → S → 1) of the concatenated node states (S = layers·d), one logit per (example, task), trained with
/// masked BCE. It is also SGNN-EBM's first stage (its logits start and tilt the EBM's Gibbs chains).
/// </summary>
internal sealed class SgnnNetwork : StageNetwork
{
    private readonly TaskEmbedding tasks;
    private readonly StateInput nodeInput, pairInput;
    private readonly StateGnn gnn;
    private readonly FeedForward readout;
    private readonly TaskGraphTensors _graph;

    /// <summary>Creates the network.</summary>
    public SgnnNetwork(string name, ExampleEncoder encoder, TaskGraphTensors graph, StateSettings settings, int stateDim) : base(name, encoder, graph.TaskCount, settings.DirectTerm)
    {
        _graph = graph;
        tasks = new TaskEmbedding("tasks", graph.Graph, settings.TaskDim, settings.TaskDropout);
        nodeInput = new StateInput("node_input", encoder.OutDim, settings.TaskDim, pair: false, settings.StateHidden, stateDim, settings.StateDropout);
        pairInput = new StateInput("pair_input", encoder.OutDim, settings.TaskDim, pair: true, settings.StateHidden, stateDim, settings.StateDropout);
        gnn = new StateGnn("gnn", stateDim, settings.Layers, StateMessages.PairStates, pairStates: true);
        int s = settings.Layers * stateDim;
        readout = new FeedForward("readout", 2 * s, [2 * s, s], 1, batchNorm: false, dropout: 0);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override string StageName => "sgnn";

    /// <summary>The task embeddings (for link pre-training).</summary>
    public TaskEmbedding Tasks => tasks;

    /// <summary>Logits <c>[B, T]</c>.</summary>
    public Tensor Logits(StageBatch batch)
    {
        var g = encoder.call(batch.Examples);
        var r = tasks.Forward();
        var x = nodeInput.call(g, r, null, null);
        var e = pairInput.call(g, r, _graph.Source, _graph.Target);
        var (nodes, _) = gnn.Forward(x, e, _graph.Source, _graph.Target);
        return WithDirect(readout.call(nodes.flatten(2)).squeeze(2), g); // [B, T, 2S] → [B, T]
    }

    /// <inheritdoc/>
    public override Tensor[] Losses(StageBatch batch) => StageLosses.Split(StageLosses.PerTask(Logits(batch), batch.Labels, batch.Valid));

    /// <inheritdoc/>
    public override Tensor Probabilities(StageBatch batch) => Logits(batch).sigmoid();

    /// <inheritdoc/>
    public override IEnumerable<Parameter> SharedParameters() =>
        encoder.parameters().Concat(nodeInput.parameters()).Concat(pairInput.parameters()).Concat(gnn.parameters()).Concat(readout.parameters());
}
