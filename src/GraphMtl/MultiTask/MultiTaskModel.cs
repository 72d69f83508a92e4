using GraphMtl.Graphs;
using GraphMtl.MultiTask.Gates;

namespace GraphMtl.MultiTask;

/// <summary>
/// The architecture contract (LibMTL's AbsArchitecture): one forward pass returns each task's logits over all nodes
/// of the task's node type (<c>[N_τ, C]</c>, or <c>[N_τ, 1]</c> for binary tasks), and the model says which
/// parameters the tasks share, so a loss weighting can act on them. Gated architectures also expose their
/// <see cref="Gates"/> for the interpretability report.
/// </summary>
public abstract class MultiTaskModel : nn.Module<GraphTensors, Dictionary<string, Tensor>>
{
    /// <summary>The tasks the model predicts, in order.</summary>
    public IReadOnlyList<TaskInfo> Tasks { get; }

    /// <summary>Stores the task list.</summary>
    protected MultiTaskModel(string name, IReadOnlyList<TaskInfo> tasks) : base(name) => Tasks = tasks;

    /// <summary>Parameters used by more than one task (empty for independent models).</summary>
    public abstract IEnumerable<Parameter> SharedParameters();

    /// <summary>The gates' recorder, or null for architectures without gates.</summary>
    public virtual GateRecorder? Gates => null;

    /// <summary>
    /// Every parameter except those whose name starts with one of <paramref name="exclusivePrefixes"/> (module
    /// paths such as <c>heads</c>): the shared set of an architecture that knows which parts serve one task only.
    /// </summary>
    protected IEnumerable<Parameter> ParametersExcept(params string[] exclusivePrefixes) =>
        Tasks.Count < 2 ? [] : named_parameters()
            .Where(p => !exclusivePrefixes.Any(x => p.name == x || p.name.StartsWith(x + ".", StringComparison.Ordinal)))
            .Select(p => p.parameter);
}
