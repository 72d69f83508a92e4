namespace GraphMtl.Nn;

/// <summary>
/// Scalars that live as long as the process, for the alpha of tensor additions in hot loops. An implicit
/// <see cref="Scalar"/> (<c>a + b</c> passes a fresh alpha = 1; <c>x.add_(1)</c> a fresh operand) is garbage as soon
/// as TorchSharp has read its handle, so a collection triggered by another thread (the progress display) can
/// finalise it during the native call, and libtorch then fails in <c>Scalar::toLong</c>/<c>toFloat</c> ("Expected
/// false to be true"). Rare per operation, but it killed long runs (docs/engine.md).
/// </summary>
public static class Scalars
{
    /// <summary>1, e.g. <c>a.add(b, Scalars.One)</c> for <c>a + b</c>.</summary>
    public static readonly Scalar One = 1;
}
