using GraphMtl.Graphs;

namespace GraphMtl.Data;

/// <summary>
/// A relation: its schema, edge count, kind, mean out-degree over source nodes, and the relation it is the exact
/// reverse of (for relations read from data that already hold both directions, e.g. HGB's link types).
/// </summary>
public sealed record RelationSummary(EdgeType Type, int Edges, RelationKind Kind, double MeanOutDegree, EdgeType? ReverseOf)
{
    /// <summary>Summarises one relation of <paramref name="graph"/>.</summary>
    public static RelationSummary Of(Relation relation, HeteroGraph graph)
    {
        EdgeType? reverseOf = null;
        foreach (var other in graph.Relations)
        {
            if (ReferenceEquals(other, relation)) break; // only earlier relations: the first of a pair is the original
            if (other.Type.Src == relation.Type.Dst && other.Type.Dst == relation.Type.Src && other.Kind != RelationKind.SelfLoop
                && relation.Kind != RelationKind.SelfLoop && GraphTransforms.IsReverseOf(relation, other))
            {
                reverseOf = other.Type;
                break;
            }
        }
        int sources = graph.NodeType(relation.Type.Src).Count;
        return new RelationSummary(relation.Type, relation.EdgeCount, relation.Kind,
            sources == 0 ? 0 : (double)relation.EdgeCount / sources, reverseOf);
    }
}
