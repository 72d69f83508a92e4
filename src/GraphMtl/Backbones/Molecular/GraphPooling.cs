using GraphMtl.Nn;

namespace GraphMtl.Backbones.Molecular;

/// <summary>How atom states become a molecule embedding.</summary>
public enum GraphPooling
{
    /// <summary>Σ over the molecule's atoms (MetaLink).</summary>
    Sum,
    /// <summary>Mean over the molecule's atoms (Hu et al.'s GIN).</summary>
    Mean,
}

/// <summary>Pools atom rows into molecule rows with the batch vector (<c>index_add</c>).</summary>
public static class GraphPool
{
    /// <summary><c>[A, D]</c> atom states → <c>[molecules, D]</c>.</summary>
    public static Tensor Apply(Tensor atoms, Tensor batch, int molecules, GraphPooling pooling) => pooling switch
    {
        GraphPooling.Mean => Scatter.Mean(atoms, batch, molecules),
        _ => Scatter.Sum(atoms, batch, molecules),
    };
}
