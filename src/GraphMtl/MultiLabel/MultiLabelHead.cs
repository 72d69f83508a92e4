using GraphMtl.Relational;

namespace GraphMtl.MultiLabel;

/// <summary>
/// What a head sees in one episode: the query embeddings, the support embeddings (when the head asked for them), the
/// episode's known labels and targets as tensors, and the phase.
/// </summary>
/// <param name="Query">Query embeddings <c>[B, D]</c>.</param>
/// <param name="Support">Support embeddings <c>[S, D]</c>, or null.</param>
/// <param name="Episode">Known labels and targets.</param>
/// <param name="Phase">Training step or evaluation/prediction.</param>
public sealed record HeadInput(Tensor Query, Tensor? Support, EpisodeTensors Episode, EpisodePhase Phase);

/// <summary>
/// The task-side part of an example-level multi-label model: from example embeddings and an episode to one logit per
/// target pair <c>[P]</c>. Heads say whether they read known labels and the support set, so the training problem
/// only builds and encodes what is used, and which parameters all tasks share (for gradient-based weightings).
/// </summary>
public abstract class MultiLabelHead(string name, int taskCount) : nn.Module<HeadInput, Tensor>(name)
{
    /// <summary>Number of tasks T.</summary>
    public int TaskCount { get; } = taskCount;

    /// <summary>
    /// True when the head reads the known labels of the query (concat, MetaLink). A head that does not is trained on
    /// every observed label (nothing is revealed to it, so nothing need be held back); at evaluation every head is
    /// scored on the same hidden pairs.
    /// </summary>
    public virtual bool UsesKnownLabels => false;

    /// <summary>True when the head needs support embeddings in <paramref name="phase"/>.</summary>
    public virtual bool UsesSupport(EpisodePhase phase) => false;

    /// <summary>Parameters every task's prediction depends on (excluding per-task rows such as task embeddings).</summary>
    public abstract IEnumerable<Parameter> SharedParameters();
}
