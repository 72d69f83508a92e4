namespace GraphMtl.Relational;

/// <summary>
/// The reveal rule at evaluation: an independent Bernoulli(p) per (example, task) from a hash of (seed, row, task),
/// so every head, every epoch and every batching of a run reveals exactly the same labels and is scored on the same
/// hidden pairs (the reference draws them afresh per pass; fixing them makes model selection and comparisons exact).
/// </summary>
public sealed class EvaluationReveal(double probability, ulong seed)
{
    /// <summary>
    /// The reveal of run seed <paramref name="runSeed"/>: every problem of a run (a single-model head's, a task-graph
    /// stage's) derives it the same way, so all methods of a run are scored on the same hidden pairs.
    /// </summary>
    public static EvaluationReveal ForRun(double probability, int runSeed) => new(probability, (ulong)(uint)runSeed ^ 0x5EED_0F_4E7EA1UL);

    /// <summary>p.</summary>
    public double Probability { get; } = probability;

    /// <summary>Whether the label of (<paramref name="row"/>, <paramref name="task"/>) is revealed.</summary>
    public bool IsRevealed(int row, int task) => Probability > 0 && Uniform(seed, (ulong)(uint)row, (ulong)(uint)task) < Probability;

    /// <summary>A uniform double in [0, 1) from SplitMix64 over the three inputs.</summary>
    internal static double Uniform(ulong a, ulong b, ulong c) => (Hash(a, b, c) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A deterministic 64-bit hash of three values (SplitMix64 rounds; unlike <see cref="HashCode"/>, the same in every process).</summary>
    internal static ulong Hash(ulong a, ulong b, ulong c) => Mix(Mix(Mix(a) ^ b) ^ c);

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
