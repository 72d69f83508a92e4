using GraphMtl.Backbones;
using GraphMtl.MultiTask;
using GraphMtl.Weighting;

namespace GraphMtl.Training;

/// <summary>Everything that defines a model and its objective: backbone, multi-task architecture, loss weighting and task losses.</summary>
public sealed record ModelSpec(BackboneOptions Backbone, ArchitectureOptions Architecture, WeightingOptions Weighting, LossOptions Loss)
{
    /// <summary>A short description for reports, e.g. <c>shared-bottom/rgcn</c>.</summary>
    public string Describe() =>
        $"{ArchitectureRegistry.Instance.NameOf(Architecture.GetType())}/{BackboneRegistry.Instance.NameOf(Backbone.GetType())}";
}
