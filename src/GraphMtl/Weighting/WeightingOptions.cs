using GraphMtl.Configuration;

namespace GraphMtl.Weighting;

/// <summary>How per-task losses are combined (config section <c>weighting:</c>, chosen by <c>name</c>), orthogonal to the architecture.</summary>
[ComponentFamily(typeof(WeightingRegistry))]
public abstract record WeightingOptions : IValidatableOptions
{
    /// <summary>Creates the strategy for the given tasks.</summary>
    public abstract ILossWeighting Create(IReadOnlyList<string> tasks);

    /// <inheritdoc/>
    public virtual IEnumerable<(string Property, string Message)> Validate() => [];
}
