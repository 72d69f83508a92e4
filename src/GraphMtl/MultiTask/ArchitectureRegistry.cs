using GraphMtl.Configuration;

namespace GraphMtl.MultiTask;

/// <summary>Multi-task architectures by configuration name (<c>architecture.name</c>). One line per architecture.</summary>
public static class ArchitectureRegistry
{
    /// <summary>The registry.</summary>
    public static readonly Registry<ArchitectureOptions> Instance = new Registry<ArchitectureOptions>("architecture")
        .Add<SharedBottomOptions>("shared-bottom", "one shared backbone, one head per task", "hard-sharing", "sb")
        .Add<SingleTaskOptions>("single-task", "one independent model per task (the reference for transfer)", "stl", "single");
}
