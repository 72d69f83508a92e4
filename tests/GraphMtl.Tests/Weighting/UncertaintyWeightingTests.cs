using GraphMtl.Testing;
using GraphMtl.Weighting;
using static GraphMtl.Tests.Weighting.LinearTasks;

namespace GraphMtl.Tests.Weighting;

public sealed class UncertaintyWeightingTests
{
    public sealed class TheBackwardMethod
    {
        [Fact]
        public void Should_Report_Weights_One_Over_Two_Exp_S()
        {
            // Given s = (0.3, −0.7)
            using var tasks = new LinearTasks([1, 0], [0, 1]);
            var uw = new UncertaintyWeighting(2);
            using (no_grad()) uw.LogVariance.copy_(tensor(new float[] { 0.3f, -0.7f }));

            using var scope = NewDisposeScope();
            var step = uw.Backward(tasks.Losses(), tasks.Context());

            Assert.Equal(1 / (2 * Math.Exp(0.3)), step.Weights[0], 6);
            Assert.Equal(1 / (2 * Math.Exp(-0.7)), step.Weights[1], 6);
        }

        [Fact]
        public void Should_Give_S_The_Gradient_Half_Minus_Loss_Times_Exp_Minus_S_Over_Two_And_The_Model_The_Weighted_Gradient()
        {
            // Given L = (b + g·θ + φ²/2) with θ = 0: L_1 = 2 + 1/2, L_2 = 0.25 + 4/2
            using var tasks = new LinearTasks([1, 0], [0, 3]);
            tasks.Offsets[0] = 2;
            tasks.Offsets[1] = 0.25;
            double[] loss = [2.5, 2.25], s = [0.3, -0.7];
            var uw = new UncertaintyWeighting(2);
            using (no_grad()) uw.LogVariance.copy_(tensor(new float[] { 0.3f, -0.7f }));

            using (NewDisposeScope()) uw.Backward(tasks.Losses(), tasks.Context());

            // Then ∂/∂s_k [exp(−s_k) L_k / 2 + s_k / 2] = ½ − exp(−s_k) L_k / 2
            var ds = Values(uw.LogVariance.grad!);
            for (int k = 0; k < 2; k++) Assert.Equal(0.5 - Math.Exp(-s[k]) * loss[k] / 2, ds[k], 5);
            // and θ gets Σ_k w_k g_k with w_k = exp(−s_k) / 2, each head w_k φ_k
            double w0 = Math.Exp(-s[0]) / 2, w1 = Math.Exp(-s[1]) / 2;
            var dTheta = Values(tasks.Theta.grad!);
            Assert.Equal(w0, dTheta[0], 5);
            Assert.Equal(3 * w1, dTheta[1], 5);
            Assert.Equal(w0 * 1, Values(tasks.Heads[0].grad!)[0], 5);
            Assert.Equal(w1 * 2, Values(tasks.Heads[1].grad!)[0], 5);
        }

        [Fact]
        public void Should_Start_At_The_Configured_Log_Variance_And_Need_No_Shared_Parameters()
        {
            using var tasks = new LinearTasks([1, 0], [0, 1]);
            var uw = (UncertaintyWeighting)new UncertaintyWeightingOptions { InitialLogVariance = -0.5 }.Create(tasks.Tasks);

            using var scope = NewDisposeScope();
            var step = uw.Backward(tasks.Losses(), tasks.Context(shared: false));

            Assert.All(step.Weights, w => Assert.Equal(Math.Exp(0.5) / 2, w, 6));
            Assert.Single(uw.ExtraParameters());
        }

        [Fact]
        public void Should_Train_The_Toy_Without_Leaving_Tensors_Alive()
        {
            using var toy = new TwoTaskToy();
            var uw = new UncertaintyWeighting(2);

            var (losses, before, after) = toy.Train(uw, 40);

            Assert.True(losses[^1].Sum() < 0.5 * losses[0].Sum(), $"loss {losses[0].Sum()} → {losses[^1].Sum()}");
            Assert.Equal(before, after);
            // s_k moves toward its optimum log L_k, below 0 for these losses
            Assert.All(Values(uw.LogVariance), v => Assert.True(v < 0));
        }
    }

    public sealed class TheOptions
    {
        [Fact]
        public void Should_Reject_A_Non_Finite_Initial_Log_Variance()
        {
            var problems = new UncertaintyWeightingOptions { InitialLogVariance = double.NaN }.Validate().ToList();
            Assert.Equal("InitialLogVariance", Assert.Single(problems).Property);
        }
    }
}
