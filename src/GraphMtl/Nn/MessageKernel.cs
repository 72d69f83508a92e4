namespace GraphMtl.Nn;

/// <summary>How <see cref="MessagePassing"/> evaluates a gather → per-edge message → aggregate step.</summary>
public enum MessageKernel
{
    /// <summary>
    /// Edges processed in blocks of a few MiB with a hand-written backward (fused gather, scale and
    /// <c>index_add</c>): no <c>[E, H·D]</c> tensor is ever allocated and nothing per edge is kept for the backward
    /// pass. Same result as <see cref="Scatter"/> up to float summation order; the default.
    /// </summary>
    Blocked,

    /// <summary>
    /// The reference formulation with ordinary autograd ops: <c>index_select</c> → multiply → <c>index_add</c>,
    /// materialising every per-edge message.
    /// </summary>
    Scatter,
}
