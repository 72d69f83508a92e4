using GraphMtl.Graphs;

namespace GraphMtl.Backbones;

/// <summary>
/// A full backbone: input encoding plus a stack of layers, returning every node type's final representation
/// <c>[N_t, OutDim]</c> (metadata order). Multi-task architectures put heads (or gates) on top.
/// </summary>
public abstract class HeteroBackbone : nn.Module<GraphTensors, Tensor[]>
{
    /// <summary>Width of the returned representations.</summary>
    public int OutDim { get; }

    /// <summary>Stores the output width.</summary>
    protected HeteroBackbone(string name, int outDim) : base(name) => OutDim = outDim;
}
