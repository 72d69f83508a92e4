using GraphMtl.Data;
using GraphMtl.Data.Manifest;
using GraphMtl.Graphs;
using Xunit;

namespace GraphMtl.Testing;

/// <summary>Loading a toy manifest written as <c>dataset.yaml</c> into a <see cref="TempFolder"/> with its data files.</summary>
public static class ManifestToys
{
    /// <summary>The graph of the folder's <c>dataset.yaml</c>, with the folder as data root.</summary>
    public static HeteroGraph Load(TempFolder folder) => ManifestLoader.Load(System.IO.Path.Combine(folder.Path, "dataset.yaml"), new DataRoot(folder.Path));

    /// <summary>The user error that loading the folder's <c>dataset.yaml</c> raises (fails the test when it loads).</summary>
    public static GraphMtlException LoadError(TempFolder folder) => Assert.ThrowsAny<GraphMtlException>(() => Load(folder));
}
