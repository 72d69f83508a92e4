namespace GraphMtl.Training;

/// <summary>
/// Returns the native memory of tensor handles that escaped every dispose scope. Some handles made during a training
/// step (not yet traced to their source; see docs/benchmarks.md, "A memory finding") are released only by their
/// finalizers, so without a collection RSS grew by 20–100 MiB per DBLP epoch; with one after each epoch it stays flat.
/// A full collection of the small managed heap costs milliseconds.
/// </summary>
public static class NativeMemory
{
    /// <summary>Runs a full garbage collection and the finalizers it queued (which free their native tensors).</summary>
    public static void ReleaseUnscoped()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
