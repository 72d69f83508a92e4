using GraphMtl.Backbones;
using GraphMtl.Graphs;

namespace GraphMtl.MultiTask;

/// <summary>
/// Progressive Layered Extraction (Tang et al., RecSys 2020): stacked <see cref="Cgc"/> levels, each level's shared
/// gate feeding the next level's shared experts. On a graph every expert is one backbone layer, so a level is also one
/// message-passing hop (InLINE's CGC/PLE baseline, inline.md §7: 3 shared + 3 per-task experts, 3 levels).
/// </summary>
public sealed class Ple : Cgc
{
    /// <summary>Creates the levels.</summary>
    public Ple(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks, MmoeOptions options)
        : base(name, metadata, backbone, tasks, options) { }
}

/// <summary>Options of <see cref="Ple"/> (<c>architecture: {name: ple, levels: 3}</c>).</summary>
public sealed record PleOptions : CgcOptions
{
    /// <summary>Three levels (InLINE's DBLP baseline).</summary>
    public PleOptions() => Levels = 3;

    /// <inheritdoc/>
    public override MultiTaskModel Create(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks) =>
        new Ple(name, metadata, backbone, tasks, this);
}
