using GraphMtl.Backbones;
using GraphMtl.Graphs;

namespace GraphMtl.MultiTask;

/// <summary>
/// Shared-bottom multi-task learning (Caruana, "Multitask Learning", Machine Learning 1997): one backbone (input
/// projection and layer stack) shared by all tasks, one head per task. With a single task this is plain single-task
/// training.
/// </summary>
public sealed class SharedBottom : MultiTaskModel
{
    private readonly HeteroBackbone trunk;
    private readonly TaskHeads heads;

    /// <summary>Creates the trunk from <paramref name="backbone"/> and a head per task.</summary>
    public SharedBottom(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks, HeadOptions? head = null) : base(name, tasks)
    {
        trunk = backbone.Create($"{name}.trunk", metadata);
        heads = new TaskHeads($"{name}.heads", metadata, tasks, trunk.OutDim, backbone, head ?? new HeadOptions());
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Dictionary<string, Tensor> forward(GraphTensors graph) => heads.Shared(graph, trunk.call(graph));

    /// <inheritdoc/>
    public override IEnumerable<Parameter> SharedParameters() => Tasks.Count > 1 ? trunk.parameters() : [];
}
