using GraphMtl.Graphs;

namespace GraphMtl.Backbones;

/// <summary>
/// One heterogeneous graph layer: maps every node type's representation <c>h[t] : [N_t, in]</c> to
/// <c>[N_t, out]</c>, using the graph's relations. Activation and dropout between layers belong to the stack.
/// </summary>
public abstract class HeteroConv : nn.Module<GraphTensors, Tensor[], Tensor[]>
{
    /// <summary>Input width.</summary>
    public int InDim { get; }

    /// <summary>Output width.</summary>
    public int OutDim { get; }

    /// <summary>Stores the widths; subclasses register their parameters.</summary>
    protected HeteroConv(string name, int inDim, int outDim) : base(name)
    {
        InDim = inDim;
        OutDim = outDim;
    }

    /// <summary>
    /// Runs the layer as one step of a <see cref="LayerStack"/>. <paramref name="carry"/> holds what a layer hands to
    /// the next within one forward pass (Simple-HGN's attention for its edge residual); the default ignores it.
    /// </summary>
    public virtual Tensor[] StackForward(GraphTensors graph, Tensor[] h, LayerCarry carry) => call(graph, h);

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name}({InDim} → {OutDim})";
}
