using GraphMtl.MultiTask.Experts;

namespace GraphMtl.Tests.MultiTask.Experts;

[Collection(EngineCollection.Name)]
public sealed class ExpertMixerTests
{
    public sealed class TheMixMethod
    {
        [Fact]
        public void Should_Weight_Whole_Embeddings_Per_Node()
        {
            // Given two experts [N, D] and weights [N, 2]
            var x0 = tensor(new float[] { 1, 2, 3, 4 }).view(2, 2);
            var x1 = tensor(new float[] { 10, 20, 30, 40 }).view(2, 2);
            var w = tensor(new float[] { 0.25f, 0.75f, 1, 0 }).view(2, 2);

            // When
            var mixed = ExpertMixer.Mix([x0, x1], w);

            // Then row n = w[n,0] x0[n] + w[n,1] x1[n]
            Assert.True(mixed.allclose(tensor(new float[] { 7.75f, 15.5f, 3, 4 }).view(2, 2)));
        }

        [Fact]
        public void Should_Weight_Each_Relation_Separately()
        {
            // Given 3 experts with per-relation aggregates [R=2, N=4, D=5] and weights [N, R, E]
            manual_seed(4);
            var experts = Enumerable.Range(0, 3).Select(_ => randn(2, 4, 5)).ToArray();
            var w = randn(4, 2, 3).softmax(2);

            // When
            var mixed = ExpertMixer.Mix(experts, w);

            // Then it equals the definition Σ_e w[n, r, e] x_e[r, n, :]
            var expected = einsum("ernd,nre->rnd", stack(experts), w);
            Assert.Equal([2, 4, 5], mixed.shape);
            Assert.True(mixed.allclose(expected, atol: 1e-6));
            Assert.True(ExpertMixer.Mix(stack(experts), w).allclose(expected, atol: 1e-6));
        }

        [Fact]
        public void Should_Reject_Weights_Over_Another_Number_Of_Experts() =>
            Assert.Throws<ArgumentException>(() => ExpertMixer.Mix([zeros(2, 3), zeros(2, 3)], ones(2, 3)));
    }
}
