namespace GraphMtl.Graphs;

/// <summary>Where a relation came from: the data, an added reverse of a data relation, or an added self-loop.</summary>
public enum RelationKind
{
    /// <summary>Read from the dataset.</summary>
    Original,
    /// <summary>Added as the reverse of a relation that had no reverse in the data.</summary>
    Reverse,
    /// <summary>Added: one identity edge per node of a type, as its own relation type.</summary>
    SelfLoop,
}
