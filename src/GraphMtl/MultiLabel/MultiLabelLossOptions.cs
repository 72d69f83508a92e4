using GraphMtl.Configuration;

namespace GraphMtl.MultiLabel;

/// <summary>How the BCE over a step's target pairs is split into per-task losses.</summary>
public enum LossReduction
{
    /// <summary>
    /// L_k = Σ_{targets of task k} BCE / (number of targets of all tasks): Σ_k L_k is the mean BCE over all hidden pairs,
    /// MetaLink's objective (and the masked BCE of the reference's other heads).
    /// </summary>
    Pooled,
    /// <summary>L_k = mean BCE over task k's targets (0 when it has none): classic per-task multi-task losses.</summary>
    TaskMean,
}

/// <summary>Loss settings of the <c>multilabel</c> experiment (config section <c>loss:</c>).</summary>
public sealed record MultiLabelLossOptions : IValidatableOptions
{
    /// <summary>Per-task split of the BCE; the weighting then combines the per-task losses (equal weighting = their sum).</summary>
    public LossReduction Reduction { get; init; } = LossReduction.Pooled;

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate() => [];
}
