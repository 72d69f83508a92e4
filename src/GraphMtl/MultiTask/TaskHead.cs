using GraphMtl.Backbones;
using GraphMtl.Graphs;

namespace GraphMtl.MultiTask;

/// <summary>
/// One task's head: reads the representations of every node type (<c>h[t] : [N_t, D]</c>) and returns the logits of
/// the task's node type <c>[N_τ, C]</c> (1 column for binary tasks), per <see cref="HeadOptions"/>.
/// </summary>
public sealed class TaskHead : nn.Module<GraphTensors, Tensor[], Tensor>
{
    private readonly nn.Module<Tensor, Tensor>? linear;
    private readonly HeteroConv? layer;
    private readonly int _nodeType;
    private readonly bool _l2Normalize;

    /// <summary>Creates the head of <paramref name="task"/> reading width <paramref name="inDim"/>.</summary>
    public TaskHead(string name, GraphMetadata metadata, TaskInfo task, int inDim, BackboneOptions backbone, HeadOptions options) : base(name)
    {
        _nodeType = metadata.NodeTypeIndex(task.NodeType);
        if (_nodeType < 0) throw new ArgumentException($"Expected task '{task.Name}' on a node type of the graph (got '{task.NodeType}').", nameof(task));
        if (options.Kind == HeadKind.Layer) layer = backbone.CreateOutputLayer($"{name}.layer", metadata, inDim, task.OutputDim);
        else linear = nn.Linear(inDim, task.OutputDim);
        _l2Normalize = options.L2Normalize;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(GraphTensors graph, Tensor[] h)
    {
        var logits = layer is not null ? layer.call(graph, h)[_nodeType] : linear!.call(h[_nodeType]);
        return _l2Normalize ? nn.functional.normalize(logits, p: 2, dim: 1, eps: 1e-12) : logits;
    }
}
