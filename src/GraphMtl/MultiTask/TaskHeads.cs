using GraphMtl.Graphs;

namespace GraphMtl.MultiTask;

/// <summary>One linear head per task on the task's node type: <c>[N_τ, D] → [N_τ, C]</c> (or 1 column for binary tasks).</summary>
public sealed class TaskHeads : nn.Module<Tensor[], Dictionary<string, Tensor>>
{
    private readonly ModuleDict<nn.Module<Tensor, Tensor>> heads;
    private readonly (string Name, int NodeType)[] _tasks;

    /// <summary>Creates heads for <paramref name="tasks"/> reading representations of width <paramref name="inDim"/>.</summary>
    public TaskHeads(string name, GraphMetadata metadata, IReadOnlyList<TaskInfo> tasks, int inDim) : base(name)
    {
        heads = nn.ModuleDict<nn.Module<Tensor, Tensor>>();
        foreach (var t in tasks) heads.Add(t.Name, nn.Linear(inDim, t.OutputDim));
        _tasks = tasks.Select(t => (t.Name, metadata.NodeTypeIndex(t.NodeType))).ToArray();
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Dictionary<string, Tensor> forward(Tensor[] h) =>
        _tasks.ToDictionary(t => t.Name, t => heads[t.Name].call(h[t.NodeType]));
}
