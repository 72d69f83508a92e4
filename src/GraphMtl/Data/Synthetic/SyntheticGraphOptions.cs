using GraphMtl.Configuration;

namespace GraphMtl.Data.Synthetic;

/// <summary>
/// Options of <see cref="SyntheticAcademicGraph"/> (config section <c>dataset.synthetic</c>, or
/// <c>synthetic:key=value,…</c> in a spec). The defaults give a graph of about 7,500 nodes and 56,000 edges that
/// a 2-layer GNN trains on in seconds, with a data-poor author task (5% training labels) and a data-rich paper task (20%).
/// </summary>
public sealed record SyntheticGraphOptions : IValidatableOptions
{
    /// <summary>Seed of everything generated; equal options give identical graphs.</summary>
    public int Seed { get; init; }

    /// <summary>Number of authors.</summary>
    public int Authors { get; init; } = 2000;

    /// <summary>Number of papers.</summary>
    public int Papers { get; init; } = 4000;

    /// <summary>Number of terms.</summary>
    public int Terms { get; init; } = 1500;

    /// <summary>Number of venues (at least <see cref="Classes"/>: each venue belongs to one field).</summary>
    public int Venues { get; init; } = 20;

    /// <summary>Number of research fields (author task classes) and of paper topics (paper task classes).</summary>
    public int Classes { get; init; } = 8;

    /// <summary>Mean number of authors per paper (at least 1).</summary>
    public double AuthorsPerPaper { get; init; } = 3;

    /// <summary>Mean number of papers each paper cites.</summary>
    public double CitationsPerPaper { get; init; } = 5;

    /// <summary>Mean number of terms per paper (at least 1 each).</summary>
    public double TermsPerPaper { get; init; } = 5;

    /// <summary>Feature dimension of authors, papers and terms (venues have no features).</summary>
    public int FeatureDim { get; init; } = 32;

    /// <summary>
    /// How much the two tasks conflict, in [0, 1]: the probability that a paper's topic is drawn at random instead
    /// of being its authors' field. 0: topics equal fields, every relation and feature direction helps both tasks.
    /// 1: topics are independent of fields, so the relations that carry one task's signal are noise for the other
    /// and each task's feature component is a decoy for the other (see <see cref="SyntheticAcademicGraph"/>).
    /// </summary>
    public double Conflict { get; init; } = 0.5;

    /// <summary>Probability that an edge follows its label rule rather than going to a random endpoint.</summary>
    public double Homophily { get; init; } = 0.5;

    /// <summary>
    /// Scale of each class prototype added to the features, relative to the unit Gaussian noise per entry (prototype
    /// entries are N(0, 1) too), i.e. the per-entry signal-to-noise ratio of one component.
    /// </summary>
    public double FeatureSignal { get; init; } = 0.15;

    /// <summary>Share of authors used for training (few labels make sharing matter).</summary>
    public double AuthorTrainFraction { get; init; } = 0.05;

    /// <summary>Share of papers used for training.</summary>
    public double PaperTrainFraction { get; init; } = 0.2;

    /// <summary>Share of each task's nodes used for validation; the rest is the test set.</summary>
    public double ValFraction { get; init; } = 0.1;

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var (name, value) in new[] { (nameof(Authors), Authors), (nameof(Papers), Papers), (nameof(Terms), Terms), (nameof(FeatureDim), FeatureDim) })
            if (value < 1) yield return (name, $"expected at least 1 (got {value})");
        if (Classes < 2) yield return (nameof(Classes), $"expected at least 2 classes (got {Classes})");
        if (Venues < Classes) yield return (nameof(Venues), $"expected at least as many venues as classes ({Classes}) (got {Venues})");
        if (Authors < Classes) yield return (nameof(Authors), $"expected at least as many authors as classes ({Classes}) (got {Authors})");
        if (!(AuthorsPerPaper >= 1)) yield return (nameof(AuthorsPerPaper), $"expected at least 1 (got {AuthorsPerPaper})");
        if (!(CitationsPerPaper >= 0)) yield return (nameof(CitationsPerPaper), $"expected a non-negative mean (got {CitationsPerPaper})");
        if (!(TermsPerPaper >= 1)) yield return (nameof(TermsPerPaper), $"expected at least 1 (got {TermsPerPaper})");
        foreach (var (name, value) in new[] { (nameof(Conflict), Conflict), (nameof(Homophily), Homophily), (nameof(AuthorTrainFraction), AuthorTrainFraction), (nameof(PaperTrainFraction), PaperTrainFraction), (nameof(ValFraction), ValFraction) })
            if (!(value >= 0 && value <= 1)) yield return (name, $"expected a value in [0, 1] (got {value})");
        if (!(FeatureSignal >= 0)) yield return (nameof(FeatureSignal), $"expected a non-negative signal (got {FeatureSignal})");
        foreach (var (name, train, count) in new[] { (nameof(AuthorTrainFraction), AuthorTrainFraction, Authors), (nameof(PaperTrainFraction), PaperTrainFraction, Papers) })
        {
            if (train + ValFraction > 1 + 1e-9) yield return (name, $"expected {ConfigBinder.SnakeCase(name)} + val_fraction ≤ 1 (got {train + ValFraction})");
            if (Math.Floor(train * count + 1e-9) < 1) yield return (name, $"expected at least one training node (got {train} of {count})");
        }
    }
}
