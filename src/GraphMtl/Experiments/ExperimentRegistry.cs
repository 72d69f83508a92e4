using GraphMtl.Configuration;

namespace GraphMtl.Experiments;

/// <summary>Experiment kinds by the top-level <c>experiment</c> key. One line per kind.</summary>
public static class ExperimentRegistry
{
    /// <summary>The registry.</summary>
    public static readonly Registry<ExperimentOptions> Instance = new Registry<ExperimentOptions>("experiment")
        .Add<NodeExperimentOptions>("node", "node-level tasks on a heterogeneous graph (InLINE and outer-layer baselines)", "graph")
        .Add<MultiLabelExperimentOptions>("multilabel", "examples × binary tasks with missing labels: molecules or feature rows (direct, concat, MetaLink)", "multi-label");
}
