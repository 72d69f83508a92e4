using GraphMtl.Configuration;

namespace GraphMtl.MultiTask;

/// <summary>What a task head is made of.</summary>
public enum HeadKind
{
    /// <summary>A linear map of the task's node type: <c>h[τ] W + b</c>.</summary>
    Linear,

    /// <summary>
    /// One more graph layer of the backbone mapping to the class scores (InLINE's and HGB's output layer: for
    /// Simple-HGN one head, joint softmax, node residual, no activation), read on the task's node type.
    /// </summary>
    Layer,
}

/// <summary>
/// The per-task output head (config key <c>architecture.head</c>), the same for every architecture so that baselines
/// compare fairly: a linear map or one more graph layer, optionally followed by row-wise L2 normalisation of the
/// logits (InLINE §3.5: <c>o ← o / max(‖o‖₂, 1e-12)</c>, a fixed temperature for the softmax or sigmoid).
/// </summary>
public sealed record HeadOptions : IValidatableOptions
{
    /// <summary>Linear map or graph layer.</summary>
    public HeadKind Kind { get; init; } = HeadKind.Linear;

    /// <summary>Divide every logit row by its L2 norm (InLINE's logit normalisation).</summary>
    public bool L2Normalize { get; init; }

    /// <summary>InLINE's head (inline.md §3.5): a graph layer, then L2 normalisation.</summary>
    public static HeadOptions Inline { get; } = new() { Kind = HeadKind.Layer, L2Normalize = true };

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate() => [];
}
