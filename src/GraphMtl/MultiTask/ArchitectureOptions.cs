using GraphMtl.Backbones;
using GraphMtl.Configuration;
using GraphMtl.Graphs;

namespace GraphMtl.MultiTask;

/// <summary>
/// How tasks share a model (config section <c>architecture:</c>, chosen by <c>name</c>). Independent of the
/// backbone (<c>model:</c>) and of the loss weighting (<c>weighting:</c>).
/// </summary>
[ComponentFamily(typeof(ArchitectureRegistry))]
public abstract record ArchitectureOptions : IValidatableOptions
{
    /// <summary>
    /// True when every task gets its own model, trained and selected on its own (single-task learning): the runner
    /// then trains one model per task and merges the results.
    /// </summary>
    public virtual bool IndependentPerTask => false;

    /// <summary>The task heads, the same kind for every architecture (InLINE's head: <c>{kind: layer, l2_normalize: true}</c>).</summary>
    public HeadOptions Head { get; init; } = new();

    /// <summary>Builds the model for the given tasks.</summary>
    public abstract MultiTaskModel Create(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks);

    /// <inheritdoc/>
    public virtual IEnumerable<(string Property, string Message)> Validate() => [];
}

/// <summary>Shared-bottom: one backbone shared by all tasks plus a head per task (<see cref="SharedBottom"/>).</summary>
public sealed record SharedBottomOptions : ArchitectureOptions
{
    /// <inheritdoc/>
    public override MultiTaskModel Create(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks) =>
        new SharedBottom(name, metadata, backbone, tasks, Head);
}

/// <summary>Single-task learning: one independent backbone and head per task, each selected on its own validation score.</summary>
public sealed record SingleTaskOptions : ArchitectureOptions
{
    /// <inheritdoc/>
    public override bool IndependentPerTask => true;

    /// <inheritdoc/>
    public override MultiTaskModel Create(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks) =>
        new SharedBottom(name, metadata, backbone, tasks, Head);
}
