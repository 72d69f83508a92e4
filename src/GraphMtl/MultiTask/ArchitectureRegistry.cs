using GraphMtl.Configuration;

namespace GraphMtl.MultiTask;

/// <summary>Multi-task architectures by configuration name (<c>architecture.name</c>). One line per architecture.</summary>
public static class ArchitectureRegistry
{
    /// <summary>The registry.</summary>
    public static readonly Registry<ArchitectureOptions> Instance = new Registry<ArchitectureOptions>("architecture")
        .Add<SharedBottomOptions>("shared-bottom", "one shared backbone, one head per task", "hard-sharing", "sb")
        .Add<SingleTaskOptions>("single-task", "one independent model per task (the reference for transfer)", "stl", "single")
        .Add<MmoeOptions>("mmoe", "multi-gate mixture of graph-layer experts; task gates mix all experts' outputs (Ma et al. 2018)", "moe")
        .Add<CgcOptions>("cgc", "customised gate control: task gates see shared + own experts (Tang et al. 2020)")
        .Add<PleOptions>("ple", "progressive layered extraction: stacked CGC levels (Tang et al. 2020)")
        .Add<InlineOptions>("inline", "inner-layer exchange: per-relation gates over all tasks' structure-disentangled experts (Feng et al. 2024)", "struchis");
}
