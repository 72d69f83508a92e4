using GraphMtl.Configuration;

namespace GraphMtl.Relational;

/// <summary>How many tasks the meta setting holds out (the last m columns).</summary>
public enum MetaCountRule
{
    /// <summary>m = ⌊fraction · T⌋ (this port's default).</summary>
    Port,
    /// <summary>m = ⌊fraction · (T + 2)⌋, the reference's count including its two stripped logP/QED columns.</summary>
    Reference,
}

/// <summary>
/// The MetaLink settings (metalink.md §1; config section <c>setting:</c>): standard (p = 0, meta off), relational
/// (each observed auxiliary label of a query revealed with probability p, in training and at evaluation), meta
/// (held-out tasks predicted from a labelled support set) and relational + meta. They apply to every head, so the
/// baselines receive the same information as MetaLink.
/// </summary>
public sealed record RelationalSettingOptions : IValidatableOptions
{
    /// <summary>p: probability that an observed label of a query example is revealed (known) instead of being a target.</summary>
    public double Reveal { get; init; }

    /// <summary>Meta setting: the last tasks are held out of training and predicted at evaluation.</summary>
    public bool Meta { get; init; }

    /// <summary>Share of tasks held out in the meta setting.</summary>
    public double MetaFraction { get; init; } = 0.2;

    /// <summary>How the held-out count is computed from <see cref="MetaFraction"/>.</summary>
    public MetaCountRule MetaCount { get; init; } = MetaCountRule.Port;

    /// <summary>Explicit held-out task names (overrides the count rule); null uses the last columns.</summary>
    public IReadOnlyList<string>? MetaTasks { get; init; }

    /// <summary>Support set size (examples with all their labels); 0 = the batch size (the reference's one batch).</summary>
    public int SupportSize { get; init; }

    /// <summary>Support draws averaged at the logit level at evaluation (the reference's <c>kg.repeat</c>).</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>How training steps get their support set.</summary>
    public TrainingSupport TrainingSupport { get; init; } = TrainingSupport.Paired;

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Reveal is < 0 or >= 1) yield return (nameof(Reveal), $"expected a probability in [0, 1) (got {Reveal})");
        if (MetaFraction is <= 0 or >= 1) yield return (nameof(MetaFraction), $"expected a share in (0, 1) (got {MetaFraction})");
        if (SupportSize < 0) yield return (nameof(SupportSize), $"expected 0 (the batch size) or a positive size (got {SupportSize})");
        if (Repeat < 1) yield return (nameof(Repeat), $"expected at least 1 support draw (got {Repeat})");
        if (MetaTasks is { Count: 0 }) yield return (nameof(MetaTasks), "expected at least one held-out task, or no meta_tasks key");
    }

    /// <summary>Resolves the held-out tasks for <paramref name="tasks"/>; user errors name the key.</summary>
    public RelationalSetting Resolve(IReadOnlyList<string> tasks)
    {
        bool[]? held = null;
        if (Meta)
        {
            held = new bool[tasks.Count];
            if (MetaTasks is { } names)
            {
                foreach (var name in names)
                {
                    int k = tasks.ToList().IndexOf(name);
                    if (k < 0) throw new GraphMtlException($"setting.meta_tasks: unknown task '{name}' (expected one of: {string.Join(", ", tasks)})");
                    held[k] = true;
                }
            }
            else
            {
                int m = (int)Math.Floor(MetaFraction * (tasks.Count + (MetaCount == MetaCountRule.Reference ? 2 : 0)) + 1e-9);
                if (m < 1 || m >= tasks.Count)
                    throw new GraphMtlException($"setting.meta_fraction: {MetaFraction} of {tasks.Count} tasks holds out {m}; expected between 1 and {tasks.Count - 1} held-out tasks");
                for (int k = tasks.Count - m; k < tasks.Count; k++) held[k] = true;
            }
            if (held.All(h => h)) throw new GraphMtlException("setting.meta_tasks: expected at least one task left for training (got all tasks held out)");
        }
        return new RelationalSetting(Reveal, held, SupportSize, Repeat, TrainingSupport);
    }
}

/// <summary>Where a training step's support set comes from.</summary>
public enum TrainingSupport
{
    /// <summary>
    /// The reference: consecutive batches are paired, batch 2j the support and 2j+1 the query, so half the training
    /// examples are queries per epoch (an odd last batch is skipped).
    /// </summary>
    Paired,
    /// <summary>
    /// Every batch is a query, with a support batch drawn at random from the other training examples (as at
    /// evaluation): as many steps and supervised labels per epoch as the baselines, at twice the encoding cost.
    /// </summary>
    Sampled,
}

/// <summary>Whether an episode is built for a training step or for evaluation/prediction.</summary>
public enum EpisodePhase
{
    /// <summary>A training step.</summary>
    Train,
    /// <summary>Evaluation or prediction.</summary>
    Eval,
}

/// <summary>
/// A resolved setting: the reveal probability and, in the meta setting, which tasks are held out (meta-test). In
/// training every held-out label is deleted (query and support); at evaluation query and support keep only held-out
/// labels (metalink.md §1).
/// </summary>
/// <param name="Reveal">p.</param>
/// <param name="MetaTest">Held-out task flags, or null outside the meta setting.</param>
/// <param name="SupportSize">Support size (0 = batch size).</param>
/// <param name="Repeat">Support draws averaged at evaluation.</param>
/// <param name="TrainingSupport">How training steps get their support set.</param>
public sealed record RelationalSetting(double Reveal, bool[]? MetaTest, int SupportSize = 0, int Repeat = 1, TrainingSupport TrainingSupport = TrainingSupport.Paired)
{
    /// <summary>True in the meta setting.</summary>
    public bool IsMeta => MetaTest is not null;

    /// <summary>The tasks whose labels exist (as targets, revealed labels or support edges) in a phase.</summary>
    public bool[] ActiveTasks(EpisodePhase phase, int taskCount)
    {
        var active = new bool[taskCount];
        for (int t = 0; t < taskCount; t++) active[t] = MetaTest is null || (phase == EpisodePhase.Eval ? MetaTest[t] : !MetaTest[t]);
        return active;
    }

    /// <summary>Indices of the tasks evaluated (held-out tasks in the meta setting, else all).</summary>
    public IReadOnlyList<int> EvaluatedTasks(int taskCount) =>
        Enumerable.Range(0, taskCount).Where(t => MetaTest is null || MetaTest[t]).ToList();
}
