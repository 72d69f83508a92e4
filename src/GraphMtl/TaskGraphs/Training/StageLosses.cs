namespace GraphMtl.TaskGraphs.Training;

/// <summary>Per-task loss vectors of the task-graph stages.</summary>
internal static class StageLosses
{
    /// <summary>
    /// Masked BCE-with-logits as per-task losses L_k = (mean BCE over task k's valid entries) / (number of tasks with a
    /// valid entry), so Σ_k L_k is the reference's masked BCE "averaged per task, then over tasks that have labels".
    /// <paramref name="targets"/> defaults to the labels (a constant such as 0.5 for GCNet's trivial branch).
    /// </summary>
    public static Tensor PerTask(Tensor logits, Tensor labels, Tensor valid, Tensor? targets = null)
    {
        var y = targets ?? labels.to(float32);
        var bce = nn.functional.binary_cross_entropy_with_logits(logits, y.expand_as(logits), reduction: nn.Reduction.None) * valid; // [B, T]
        var count = valid.sum(dim: 0);                                // [T]
        var tasks = count.gt(0).to(float32).sum().clamp_min(1);
        return bce.sum(dim: 0) / count.clamp_min(1) / tasks;              // [T]
    }

    /// <summary>A loss vector <c>[T]</c> as the trainer's per-task scalars.</summary>
    public static Tensor[] Split(Tensor perTask) => Enumerable.Range(0, (int)perTask.shape[0]).Select(k => perTask[k]).ToArray();

    /// <summary>A scalar objective shared evenly over <paramref name="taskCount"/> tasks (Σ_k L_k = the objective).</summary>
    public static Tensor[] Spread(Tensor total, int taskCount) => Enumerable.Range(0, taskCount).Select(_ => total / taskCount).ToArray();
}
