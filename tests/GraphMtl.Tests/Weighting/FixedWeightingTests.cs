using GraphMtl.Testing;
using GraphMtl.Weighting;
using static GraphMtl.Tests.Weighting.LinearTasks;

namespace GraphMtl.Tests.Weighting;

public sealed class FixedWeightingTests
{
    public sealed class TheBackwardMethod
    {
        [Fact]
        public void Should_Give_The_Gradient_Of_The_Plain_Sum_For_Equal_Weighting()
        {
            using var tasks = new LinearTasks([1, 0], [-1, 1]);

            using (NewDisposeScope())
                Assert.Equal([1.0, 1.0], new EqualWeightingOptions().Create(tasks.Tasks).Backward(tasks.Losses(), tasks.Context()).Weights);

            Assert.Equal([0.0, 1.0], Values(tasks.Theta.grad!)); // g1 + g2, the conflict is not touched
            Assert.Equal([2.0], Values(tasks.Heads[1].grad!));
        }

        [Fact]
        public void Should_Give_The_Gradient_Of_The_Weighted_Sum_For_Fixed_Weights()
        {
            using var tasks = new LinearTasks([1, 0], [-1, 1]);
            var fixedWeights = new FixedWeightingOptions { Weights = new Dictionary<string, double> { ["t0"] = 0.25, ["t1"] = 3 } };

            using (NewDisposeScope())
                Assert.Equal([0.25, 3.0], fixedWeights.Create(tasks.Tasks).Backward(tasks.Losses(), tasks.Context()).Weights);

            Assert.Equal([0.25 - 3, 3.0], Values(tasks.Theta.grad!));
            Assert.Equal([0.25], Values(tasks.Heads[0].grad!));
            Assert.Equal([6.0], Values(tasks.Heads[1].grad!));
        }

        [Fact]
        public void Should_Train_The_Toy_Without_Leaving_Tensors_Alive()
        {
            using var toy = new TwoTaskToy();

            var (losses, before, after) = toy.Train(new EqualWeightingOptions().Create(toy.Tasks), 40);

            Assert.True(losses[^1].Sum() < 0.5 * losses[0].Sum(), $"loss {losses[0].Sum()} → {losses[^1].Sum()}");
            Assert.Equal(before, after);
        }
    }
}
