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
                && relation.Kind != RelationKind.SelfLoop && IsReverse(other, relation))
            {
                reverseOf = other.Type;
                break;
            }
        }
        int sources = graph.NodeType(relation.Type.Src).Count;
        return new RelationSummary(relation.Type, relation.EdgeCount, relation.Kind,
            sources == 0 ? 0 : (double)relation.EdgeCount / sources, reverseOf);
    }

    private static bool IsReverse(Relation a, Relation b)
    {
        if (a.EdgeCount != b.EdgeCount) return false;
        var x = new long[a.EdgeCount];
        var y = new long[b.EdgeCount];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = ((long)a.Src[i] << 32) | (uint)a.Dst[i];
            y[i] = ((long)b.Dst[i] << 32) | (uint)b.Src[i];
        }
        Array.Sort(x);
        Array.Sort(y);
        return x.AsSpan().SequenceEqual(y);
    }
}
