using GraphMtl.MultiTask.Gates;

namespace GraphMtl.Tests.MultiTask.Gates;

[Collection(EngineCollection.Name)]
public sealed class SoftmaxGateTests
{
    public sealed class TheForwardMethod
    {
        [Fact]
        public void Should_Sum_To_One_Over_Experts_Per_Node()
        {
            // Given a gate over 3 experts
            manual_seed(1);
            using var gate = new SoftmaxGate("g", 5, 4, 3);

            // When
            var w = gate.call(randn(7, 5));

            // Then
            Assert.Equal([7, 3], w.shape);
            Assert.True(w.sum(1).allclose(ones(7), atol: 1e-6));
            Assert.True((w >= 0).all().item<bool>());
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void Should_Sum_To_One_Over_Experts_Per_Relation(int relations)
        {
            // Given InLINE's gate: one group per relation, no output bias
            manual_seed(2);
            using var gate = new SoftmaxGate("g", 6, 4, 2, relations, outputBias: false);

            // When
            var w = gate.call(randn(9, 6) * 3);

            // Then the weights are [N, R, K] and each (node, relation) row sums to one over the experts
            Assert.Equal([9, relations, 2], w.shape);
            Assert.True(w.sum(2).allclose(ones(9, relations), atol: 1e-6));
        }

        [Fact]
        public void Should_Start_Near_Uniform_With_A_Small_Init_Std()
        {
            manual_seed(3);
            using var gate = new SoftmaxGate("g", 128, 64, 2, 3, outputBias: false, initStd: 1e-4);
            var w = gate.call(randn(50, 128));
            Assert.True((w - 0.5).abs().max().item<float>() < 0.01);
        }
    }

    public sealed class TheConstructor
    {
        [Fact]
        public void Should_Reject_Zero_Experts() =>
            Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxGate("g", 2, 2, 0));
    }
}
