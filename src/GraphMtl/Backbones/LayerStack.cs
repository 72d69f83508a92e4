using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// The layer-stack logic written once (PyG's BasicGNN): input projection → dropout → [layer → activation → dropout]×L,
/// optionally followed by row-wise L2 normalisation of the output. Each backbone supplies only its layers; a
/// <see cref="LayerCarry"/> passes per-pass state (attention for edge residuals) from one layer to the next.
/// </summary>
public sealed class LayerStack : HeteroBackbone
{
    private readonly NodeInputEncoder input;
    private readonly ModuleList<HeteroConv> layers;
    private readonly double _dropout;
    private readonly Func<Tensor, Tensor> _activation;
    private readonly bool _l2Normalize;

    /// <summary>
    /// Creates the stack from an input width, layers and an activation (the backbone's <see cref="BackboneOptions.Activation"/> by default). With
    /// <paramref name="l2NormalizeOutput"/> every output row is divided by max(‖row‖₂, 1e-12) as the last step.
    /// </summary>
    public LayerStack(string name, GraphMetadata metadata, BackboneOptions options, IReadOnlyList<HeteroConv> layers,
        Func<Tensor, Tensor>? activation = null, bool l2NormalizeOutput = false)
        : base(name, layers.Count > 0 ? layers[^1].OutDim : options.Hidden)
    {
        input = new NodeInputEncoder($"{name}.input", metadata, options.Hidden, options.Featureless);
        this.layers = nn.ModuleList(layers.ToArray());
        _dropout = options.Dropout;
        _activation = activation ?? options.Activation;
        _l2Normalize = l2NormalizeOutput;
        RegisterComponents();
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<HeteroConv> Layers => layers.ToList();

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph)
    {
        var h = input.call(graph).Select(x => nn.functional.dropout(x, _dropout, training)).ToArray();
        var carry = new LayerCarry();
        foreach (var layer in layers)
        {
            h = layer.StackForward(graph, h, carry);
            h = h.Select(x => nn.functional.dropout(_activation(x), _dropout, training)).ToArray();
        }
        return _l2Normalize ? h.Select(x => nn.functional.normalize(x, p: 2, dim: 1, eps: 1e-12)).ToArray() : h;
    }
}
