using GraphMtl.Configuration;

namespace GraphMtl.Data.Manifest;

/// <summary>
/// A task's split. Either <see cref="Fraction"/> (a seeded random permutation of the labelled nodes) or parts given
/// one by one: each of <see cref="Train"/>, <see cref="Val"/>, <see cref="Test"/> is a split file (node ids, one per
/// line; any TAB-separated file whose first column is the node id also works, such as HGB label files) or the word
/// <c>rest</c> (every labelled node not in another part; at most one part). <see cref="ValFraction"/> divides the
/// train part into train and validation.
/// </summary>
public sealed record ManifestSplit : IValidatableOptions
{
    /// <summary>Train part: a split file or <c>rest</c>.</summary>
    public string? Train { get; init; }

    /// <summary>Validation part: a split file or <c>rest</c>; omitted: empty, or taken from train by <see cref="ValFraction"/>.</summary>
    public string? Val { get; init; }

    /// <summary>Test part: a split file or <c>rest</c>; omitted: empty.</summary>
    public string? Test { get; init; }

    /// <summary>How split files number nodes: <c>local</c> (default) or <c>global</c>.</summary>
    public IdSpace Ids { get; init; }

    /// <summary>
    /// Moves ⌊f·n⌋ nodes of the train part (n nodes), chosen by a <see cref="Seed"/>ed shuffle, to validation
    /// (HGB's protocol: 1,217 × 0.2 → 243 validation, 974 train).
    /// </summary>
    public double? ValFraction { get; init; }

    /// <summary>
    /// [train, val, test] shares of a random permutation of the labelled nodes, cut at ⌊f₁N⌋, ⌊(f₁+f₂)N⌋ and
    /// ⌊(f₁+f₂+f₃)N⌋ (so 0.6/0.2/0.2 of 14,328 gives 8,596 / 2,866 / 2,866).
    /// </summary>
    public IReadOnlyList<double>? Fraction { get; init; }

    /// <summary>Seed of <see cref="Fraction"/> and <see cref="ValFraction"/>.</summary>
    public int Seed { get; init; }

    /// <summary>The keyword for "every other labelled node".</summary>
    public const string Rest = "rest";

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Fraction is not null)
        {
            if (Train is not null || Val is not null || Test is not null || ValFraction is not null)
                yield return (nameof(Fraction), "expected either fraction or train/val/test parts (got both)");
            if (Fraction.Count != 3)
                yield return (nameof(Fraction), $"expected three shares [train, val, test] (got {Fraction.Count})");
            else if (Fraction.Any(f => !(f >= 0)) || Fraction.Sum() > 1 + 1e-9)
                yield return (nameof(Fraction), $"expected non-negative shares summing to at most 1 (got [{string.Join(", ", Fraction)}])");
            yield break;
        }
        if (Train is null) yield return (nameof(Train), "expected a train split file, 'rest', or a fraction (got none)");
        int rest = new[] { Train, Val, Test }.Count(p => p == Rest);
        if (rest > 1) yield return (nameof(Train), $"expected at most one part to be '{Rest}' (got {rest})");
        if (ValFraction is not null)
        {
            if (!(ValFraction >= 0 && ValFraction < 1)) yield return (nameof(ValFraction), $"expected a fraction in [0, 1) (got {ValFraction})");
            if (Val is not null) yield return (nameof(ValFraction), "expected either val or val_fraction (got both)");
        }
    }
}
