using GraphMtl.Configuration;
using GraphMtl.Data.Hgb;
using GraphMtl.Data.Synthetic;

namespace GraphMtl.Data;

/// <summary>
/// Which dataset to load and how to transform it (config section <c>dataset:</c>). After loading, the transforms
/// run in this order: <see cref="DropNodeTypes"/>, <see cref="DropFeatures"/>, <see cref="AddReverse"/>,
/// <see cref="SelfLoops"/>, <see cref="DropRelations"/>, <see cref="Tasks"/>. A manifest applies its own transforms first.
/// </summary>
public sealed record DatasetOptions : IValidatableOptions
{
    /// <summary>
    /// What to load (see <see cref="DatasetLoader"/>): <c>synthetic</c> (optionally <c>synthetic:key=value,…</c>), a
    /// manifest YAML file, an HGB folder (it has a <c>link.dat</c>), a folder holding <c>dataset.yaml</c>, or the name
    /// of a built-in manifest such as <c>heco-dblp</c>.
    /// </summary>
    public string Spec { get; init; } = "synthetic";

    /// <summary>Options of the synthetic academic graph (used when <see cref="Spec"/> is <c>synthetic</c>).</summary>
    public SyntheticGraphOptions Synthetic { get; init; } = new();

    /// <summary>Options for HGB folders.</summary>
    public HgbOptions Hgb { get; init; } = new();

    /// <summary>Node types to remove, with every relation touching them.</summary>
    public IReadOnlyList<string> DropNodeTypes { get; init; } = [];

    /// <summary>Node types whose input features are removed: they become featureless (see <c>model.featureless</c>).</summary>
    public IReadOnlyList<string> DropFeatures { get; init; } = [];

    /// <summary>Add the reverse of every relation that has none (message passing in both directions).</summary>
    public bool AddReverse { get; init; } = true;

    /// <summary>Node types that get a self-loop relation <c>t__self__t</c>.</summary>
    public IReadOnlyList<string> SelfLoops { get; init; } = [];

    /// <summary>Relations to remove after the reverses and self-loops were added (<c>rel</c> or <c>src__rel__dst</c>), e.g. a manifest's self-loops.</summary>
    public IReadOnlyList<string> DropRelations { get; init; } = [];

    /// <summary>When given, keep only these tasks, in this order.</summary>
    public IReadOnlyList<string>? Tasks { get; init; }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Spec)) yield return (nameof(Spec), "expected a dataset (synthetic, a manifest, an HGB folder or a built-in name) (got an empty value)");
        if (Tasks is { Count: 0 }) yield return (nameof(Tasks), "expected at least one task name, or no tasks key to keep all tasks");
    }
}
