namespace GraphMtl.Nn;

/// <summary>
/// How per-relation outputs reaching one node type (<c>[R_t, N_t, D]</c>, see <see cref="FlatEdges.RelationsOf"/>)
/// are combined: PyG's <c>HeteroConv.group</c>. Backbones sum; InLINE-style gates keep the stack and weight it.
/// </summary>
public enum RelationGroup
{
    /// <summary>Σ over relations (zeros for a type no relation reaches).</summary>
    Sum,

    /// <summary>Mean over relations (zeros for a type no relation reaches).</summary>
    Mean,

    /// <summary>No combination: the stack <c>[R_t, N_t, D]</c> is returned as is.</summary>
    Stack,
}

/// <summary>Applies a <see cref="RelationGroup"/>.</summary>
public static class RelationGroups
{
    /// <summary>Combines <paramref name="stacked"/> <c>[R, N, …]</c> over its first dimension (or returns it for <see cref="RelationGroup.Stack"/>).</summary>
    public static Tensor Combine(Tensor stacked, RelationGroup group) => group switch
    {
        RelationGroup.Sum => stacked.sum(dim: 0),
        RelationGroup.Mean => stacked.shape[0] == 0 ? stacked.sum(dim: 0) : stacked.mean([0]),
        _ => stacked.alias(),
    };
}
