namespace GraphMtl.Data.Molecules;

/// <summary>Train, validation and test row indices of one split; each index appears in exactly one part.</summary>
/// <param name="Train">Training rows.</param>
/// <param name="Valid">Validation rows.</param>
/// <param name="Test">Test rows.</param>
/// <param name="UsedFallback">
/// True when <see cref="MoleculeSplits.RandomFiltered"/> found no split meeting its condition and returned a plain
/// random split.
/// </param>
public sealed record DatasetSplit(int[] Train, int[] Valid, int[] Test, bool UsedFallback = false);
