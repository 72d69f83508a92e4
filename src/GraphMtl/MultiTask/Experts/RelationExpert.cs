using GraphMtl.Backbones;
using GraphMtl.Graphs;

namespace GraphMtl.MultiTask.Experts;

/// <summary>
/// InLINE's structure-disentangled expert (inline.md §3.2): a split-mode Simple-HGN layer whose neighbourhood
/// aggregation stays separate per incoming relation until someone combines it. <see cref="Split"/> hands out, per
/// node type t, the per-relation aggregates <c>M [R_t, N_t, D]</c>, the projected centres z, the node residual and the
/// gate input <c>[x̃ ; x̃]</c>; <see cref="Combine(SimpleHgnSplit, Tensor)"/> applies this expert's own relation attention to (possibly mixed)
/// aggregates, adds its residual and the activation:
/// <c>h_v = act(Σ_r β_{v,r} m̃_{v,r} + res_v)</c>, <c>β_{v,r} = softmax_r q([z_v ; m̃_{v,r}])</c>.
/// </summary>
public sealed class RelationExpert : nn.Module<GraphTensors, Tensor[], Tensor[]>, IExpert
{
    private readonly SimpleHgnConv layer;
    private readonly Func<Tensor, Tensor> _activation;
    private readonly double _dropout;

    /// <summary>
    /// The layer at depth <paramref name="index"/> of <paramref name="backbone"/> in split mode (residual off at depth 0,
    /// the backbone's residual afterwards). Only Simple-HGN has a split mode; other backbones are a user error.
    /// </summary>
    public RelationExpert(string name, GraphMetadata metadata, BackboneOptions backbone, int inDim, int index) : base(name)
    {
        if (backbone is not SimpleHgnOptions shgn)
            throw new GraphMtlException($"model.name: InLINE's structure-disentangled experts need a backbone with per-relation (split) aggregation; simple-hgn has one (got {BackboneRegistry.Instance.NameOf(backbone.GetType())}).");
        layer = (SimpleHgnConv)(shgn with { Mode = AttentionMode.Split }).CreateLayer($"{name}.layer", metadata, inDim, index);
        _activation = backbone.Activation;
        _dropout = backbone.Dropout;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public int OutDim => layer.OutDim;

    /// <summary>The per-relation parts of every node type (relations in <see cref="Nn.FlatEdges.Incoming"/> order).</summary>
    public SimpleHgnSplit[] Split(GraphTensors graph, Tensor[] h) => layer.ForwardSplit(graph, h);

    /// <summary>
    /// <c>dropout(act(Σ_r β_r m̃_r + res))</c> for one node type, with this expert's relation attention over
    /// <paramref name="messages"/> <c>[R_t, N_t, D]</c> (its own part's, or a mixture of several experts').
    /// </summary>
    public Tensor Combine(SimpleHgnSplit part, Tensor messages) => Finish(layer.AttendRelations(part.Projected, messages) + part.Residual);

    /// <summary>The relation attention <c>β [R_t, N_t, 1]</c> this expert gives <paramref name="messages"/>.</summary>
    public Tensor RelationWeights(SimpleHgnSplit part, Tensor messages) => layer.RelationWeights(part.Projected, messages);

    /// <summary>Like <see cref="Combine(SimpleHgnSplit, Tensor)"/>, with relation weights computed by <see cref="RelationWeights"/>.</summary>
    public Tensor Combine(SimpleHgnSplit part, Tensor messages, Tensor relationWeights) =>
        Finish(messages.shape[0] == 0 ? part.Residual : (relationWeights * messages).sum(dim: 0) + part.Residual);

    /// <inheritdoc/>
    public Tensor[] Forward(GraphTensors graph, Tensor[] h) => call(graph, h);

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph, Tensor[] h) => Split(graph, h).Select(p => Combine(p, p.Messages)).ToArray();

    private Tensor Finish(Tensor x) => nn.functional.dropout(_activation(x), _dropout, training);
}
