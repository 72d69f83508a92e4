namespace GraphMtl.Graphs;

/// <summary>Train / validation / test node ids (local ids of the task's node type), disjoint.</summary>
public sealed record NodeSplit(int[] Train, int[] Val, int[] Test)
{
    /// <summary>The ids of one part by name: <c>train</c>, <c>val</c> or <c>test</c>.</summary>
    public int[] Part(SplitPart part) => part switch
    {
        SplitPart.Train => Train,
        SplitPart.Val => Val,
        _ => Test,
    };
}

/// <summary>The three parts of a split.</summary>
public enum SplitPart
{
    /// <summary>Used for gradient steps.</summary>
    Train,
    /// <summary>Used for model selection and early stopping.</summary>
    Val,
    /// <summary>Reported only.</summary>
    Test,
}
