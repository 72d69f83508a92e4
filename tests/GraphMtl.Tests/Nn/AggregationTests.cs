using GraphMtl.Nn;

namespace GraphMtl.Tests.Nn;

[Collection(EngineCollection.Name)]
public sealed class AggregationTests
{
    private static (EdgeGroups Source, EdgeGroups Target) Edges() =>
        // targets 0 (three edges, one duplicate), 1 (one edge), 2 (none)
        (new EdgeGroups(tensor(new long[] { 0, 1, 1, 3 }), 4), new EdgeGroups(tensor(new long[] { 0, 0, 0, 1 }), 3));

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheCreateMethod
    {
        [Theory]
        [InlineData("sum", "sum")]
        [InlineData("ADD", "sum")]
        [InlineData(" Mean", "mean")]
        public void Should_Resolve_Names(string name, string expected) => Assert.Equal(expected, Aggregation.Create(name).Name);

        [Fact]
        public void Should_List_The_Choices_For_An_Unknown_Name()
        {
            var e = Assert.Throws<GraphMtlException>(() => Aggregation.Create("max"));
            Assert.Contains("sum, mean", e.Message);
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class ThePropagateMethods
    {
        [Theory]
        [InlineData("sum")]
        [InlineData("mean")]
        public void Should_Agree_Between_Scatter_Kernel_And_Sparse_Paths_With_Zeros_Without_Edges(string name)
        {
            // Given
            manual_seed(2);
            var aggregation = Aggregation.Create(name);
            var (source, target) = Edges();
            using var _s = source;
            using var _t = target;
            var x = randn(4, 3).requires_grad_(true);

            // When
            var scatter = aggregation.Aggregate(x.index_select(0, source.Index), target);
            var kernel = aggregation.Propagate(x, source, target);
            var sparse = aggregation.PropagateFixed(x, source, target);

            // Then
            var expected0 = (x[0] + 2 * x[1]) / (name == "mean" ? 3 : 1);
            Assert.True(allclose(scatter[0], expected0, rtol: 1e-5, atol: 1e-6));
            Assert.True(allclose(scatter[1], x[3], rtol: 1e-5, atol: 1e-6));
            Assert.Equal(0f, scatter[2].abs().sum().item<float>());
            Assert.True(allclose(kernel, scatter, rtol: 1e-5, atol: 1e-6));
            Assert.True(allclose(sparse, scatter, rtol: 1e-5, atol: 1e-6));
            var g1 = autograd.grad([sparse.sum()], [x])[0];
            var g2 = autograd.grad([scatter.sum()], [x])[0];
            Assert.True(allclose(g1, g2, rtol: 1e-5, atol: 1e-6));
        }

        [Fact]
        public void Should_Keep_Heads_On_The_Sparse_Path()
        {
            manual_seed(3);
            var (source, target) = Edges();
            using var _s = source;
            using var _t = target;
            var x = randn(4, 2, 3);

            var sparse = Aggregation.Mean.PropagateFixed(x, source, target);

            Assert.Equal(new long[] { 3, 2, 3 }, sparse.shape);
            Assert.True(allclose(sparse, Aggregation.Mean.Propagate(x, source, target), rtol: 1e-5, atol: 1e-6));
        }

        [Fact]
        public void Should_Weight_Messages_And_Pass_Gradients_To_The_Weights()
        {
            var (source, target) = Edges();
            using var _s = source;
            using var _t = target;
            var x = ones(4, 2);
            var w = tensor(new float[] { 1, 2, 3, 4 }).requires_grad_(true);

            var y = Aggregation.Sum.Propagate(x, source, target, w);

            Assert.Equal(new float[] { 6, 6, 4, 4, 0, 0 }, y.data<float>().ToArray());
            Assert.Equal(new float[] { 2, 2, 2, 2 }, autograd.grad([y.sum()], [w])[0].data<float>().ToArray());
        }
    }
}
