using GraphMtl.Configuration;

namespace GraphMtl.Weighting;

/// <summary>Loss weightings by configuration name (<c>weighting.name</c>). One line per strategy.</summary>
public static class WeightingRegistry
{
    /// <summary>The registry.</summary>
    public static readonly Registry<WeightingOptions> Instance = new Registry<WeightingOptions>("weighting")
        .Add<EqualWeightingOptions>("equal", "sum of task losses, each with weight 1", "ew", "sum")
        .Add<FixedWeightingOptions>("fixed", "constant per-task weights from the config", "static", "constant")
        .Add<UncertaintyWeightingOptions>("uncertainty", "learned log-variances s_k: Σ exp(−s_k) L_k / 2 + s_k / 2 (Kendall et al. 2018)", "uw")
        .Add<GradNormOptions>("grad-norm", "learned weights balancing shared-gradient norms by training rate (Chen et al. 2018)", "gradnorm")
        .Add<DwaOptions>("dwa", "dynamic weight average: softmax of last epoch's loss ratios (Liu et al. 2019)")
        .Add<PcGradOptions>("pcgrad", "projects away conflicting shared-gradient components (Yu et al. 2020)", "pc-grad");
}
