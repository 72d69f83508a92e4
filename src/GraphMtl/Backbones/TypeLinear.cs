using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>A linear map per node type, ignoring edges: <c>h'[t] = h[t] W_t + b_t</c> (the MLP backbone's layer).</summary>
public sealed class TypeLinear : HeteroConv
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> linears;

    /// <summary>Creates one Linear per node type.</summary>
    public TypeLinear(string name, GraphMetadata metadata, int inDim, int outDim) : base(name, inDim, outDim)
    {
        linears = nn.ModuleList(metadata.NodeTypes.Select(_ => (nn.Module<Tensor, Tensor>)nn.Linear(inDim, outDim)).ToArray());
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph, Tensor[] h) => h.Select((x, t) => linears[t].call(x)).ToArray();
}
