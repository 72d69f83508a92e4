using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.MultiTask.Gates;

namespace GraphMtl.MultiTask.Experts;

/// <summary>
/// One level of an outer-layer mixture of experts on a graph (MMoE, CGC, one level of PLE): shared experts read the
/// shared stream, each task's experts read that task's stream; per task and node type a gate mixes the whole output
/// embeddings of the experts it sees (one weight per expert per node); a shared gate over all experts makes the next
/// shared stream when another level follows.
/// </summary>
/// <remarks>
/// <code>
/// E_j  = expert_j(s)            (shared experts)       E_{k,j} = expert_{k,j}(x_k)   (task k's experts)
/// x'_k[t] = Σ_{e ∈ V_k} g_{k,t}(x_k[t])_e · E_e[t]      s'[t] = Σ_{e ∈ all} g_{s,t}(s[t])_e · E_e[t]
/// </code>
/// V_k is every expert for MMoE, and the shared experts plus task k's own for CGC/PLE. Gates are
/// <see cref="SoftmaxGate"/>s; mixing is <see cref="ExpertMixer.Mix(IReadOnlyList{Tensor}, Tensor)"/>.
/// </remarks>
internal sealed class ExpertLevel : nn.Module
{
    private readonly ModuleList<LayerExpert> experts;       // shared first, then task-major
    private readonly ModuleList<SoftmaxGate> taskGates;     // [task · T + type]
    private readonly ModuleList<SoftmaxGate> sharedGates;   // [type], empty when no shared stream follows
    private readonly int[][] _visible;
    private readonly string[] _expertNames;
    private readonly string[] _tasks;
    private readonly string[] _types;
    private readonly int _shared;
    private readonly int _perTask;
    private readonly int _level;

    public ExpertLevel(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks, int inDim, int level,
        int sharedExperts, int taskExperts, bool taskGatesSeeAll, bool sharedStreamNext, int gateHidden) : base(name)
    {
        _tasks = tasks.Select(t => t.Name).ToArray();
        _types = metadata.NodeTypes.Select(t => t.Name).ToArray();
        _shared = sharedExperts;
        _perTask = taskExperts;
        _level = level;
        var list = new List<LayerExpert>();
        var names = new List<string>();
        for (int j = 0; j < sharedExperts; j++)
        {
            list.Add(new LayerExpert($"{name}.shared{j}", metadata, backbone, inDim, level));
            names.Add($"shared{j + 1}");
        }
        foreach (var task in _tasks)
            for (int j = 0; j < taskExperts; j++)
            {
                list.Add(new LayerExpert($"{name}.{task}{j}", metadata, backbone, inDim, level));
                names.Add($"{task}{j + 1}");
            }
        experts = nn.ModuleList(list.ToArray());
        _expertNames = names.ToArray();
        int total = list.Count;
        _visible = _tasks.Select((_, k) => taskGatesSeeAll
            ? Enumerable.Range(0, total).ToArray()
            : Enumerable.Range(0, sharedExperts).Concat(Enumerable.Range(sharedExperts + k * taskExperts, taskExperts)).ToArray()).ToArray();
        taskGates = nn.ModuleList(_tasks.SelectMany((task, k) => _types.Select(type =>
            new SoftmaxGate($"{name}.gate.{task}.{type}", inDim, gateHidden, _visible[k].Length))).ToArray());
        sharedGates = sharedStreamNext && sharedExperts > 0
            ? nn.ModuleList(_types.Select(type => new SoftmaxGate($"{name}.gate.shared.{type}", inDim, gateHidden, total)).ToArray())
            : nn.ModuleList<SoftmaxGate>();
        OutDim = list[0].OutDim;
        RegisterComponents();
    }

    /// <summary>Width of the level's outputs.</summary>
    public int OutDim { get; }

    /// <summary>Whether the level produces a shared stream for the next one.</summary>
    public bool HasSharedStream => sharedGates.Count > 0;

    /// <summary>
    /// Module paths (relative to this level) of parameters that serve one task only when this level is the last: its
    /// task gates, and task experts that no other gate sees.
    /// </summary>
    public IEnumerable<string> ExclusivePaths()
    {
        for (int i = 0; i < taskGates.Count; i++) yield return $"taskGates.{i}";
        if (_visible.Any(v => v.Length < experts.Count) && !HasSharedStream)
            for (int e = _shared; e < experts.Count; e++) yield return $"experts.{e}";
    }

    /// <summary>Runs the experts and gates: task streams (task order) and the shared stream in, the next ones out.</summary>
    public (Tensor[][] Tasks, Tensor[]? Shared) Forward(GraphTensors graph, Tensor[][] taskStreams, Tensor[] shared, GateRecorder recorder)
    {
        var outputs = new Tensor[experts.Count][];
        for (int e = 0; e < experts.Count; e++)
            outputs[e] = experts[e].call(graph, e < _shared ? shared : taskStreams[(e - _shared) / _perTask]);

        var next = new Tensor[_tasks.Length][];
        for (int k = 0; k < _tasks.Length; k++)
        {
            next[k] = new Tensor[_types.Length];
            for (int t = 0; t < _types.Length; t++)
                next[k][t] = Mix(taskGates[k * _types.Length + t], taskStreams[k][t], _visible[k], outputs, t, $"task:{_tasks[k]}", recorder);
        }
        Tensor[]? nextShared = null;
        if (HasSharedStream)
        {
            var all = Enumerable.Range(0, experts.Count).ToArray();
            nextShared = Enumerable.Range(0, _types.Length)
                .Select(t => Mix(sharedGates[t], shared[t], all, outputs, t, "shared", recorder)).ToArray();
        }
        return (next, nextShared);
    }

    private Tensor Mix(SoftmaxGate gate, Tensor gateInput, int[] visible, Tensor[][] outputs, int type, string receiver, GateRecorder recorder)
    {
        if (visible.Length == 1) return outputs[visible[0]][type].alias();
        var weights = gate.call(gateInput); // [N_t, E]
        recorder.Record(_level + 1, _types[type], receiver, weights, visible.Select(e => _expertNames[e]).ToList());
        return ExpertMixer.Mix(visible.Select(e => outputs[e][type]).ToList(), weights); // [N_t, D]
    }
}
