using GraphMtl.Nn;

namespace GraphMtl.Tests.Nn;

[Collection(EngineCollection.Name)]
public sealed class EdgeSoftmaxTests
{
    /// <summary>Random edge → group assignment over <paramref name="groups"/> groups; the last two groups get no edges.</summary>
    internal static EdgeGroups RandomGroups(int edges, int groups, int seed)
    {
        var rng = new Random(seed);
        var index = Enumerable.Range(0, edges).Select(_ => (long)rng.Next(groups - 2)).ToArray();
        return new EdgeGroups(tensor(index), groups);
    }

    /// <summary>The definition, one group at a time with torch.softmax.</summary>
    internal static Tensor NaiveSoftmax(Tensor logits, EdgeGroups groups)
    {
        var result = zeros_like(logits);
        var index = groups.Index.data<long>().ToArray();
        for (long g = 0; g < groups.Count; g++)
        {
            var members = Enumerable.Range(0, index.Length).Where(e => index[e] == g).Select(e => (long)e).ToArray();
            if (members.Length == 0) continue;
            var ids = tensor(members);
            result.index_copy_(0, ids, softmax(logits.index_select(0, ids), 0));
        }
        return result;
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheSoftmaxMethod
    {
        [Theory]
        [InlineData(SoftmaxShift.Auto)]
        [InlineData(SoftmaxShift.GlobalMax)]
        [InlineData(SoftmaxShift.GroupMax)]
        public void Should_Sum_To_One_Per_Group_And_Give_Zero_To_Groups_Without_Edges(SoftmaxShift shift)
        {
            // Given
            manual_seed(0);
            using var groups = RandomGroups(edges: 200, groups: 30, seed: 1);
            var logits = randn(200, 4) * 3;

            // When
            var alpha = EdgeSoftmax.Softmax(logits, groups, shift);

            // Then
            var sums = GraphMtl.Nn.Scatter.Sum(alpha, groups.Index, groups.Count); // [30, 4]
            var expected = groups.HasEdges.to(ScalarType.Float32).unsqueeze(1).expand(30, 4);
            Assert.True(allclose(sums, expected, rtol: 1e-5, atol: 1e-6));
            Assert.Equal(0f, sums[28].abs().sum().item<float>());
        }

        [Theory]
        [InlineData(SoftmaxShift.Auto)]
        [InlineData(SoftmaxShift.GlobalMax)]
        [InlineData(SoftmaxShift.GroupMax)]
        public void Should_Equal_A_Naive_Per_Group_Softmax_In_Values_And_Gradients(SoftmaxShift shift)
        {
            for (int seed = 0; seed < 3; seed++)
            {
                // Given a random graph and logits
                manual_seed(seed);
                using var groups = RandomGroups(edges: 120, groups: 17, seed: seed);
                var logits = (randn(120, 3) * 4).requires_grad_(true);
                var probe = randn(120, 3);

                // When
                var alpha = EdgeSoftmax.Softmax(logits, groups, shift);
                var grad = autograd.grad([(alpha * probe).sum()], [logits])[0];
                var reference = NaiveSoftmax(logits, groups);
                var referenceGrad = autograd.grad([(reference * probe).sum()], [logits])[0];

                // Then
                Assert.True(allclose(alpha, reference, rtol: 1e-5, atol: 1e-7), $"seed {seed}");
                Assert.True(allclose(grad, referenceGrad, rtol: 1e-4, atol: 1e-6), $"seed {seed}");
            }
        }

        [Fact]
        public void Should_Handle_One_Dimensional_Logits()
        {
            manual_seed(3);
            using var groups = RandomGroups(edges: 50, groups: 9, seed: 3);
            var logits = randn(50);

            var alpha = EdgeSoftmax.Softmax(logits, groups);

            Assert.Equal(new long[] { 50 }, alpha.shape);
            Assert.True(allclose(alpha, NaiveSoftmax(logits.unsqueeze(1), groups).squeeze(1), rtol: 1e-5, atol: 1e-7));
        }

        [Fact]
        public void Should_Stay_Exact_With_Huge_Logits_When_Shifting_Per_Group()
        {
            // Given groups whose logits live at ±1e4 (and one group spanning both)
            using var groups = new EdgeGroups(tensor(new long[] { 0, 0, 1, 1, 2, 2 }), 4);
            var logits = tensor(new float[] { 1e4f, 1e4f - 1, -1e4f, -1e4f + 2, 1e4f, -1e4f }).unsqueeze(1);

            // When
            var auto = EdgeSoftmax.Softmax(logits, groups, SoftmaxShift.Auto);
            var exact = EdgeSoftmax.Softmax(logits, groups, SoftmaxShift.GroupMax);
            var global = EdgeSoftmax.Softmax(logits, groups, SoftmaxShift.GlobalMax);

            // Then the exact and automatic paths equal the reference; the global shift underflows group 1 but stays finite
            var reference = NaiveSoftmax(logits, groups);
            Assert.True(allclose(exact, reference, rtol: 1e-5, atol: 1e-7));
            Assert.True(allclose(auto, reference, rtol: 1e-5, atol: 1e-7));
            Assert.False(exact.isnan().any().item<bool>() || auto.isnan().any().item<bool>());
            Assert.True(global.isfinite().all().item<bool>());
            Assert.Equal(0f, global[2].item<float>() + global[3].item<float>());
        }

        [Fact]
        public void Should_Give_Zero_Not_NaN_When_Every_Logit_Of_A_Group_Is_Minus_Infinity()
        {
            using var groups = new EdgeGroups(tensor(new long[] { 0, 0, 1 }), 2);
            var logits = tensor(new float[] { float.NegativeInfinity, float.NegativeInfinity, 0.5f });

            foreach (var shift in Enum.GetValues<SoftmaxShift>())
            {
                var alpha = EdgeSoftmax.Softmax(logits, groups, shift);
                Assert.Equal(new float[] { 0, 0, 1 }, alpha.data<float>().ToArray());
            }
        }

        [Fact]
        public void Should_Agree_Between_The_Global_And_The_Exact_Shift()
        {
            manual_seed(5);
            using var groups = RandomGroups(edges: 500, groups: 60, seed: 5);
            var logits = randn(500, 8) * 10;

            var fast = EdgeSoftmax.Softmax(logits, groups, SoftmaxShift.GlobalMax);
            var exact = EdgeSoftmax.Softmax(logits, groups, SoftmaxShift.GroupMax);

            Assert.True(allclose(fast, exact, rtol: 1e-4, atol: 1e-7), $"max |Δ| = {(fast - exact).abs().max().item<float>()} at {(fast - exact).abs().argmax().item<long>()}");
        }

        [Fact]
        public void Should_Return_An_Empty_Result_For_A_Graph_Without_Edges()
        {
            using var groups = new EdgeGroups(empty(0, dtype: ScalarType.Int64), 3);

            var alpha = EdgeSoftmax.Softmax(empty(0, 2), groups);

            Assert.Equal(new long[] { 0, 2 }, alpha.shape);
        }
    }
}
