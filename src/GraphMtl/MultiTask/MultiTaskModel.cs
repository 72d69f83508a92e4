using GraphMtl.Graphs;

namespace GraphMtl.MultiTask;

/// <summary>
/// The architecture contract (LibMTL's AbsArchitecture): one forward pass returns each task's logits over all nodes
/// of the task's node type (<c>[N_τ, C]</c>, or <c>[N_τ, 1]</c> for binary tasks), and the model says which
/// parameters the tasks share, so a loss weighting can act on them.
/// </summary>
public abstract class MultiTaskModel : nn.Module<GraphTensors, Dictionary<string, Tensor>>
{
    /// <summary>The tasks the model predicts, in order.</summary>
    public IReadOnlyList<TaskInfo> Tasks { get; }

    /// <summary>Stores the task list.</summary>
    protected MultiTaskModel(string name, IReadOnlyList<TaskInfo> tasks) : base(name) => Tasks = tasks;

    /// <summary>Parameters used by more than one task (empty for independent models).</summary>
    public abstract IEnumerable<Parameter> SharedParameters();
}
