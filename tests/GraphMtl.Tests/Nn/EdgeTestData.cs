using GraphMtl.Nn;

namespace GraphMtl.Tests.Nn;

/// <summary>Random edge lists and a tolerant tensor comparison shared by the kernel tests.</summary>
internal static class EdgeTestData
{
    /// <summary>Random edges from <paramref name="s"/> source rows to the first t − 3 of <paramref name="t"/> targets (3 without edges).</summary>
    public static (EdgeGroups Source, EdgeGroups Target) RandomEdges(int edges, int s, int t, int seed)
    {
        var rng = new Random(seed);
        var src = Enumerable.Range(0, edges).Select(_ => (long)rng.Next(s)).ToArray();
        var dst = Enumerable.Range(0, edges).Select(_ => (long)rng.Next(t - 3)).ToArray();
        return (new EdgeGroups(tensor(src), s), new EdgeGroups(tensor(dst), t));
    }

    /// <summary>Asserts equality within float tolerance (rtol 1e-4, atol 1e-5), naming the largest difference.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, string what) =>
        Assert.True(allclose(actual, expected, rtol: 1e-4, atol: 1e-5), $"{what}: max |Δ| = {(actual - expected).abs().max().item<float>()}");
}
