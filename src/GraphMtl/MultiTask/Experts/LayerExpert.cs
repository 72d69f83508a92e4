using GraphMtl.Backbones;
using GraphMtl.Graphs;

namespace GraphMtl.MultiTask.Experts;

/// <summary>
/// One backbone layer as an expert, with what a <see cref="LayerStack"/> puts after each layer: the backbone's
/// activation, then dropout. Built from <see cref="BackboneOptions.CreateLayer"/>, so any backbone serves.
/// </summary>
public sealed class LayerExpert : nn.Module<GraphTensors, Tensor[], Tensor[]>, IExpert
{
    private readonly HeteroConv layer;
    private readonly Func<Tensor, Tensor> _activation;
    private readonly double _dropout;

    /// <summary>The layer at depth <paramref name="index"/> of <paramref name="backbone"/>'s stack, reading width <paramref name="inDim"/>.</summary>
    public LayerExpert(string name, GraphMetadata metadata, BackboneOptions backbone, int inDim, int index) : base(name)
    {
        layer = backbone.CreateLayer($"{name}.layer", metadata, inDim, index);
        _activation = backbone.Activation;
        _dropout = backbone.Dropout;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public int OutDim => layer.OutDim;

    /// <inheritdoc/>
    public Tensor[] Forward(GraphTensors graph, Tensor[] h) => call(graph, h);

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph, Tensor[] h) =>
        layer.call(graph, h).Select(x => nn.functional.dropout(_activation(x), _dropout, training)).ToArray();
}
