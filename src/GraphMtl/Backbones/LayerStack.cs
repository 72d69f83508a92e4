using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// The layer-stack logic written once (PyG's BasicGNN): input projection → dropout → [layer → activation → dropout]×L.
/// Each backbone supplies only its layers.
/// </summary>
public sealed class LayerStack : HeteroBackbone
{
    private readonly NodeInputEncoder input;
    private readonly ModuleList<HeteroConv> layers;
    private readonly double _dropout;
    private readonly Func<Tensor, Tensor> _activation;

    /// <summary>Creates the stack from an input width, layers and an activation (ReLU by default).</summary>
    public LayerStack(string name, GraphMetadata metadata, BackboneOptions options, IReadOnlyList<HeteroConv> layers, Func<Tensor, Tensor>? activation = null)
        : base(name, layers.Count > 0 ? layers[^1].OutDim : options.Hidden)
    {
        input = new NodeInputEncoder($"{name}.input", metadata, options.Hidden, options.Featureless);
        this.layers = nn.ModuleList(layers.ToArray());
        _dropout = options.Dropout;
        _activation = activation ?? (t => nn.functional.relu(t));
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph)
    {
        var h = input.call(graph).Select(x => nn.functional.dropout(x, _dropout, training)).ToArray();
        foreach (var layer in layers)
        {
            h = layer.call(graph, h);
            h = h.Select(x => nn.functional.dropout(_activation(x), _dropout, training)).ToArray();
        }
        return h;
    }
}
