using GraphMtl.Backbones;
using GraphMtl.Graphs;

namespace GraphMtl.MultiTask;

/// <summary>
/// Customized Gate Control (Tang et al., "Progressive Layered Extraction (PLE): A Novel Multi-Task Learning (MTL)
/// Model for Personalized Recommendations", RecSys 2020): <see cref="Mmoe"/> where each task's gate mixes only the
/// shared experts and the task's own experts (LibMTL's <c>CGC(MMoE)</c>); a shared gate over all experts feeds the
/// shared experts of the next level. One level by default; <see cref="Ple"/> stacks several.
/// </summary>
public class Cgc : Mmoe
{
    /// <summary>Creates the CGC levels.</summary>
    public Cgc(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks, MmoeOptions options)
        : base(name, metadata, backbone, tasks, options, taskGatesSeeAll: false) { }
}

/// <summary>Options of <see cref="Cgc"/> (<c>architecture: {name: cgc}</c>): one level, 3 shared + 3 per-task experts.</summary>
public record CgcOptions : MmoeOptions
{
    /// <summary>One level (CGC proper).</summary>
    public CgcOptions() => Levels = 1;

    /// <inheritdoc/>
    public override MultiTaskModel Create(string name, GraphMetadata metadata, BackboneOptions backbone, IReadOnlyList<TaskInfo> tasks) =>
        new Cgc(name, metadata, backbone, tasks, this);
}
