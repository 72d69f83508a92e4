using GraphMtl.Configuration;

namespace GraphMtl.Data.Hgb;

/// <summary>
/// How an HGB node-classification folder becomes a task (config section <c>dataset.hgb</c>). The split follows HGB's
/// protocol (hgb-format.md §5) with a seed: <c>label.dat</c> is shuffled and cut into validation (the first
/// ⌊<see cref="ValFraction"/>·n⌋ rows) and train (the rest); the test set is <see cref="TestFile"/>.
/// </summary>
public sealed record HgbOptions : IValidatableOptions
{
    /// <summary>Share of <c>label.dat</c> held out for validation (HGB: 0.2).</summary>
    public double ValFraction { get; init; } = 0.2;

    /// <summary>Seed of the train/validation shuffle (HGB's reference shuffles without one).</summary>
    public int SplitSeed { get; init; }

    /// <summary>
    /// Multi-label or not: omitted (null) detects it from the label files (any row with several ids makes the task
    /// multi-label, as in IMDB); <c>true</c> forces multi-label; <c>false</c> forbids rows with several ids.
    /// </summary>
    public bool? Multilabel { get; init; }

    /// <summary>
    /// The test label file inside the folder. HGB's <c>label.dat.test_full</c> is read only when named here; on
    /// DBLP it carries randomised labels (hgb-format.md §6), so report which file was used.
    /// </summary>
    public string TestFile { get; init; } = "label.dat.test";

    /// <summary>Name of the task; default: the target node type's name (e.g. <c>author</c>).</summary>
    public string? TaskName { get; init; }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (!(ValFraction >= 0 && ValFraction < 1))
            yield return (nameof(ValFraction), $"expected a fraction in [0, 1) (got {ValFraction})");
        if (string.IsNullOrWhiteSpace(TestFile))
            yield return (nameof(TestFile), "expected a file name (got an empty value)");
    }
}
