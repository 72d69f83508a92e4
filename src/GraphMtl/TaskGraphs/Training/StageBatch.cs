using GraphMtl.Backbones;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>One mini-batch as a task-graph stage sees it.</summary>
/// <param name="Rows">Dataset rows.</param>
/// <param name="Examples">The collated inputs.</param>
/// <param name="Labels">Labels <c>[B, T]</c> (int64 0/1; 0 where missing).</param>
/// <param name="Valid">1 where the label is observed <c>[B, T]</c> (float).</param>
/// <param name="Prior">The previous stage's logits <c>[B, T]</c> (chain start, tilting), or null in a first stage.</param>
/// <param name="Random">Draws task orders and intervention sets.</param>
/// <param name="Generator">Draws Gibbs samples (null: the global generator, seeded per run).</param>
/// <param name="Intervened">1 where the label was set by an intervention <c>[B, T]</c> (float), or null for observational data.</param>
/// <param name="Known">True where the label is revealed to the model at evaluation <c>[B, T]</c> (bool; <c>setting.reveal</c>):
/// energy stages condition their Gibbs chains on it, the others ignore it; null in training and without reveals.</param>
internal sealed record StageBatch(int[] Rows, ExampleBatch Examples, Tensor Labels, Tensor Valid, Tensor? Prior, Random Random, Generator? Generator,
    Tensor? Intervened = null, Tensor? Known = null)
{
    /// <summary>Batch size B.</summary>
    public int Size => Rows.Length;

    /// <summary>A Gibbs chain's start <c>[B, T]</c> (int64 0/1): the revealed labels where <see cref="Known"/>, else <paramref name="start"/>.</summary>
    public Tensor ChainStart(Tensor start) => Known is null ? start : where(Known, Labels, start);

    /// <summary>The prior logits, or an error naming the stage that needs them.</summary>
    public Tensor RequirePrior(string stage) =>
        Prior ?? throw new InvalidOperationException($"{stage} needs the previous stage's predictions (none given).");
}
