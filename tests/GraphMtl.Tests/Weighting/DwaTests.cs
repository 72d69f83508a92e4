using GraphMtl.Testing;
using GraphMtl.Weighting;
using static GraphMtl.Tests.Weighting.LinearTasks;

namespace GraphMtl.Tests.Weighting;

public sealed class DwaTests
{
    public sealed class TheWeightsMethod
    {
        [Fact]
        public void Should_Give_Ones_For_The_First_Two_Epochs()
        {
            var dwa = new Dwa();

            Assert.Equal([1.0, 1.0], dwa.Weights(2, []));
            Assert.Equal([1.0, 1.0], dwa.Weights(2, [[3.0, 1.0]]));
        }

        [Fact]
        public void Should_Reproduce_Hand_Computed_Weights_From_The_Last_Two_Epochs()
        {
            // Given mean losses (oldest first); only the last two epochs count
            double[][] history = [[9.0, 9.0], [1.0, 2.0], [0.5, 1.8]];

            // When
            var w = new Dwa(temperature: 2).Weights(2, history);

            // Then r = (0.5/1, 1.8/2) = (0.5, 0.9); w = 2·softmax(r / 2) = 2·(e^0.25, e^0.45) / (e^0.25 + e^0.45)
            double a = Math.Exp(0.25), b = Math.Exp(0.45);
            Assert.Equal(2 * a / (a + b), w[0], 12);
            Assert.Equal(2 * b / (a + b), w[1], 12);
            Assert.Equal(0.900332, w[0], 6); // = 2 / (1 + e^0.2): the slower task (b) gets the larger weight
        }

        [Fact]
        public void Should_Sum_To_K_And_Sharpen_With_A_Lower_Temperature()
        {
            double[][] history = [[1.0, 1.0, 1.0], [0.9, 0.5, 1.2]];

            var soft = new Dwa(10).Weights(3, history);
            var sharp = new Dwa(0.1).Weights(3, history);

            Assert.Equal(3, soft.Sum(), 12);
            Assert.Equal(3, sharp.Sum(), 12);
            Assert.True(sharp[2] > soft[2] && sharp[1] < soft[1]);
        }

        [Fact]
        public void Should_Take_An_Undefined_Ratio_As_One()
        {
            var w = new Dwa(1).Weights(2, [[0.0, 2.0], [1.0, 2.0]]);
            Assert.Equal(1.0, w[0], 12);
        }
    }

    public sealed class TheBackwardMethod
    {
        [Fact]
        public void Should_Back_Propagate_The_Weighted_Sum_And_Report_The_Weights()
        {
            using var tasks = new LinearTasks([1, 0], [-1, 1]);
            var dwa = new Dwa();
            double[][] history = [[1.0, 2.0], [0.5, 1.8]];
            var expected = dwa.Weights(2, history);

            using (NewDisposeScope())
            {
                var step = dwa.Backward(tasks.Losses(), tasks.Context(epoch: 2, history: history));
                Assert.Equal(expected, step.Weights);
            }

            // θ gets w_1 g_1 + w_2 g_2, head k gets w_k φ_k
            var g = Values(tasks.Theta.grad!);
            Assert.Equal(expected[0] - expected[1], g[0], 5);
            Assert.Equal(expected[1], g[1], 5);
            Assert.Equal(expected[1] * 2, Values(tasks.Heads[1].grad!)[0], 5);
        }

        [Fact]
        public void Should_Train_The_Toy_Without_Leaving_Tensors_Alive()
        {
            using var toy = new TwoTaskToy();

            var (losses, before, after) = toy.Train(new Dwa(), 40);

            Assert.True(losses[^1].Sum() < 0.5 * losses[0].Sum(), $"loss {losses[0].Sum()} → {losses[^1].Sum()}");
            Assert.Equal(before, after);
        }
    }

    public sealed class TheOptions
    {
        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void Should_Reject_A_Non_Positive_Temperature(double t)
        {
            Assert.Equal("Temperature", Assert.Single(new DwaOptions { Temperature = t }.Validate()).Property);
            Assert.Throws<ArgumentOutOfRangeException>(() => new Dwa(t));
        }
    }
}
