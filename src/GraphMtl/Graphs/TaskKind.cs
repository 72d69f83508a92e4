namespace GraphMtl.Graphs;

/// <summary>What a task predicts, which fixes its loss, its output width and how its metrics are computed.</summary>
public enum TaskKind
{
    /// <summary>Exactly one of C classes per labelled node (softmax / cross-entropy, argmax).</summary>
    MultiClass,
    /// <summary>Any subset of C labels per labelled node (sigmoid / BCE, threshold 0.5).</summary>
    MultiLabel,
    /// <summary>One yes/no label per labelled node (one logit, sigmoid / BCE, threshold 0.5).</summary>
    Binary,
}
