using GraphMtl.Graphs;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>Projects every node type's input to a common hidden size (one <see cref="TypeInputProjection"/> per type).</summary>
public sealed class NodeInputEncoder : nn.Module<GraphTensors, Tensor[]>
{
    private readonly ModuleList<TypeInputProjection> projections;

    /// <summary>Creates projections for the node types of <paramref name="metadata"/>.</summary>
    public NodeInputEncoder(string name, GraphMetadata metadata, int hidden, FeaturelessInput featureless) : base(name)
    {
        projections = nn.ModuleList(metadata.NodeTypes
            .Select(t => new TypeInputProjection($"{name}.{t.Name}", t.Count, t.FeatureDim, hidden, featureless)).ToArray());
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor[] forward(GraphTensors graph) =>
        graph.Nodes.Select((n, i) => projections[i].call(n)).ToArray();
}
