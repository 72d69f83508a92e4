namespace GraphMtl.Data.Molecules;

/// <summary>
/// A featurised molecule as flat host arrays, ready to become tensors. Every bond gives two directed edges with the
/// same features: edge <c>2i</c> runs from bond i's first atom to its second, edge <c>2i + 1</c> back.
/// </summary>
/// <param name="NumAtoms">Number of atoms (graph nodes).</param>
/// <param name="AtomFeatures">Chemprop atom features, row-major [NumAtoms × <see cref="MoleculeFeaturizer.AtomFeatureDim"/>].</param>
/// <param name="EdgeSource">Source atom of each directed edge [E].</param>
/// <param name="EdgeTarget">Target atom of each directed edge [E].</param>
/// <param name="EdgeFeatures">Chemprop bond features, row-major [E × <see cref="MoleculeFeaturizer.BondFeatureDim"/>].</param>
/// <param name="AtomicNumberIds">GIN atom input: Z − 1 (0..117), <see cref="MoleculeFeaturizer.UnknownAtomicNumberId"/> for the wildcard [NumAtoms].</param>
/// <param name="ChiralityIds">GIN atom input: chiral tag 0..3 (unspecified, CW, CCW, other) [NumAtoms].</param>
/// <param name="BondTypeIds">GIN edge input: 0 single, 1 double, 2 triple (and quadruple), 3 aromatic [E].</param>
/// <param name="BondDirectionIds">GIN edge input: 0 none, 1 end-up-right, 2 end-down-right [E].</param>
public sealed record MolecularGraph(
    int NumAtoms,
    float[] AtomFeatures,
    int[] EdgeSource,
    int[] EdgeTarget,
    float[] EdgeFeatures,
    int[] AtomicNumberIds,
    int[] ChiralityIds,
    int[] BondTypeIds,
    int[] BondDirectionIds)
{
    /// <summary>Number of directed edges (twice the bond count).</summary>
    public int NumEdges => EdgeSource.Length;
}
