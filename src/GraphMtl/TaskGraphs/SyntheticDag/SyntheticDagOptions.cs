using GraphMtl.Configuration;

namespace GraphMtl.TaskGraphs.SyntheticDag;

/// <summary>
/// Options of <see cref="SyntheticDagGenerator"/> (config section <c>dataset.synthetic_dag</c> with
/// <c>dataset.spec: synthetic-dag</c>): examples with Gaussian features whose binary task labels follow a structural
/// causal model over a random task DAG, and a heuristic task graph with deleted true edges and spurious correlated
/// ones (gcnet.md §6.1). Equal options give identical data.
/// </summary>
public sealed record SyntheticDagOptions : IValidatableOptions
{
    /// <summary>Seed of everything generated (the DAG, features, labels, hidden cells and the heuristic graph).</summary>
    public int Seed { get; init; }

    /// <summary>Number of tasks T.</summary>
    public int Tasks { get; init; } = 20;

    /// <summary>Feature dimension d (x ~ N(0, I_d)).</summary>
    public int Features { get; init; } = 32;

    /// <summary>Number of examples n.</summary>
    public int Examples { get; init; } = 3000;

    /// <summary>Expected number of parents per task (each forward pair of a random order is an edge with probability 2·this/(T − 1)).</summary>
    public double ExpectedParents { get; init; } = 1.5;

    /// <summary>Largest in-degree; extra parents are dropped at random (0: no cap).</summary>
    public int MaxParents { get; init; } = 3;

    /// <summary>Smallest |β| of a parent's effect on a child's logit.</summary>
    public double EffectMin { get; init; } = 1.5;

    /// <summary>Largest |β| (|β| ~ U(min, max), random sign).</summary>
    public double EffectMax { get; init; } = 3.0;

    /// <summary>Standard deviation of each task's feature term w_t·x (w_t ~ N(0, s²/d)).</summary>
    public double FeatureScale { get; init; } = 1.5;

    /// <summary>Smallest target prevalence (each task's b_t is solved so that the mean P(y_t = 1) is U(min, max)).</summary>
    public double PrevalenceMin { get; init; } = 0.1;

    /// <summary>Largest target prevalence.</summary>
    public double PrevalenceMax { get; init; } = 0.4;

    /// <summary>Share ρ of label cells hidden completely at random (each task keeps ≥ 2 observed positives and negatives).</summary>
    public double MissingRate { get; init; } = 0.5;

    /// <summary>
    /// Share of label cells set by a do-intervention (0, the default: observational data): the cell's label is drawn
    /// from Bernoulli(π_t) instead of its mechanism, and the task's descendants in that row read the set value. Which
    /// cells were intervened is part of the data (<see cref="Data.MultiLabel.MultiLabelDataset.Interventions"/>), as an
    /// experiment records what it set. Such rows make the direction of an edge identifiable: a child set from outside no
    /// longer predicts its parent.
    /// </summary>
    public double Interventions { get; init; }

    /// <summary>Share δ of true (undirected) edges deleted from the heuristic graph.</summary>
    public double Deleted { get; init; } = 0.25;

    /// <summary>Spurious edges added to the heuristic graph, as a multiple γ of the number of true edges.</summary>
    public double Spurious { get; init; } = 0.5;

    /// <summary>Share of the spurious edges drawn uniformly from non-adjacent pairs; the rest are the non-adjacent pairs of highest |phi| on the observed labels.</summary>
    public double SpuriousRandom { get; init; }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Tasks < 2) yield return (nameof(Tasks), $"expected at least 2 tasks (got {Tasks})");
        if (Features < 1) yield return (nameof(Features), $"expected at least one feature (got {Features})");
        if (Examples < 20) yield return (nameof(Examples), $"expected at least 20 examples (got {Examples})");
        if (!(ExpectedParents >= 0) || (Tasks >= 2 && 2 * ExpectedParents / (Tasks - 1) > 1))
            yield return (nameof(ExpectedParents), $"expected 0 to (T − 1)/2 expected parents (got {ExpectedParents} for T = {Tasks})");
        if (MaxParents < 0) yield return (nameof(MaxParents), $"expected 0 (no cap) or a positive in-degree (got {MaxParents})");
        if (!(EffectMin >= 0) || !(EffectMax >= EffectMin)) yield return (nameof(EffectMax), $"expected 0 ≤ effect_min ≤ effect_max (got {EffectMin}, {EffectMax})");
        if (!(FeatureScale >= 0)) yield return (nameof(FeatureScale), $"expected a non-negative scale (got {FeatureScale})");
        if (!(PrevalenceMin > 0) || !(PrevalenceMax >= PrevalenceMin) || !(PrevalenceMax < 1))
            yield return (nameof(PrevalenceMax), $"expected 0 < prevalence_min ≤ prevalence_max < 1 (got {PrevalenceMin}, {PrevalenceMax})");
        if (MissingRate is < 0 or >= 1) yield return (nameof(MissingRate), $"expected a share in [0, 1) (got {MissingRate})");
        if (Interventions is < 0 or >= 1) yield return (nameof(Interventions), $"expected a share in [0, 1) (got {Interventions})");
        if (Deleted is < 0 or > 1) yield return (nameof(Deleted), $"expected a share in [0, 1] (got {Deleted})");
        if (!(Spurious >= 0)) yield return (nameof(Spurious), $"expected a non-negative multiple (got {Spurious})");
        if (SpuriousRandom is < 0 or > 1) yield return (nameof(SpuriousRandom), $"expected a share in [0, 1] (got {SpuriousRandom})");
    }
}
