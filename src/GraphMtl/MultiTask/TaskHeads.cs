using GraphMtl.Backbones;
using GraphMtl.Graphs;

namespace GraphMtl.MultiTask;

/// <summary>
/// One <see cref="TaskHead"/> per task. Each head reads its own task's representations (all node types), so
/// architectures with a stream per task (MMoE, PLE, InLINE) and a shared trunk (shared-bottom) use the same heads.
/// </summary>
public sealed class TaskHeads : nn.Module<GraphTensors, IReadOnlyList<Tensor[]>, Dictionary<string, Tensor>>
{
    private readonly ModuleDict<TaskHead> heads;
    private readonly string[] _tasks;

    /// <summary>Creates heads for <paramref name="tasks"/> reading representations of width <paramref name="inDim"/>.</summary>
    public TaskHeads(string name, GraphMetadata metadata, IReadOnlyList<TaskInfo> tasks, int inDim, BackboneOptions backbone, HeadOptions options) : base(name)
    {
        heads = nn.ModuleDict<TaskHead>();
        foreach (var t in tasks) heads.Add(t.Name, new TaskHead($"{name}.{t.Name}", metadata, t, inDim, backbone, options));
        _tasks = tasks.Select(t => t.Name).ToArray();
        RegisterComponents();
    }

    /// <summary>The logits of every task from the representations of each task (task order).</summary>
    public override Dictionary<string, Tensor> forward(GraphTensors graph, IReadOnlyList<Tensor[]> perTask)
    {
        if (perTask.Count != _tasks.Length)
            throw new ArgumentException($"Expected one representation per task ({_tasks.Length}) (got {perTask.Count}).", nameof(perTask));
        return _tasks.Select((t, k) => (t, k)).ToDictionary(p => p.t, p => heads[p.t].call(graph, perTask[p.k]));
    }

    /// <summary>The logits of every task from one shared representation.</summary>
    public Dictionary<string, Tensor> Shared(GraphTensors graph, Tensor[] h) => call(graph, _tasks.Select(_ => h).ToList());
}
