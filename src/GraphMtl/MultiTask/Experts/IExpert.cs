using GraphMtl.Graphs;

namespace GraphMtl.MultiTask.Experts;

/// <summary>
/// An expert of a mixture: maps every node type's representation <c>h[t] : [N_t, in]</c> to <c>[N_t, OutDim]</c>
/// (metadata order). Any backbone layer can be one (<see cref="LayerExpert"/>); InLINE's structure-disentangled expert
/// (<see cref="RelationExpert"/>) also hands out its per-relation parts before they are combined.
/// </summary>
public interface IExpert
{
    /// <summary>Output width.</summary>
    int OutDim { get; }

    /// <summary>The expert's output for every node type.</summary>
    Tensor[] Forward(GraphTensors graph, Tensor[] h);
}
