using GraphMtl.Configuration;

namespace GraphMtl.Weighting;

/// <summary>Loss weightings by configuration name (<c>weighting.name</c>). One line per strategy.</summary>
public static class WeightingRegistry
{
    /// <summary>The registry.</summary>
    public static readonly Registry<WeightingOptions> Instance = new Registry<WeightingOptions>("weighting")
        .Add<EqualWeightingOptions>("equal", "sum of task losses, each with weight 1", "ew", "sum")
        .Add<FixedWeightingOptions>("fixed", "constant per-task weights from the config", "static", "constant");
}
