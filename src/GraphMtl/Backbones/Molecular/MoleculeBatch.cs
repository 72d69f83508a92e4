namespace GraphMtl.Backbones.Molecular;

/// <summary>
/// Many molecules as one disjoint-union graph: atoms of molecule k follow those of molecule k − 1, edge endpoints are
/// offset accordingly, and <see cref="Batch"/> maps every atom to its molecule for pooling (<c>index_add</c>). Either
/// feature set may be absent when the encoder does not read it.
/// </summary>
public sealed class MoleculeBatch(int size) : ExampleBatch(size)
{
    /// <summary>Chemprop atom features <c>[A, 133]</c>, or null.</summary>
    public Tensor? AtomFeatures { get; init; }

    /// <summary>Chemprop bond features per directed edge <c>[E, 14]</c>, or null.</summary>
    public Tensor? EdgeFeatures { get; init; }

    /// <summary>GIN atomic-number ids <c>[A]</c> (int64), or null.</summary>
    public Tensor? AtomicNumberIds { get; init; }

    /// <summary>GIN chirality ids <c>[A]</c> (int64), or null.</summary>
    public Tensor? ChiralityIds { get; init; }

    /// <summary>GIN bond-type ids per directed edge <c>[E]</c> (int64), or null.</summary>
    public Tensor? BondTypeIds { get; init; }

    /// <summary>GIN bond-direction ids per directed edge <c>[E]</c> (int64), or null.</summary>
    public Tensor? BondDirectionIds { get; init; }

    /// <summary>Source atom of each directed edge in the union <c>[E]</c> (int64).</summary>
    public required Tensor Source { get; init; }

    /// <summary>Target atom of each directed edge in the union <c>[E]</c> (int64).</summary>
    public required Tensor Target { get; init; }

    /// <summary>Molecule (0..Size−1) of each atom <c>[A]</c> (int64).</summary>
    public required Tensor Batch { get; init; }

    /// <summary>Number of atoms in the union.</summary>
    public required int AtomCount { get; init; }

    /// <summary>Number of directed edges in the union.</summary>
    public required int EdgeCount { get; init; }
}
