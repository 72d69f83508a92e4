using GraphMtl.Testing;
using GraphMtl.Weighting;
using TorchSharp.Modules;
using static GraphMtl.Tests.Weighting.LinearTasks;

namespace GraphMtl.Tests.Weighting;

public sealed class GradNormTests
{
    // Tasks with ‖g_1‖ = 1, ‖g_2‖ = 2; the first step fixes L(0) = (1, 1), the second sees L = (0.9, 0.5): task 1 is slower.
    private static LinearTasks SlowFirstTask(GradNorm gradNorm)
    {
        var tasks = new LinearTasks([1, 0], [0, 2]);
        tasks.Heads[0].requires_grad = false; // keep L_k = b_k exactly (φ²/2 is folded into b below)
        tasks.Heads[1].requires_grad = false;
        tasks.Offsets[0] = 1 - 0.5;
        tasks.Offsets[1] = 1 - 2;
        using (NewDisposeScope()) gradNorm.Backward(tasks.Losses(), tasks.Context());
        tasks.ZeroGrad();
        gradNorm.TaskWeights.grad?.zero_();
        tasks.Offsets[0] = 0.9 - 0.5;
        tasks.Offsets[1] = 0.5 - 2;
        return tasks;
    }

    public sealed class TheBackwardMethod
    {
        [Fact]
        public void Should_Record_The_First_Losses_And_Start_With_Weights_One()
        {
            using var tasks = new LinearTasks([1, 0], [0, 2]);
            var gradNorm = new GradNorm(2);

            using (NewDisposeScope())
                Assert.Equal([1.0, 1.0], gradNorm.Backward(tasks.Losses(), tasks.Context()).Weights);

            Assert.Equal([1.5, 3.0], gradNorm.InitialLosses!); // b = 1, φ = (1, 2)
        }

        [Fact]
        public void Should_Give_The_Weights_The_Gradient_Of_The_GradNorm_Loss_By_Hand()
        {
            // Given L(0) = (1, 1), L = (0.9, 0.5), ‖g‖ = (1, 2), w = (1, 1), α = 1.5
            var gradNorm = new GradNorm(2, alpha: 1.5);
            using var tasks = SlowFirstTask(gradNorm);

            using (NewDisposeScope()) gradNorm.Backward(tasks.Losses(), tasks.Context());

            // Then G = (1, 2), Ḡ = 1.5, r = (0.9, 0.5) / 0.7, target = Ḡ r^α ≈ (2.187, 0.905):
            // G_1 < target_1 and G_2 > target_2, so ∂L_grad/∂w = (−‖g_1‖, +‖g_2‖) = (−1, 2)
            double r1 = 0.9 / 0.7, r2 = 0.5 / 0.7;
            Assert.True(1 < 1.5 * Math.Pow(r1, 1.5) && 2 > 1.5 * Math.Pow(r2, 1.5));
            Assert.Equal([-1.0, 2.0], Values(gradNorm.TaskWeights.grad!));
            // and the model gets ∇ Σ w_k L_k = g_1 + g_2 (w not moved yet)
            Assert.Equal([1.0, 2.0], Values(tasks.Theta.grad!));
        }

        [Fact]
        public void Should_Equal_The_Second_Order_Gradient_Through_Create_Graph()
        {
            // Given weights away from 1 and the paper's G_k = ‖∇_θ (w_k L_k)‖ computed with create_graph
            var gradNorm = new GradNorm(2, alpha: 0.7);
            using var tasks = SlowFirstTask(gradNorm);
            using (no_grad()) gradNorm.TaskWeights.copy_(tensor(new float[] { 1.3f, 0.7f }));
            using var scope = NewDisposeScope();
            var losses = tasks.Losses();
            using var w = new Parameter(tensor(new float[] { 1.3f, 0.7f }));
            var g = stack(Enumerable.Range(0, 2).Select(k =>
                autograd.grad([w[k] * losses[k]], [tasks.Theta], retain_graph: true, create_graph: true)[0].norm()).ToList());
            double[] r = [0.9 / 0.7, 0.5 / 0.7];
            var target = (g.mean() * tensor(r.Select(v => (float)Math.Pow(v, 0.7)).ToArray())).detach();
            var expected = Values(autograd.grad([(g - target).abs().sum()], [w])[0]);

            // When
            gradNorm.Backward(losses, tasks.Context());

            // Then
            var actual = Values(gradNorm.TaskWeights.grad!);
            for (int k = 0; k < 2; k++) Assert.Equal(expected[k], actual[k], 5);
        }

        [Fact]
        public void Should_Raise_The_Slower_Tasks_Weight_After_A_Step_And_Keep_The_Sum_At_K()
        {
            var gradNorm = new GradNorm(2);
            using var tasks = SlowFirstTask(gradNorm);
            using var optimizer = optim.SGD(gradNorm.ExtraParameters(), 0.1);
            using (NewDisposeScope()) gradNorm.Backward(tasks.Losses(), tasks.Context());

            optimizer.step(); // w = (1.1, 0.8)
            tasks.ZeroGrad();
            WeightingStep step;
            using (NewDisposeScope()) step = gradNorm.Backward(tasks.Losses(), tasks.Context());

            // Then the weights used are renormalised: (1.1, 0.8) · 2 / 1.9
            Assert.Equal(2.2 / 1.9, step.Weights[0], 5);
            Assert.Equal(1.6 / 1.9, step.Weights[1], 5);
            Assert.Equal(2, step.Weights.Sum(), 5);
            Assert.Equal(2, Values(gradNorm.TaskWeights).Sum(), 5);
        }

        [Fact]
        public void Should_Be_Plain_Training_With_One_Task()
        {
            using var tasks = new LinearTasks([1, 2]);

            using (NewDisposeScope())
                Assert.Equal([1.0], new GradNorm(1).Backward(tasks.Losses(), tasks.Context(shared: false)).Weights);

            Assert.Equal([1.0, 2.0], Values(tasks.Theta.grad!));
        }

        [Fact]
        public void Should_Reject_Several_Tasks_Without_Shared_Parameters_Naming_The_Config_Key()
        {
            using var tasks = new LinearTasks([1, 0], [0, 1]);
            using var scope = NewDisposeScope();

            var e = Assert.Throws<GraphMtlException>(() => new GradNorm(2).Backward(tasks.Losses(), tasks.Context(shared: false)));

            Assert.StartsWith("weighting.name: grad-norm expected parameters shared by the 2 tasks", e.Message);
        }

        [Fact]
        public void Should_Train_The_Toy_Without_Leaving_Tensors_Alive_With_Weights_Summing_To_K()
        {
            using var toy = new TwoTaskToy();
            var gradNorm = new GradNorm(2);

            var (losses, before, after) = toy.Train(gradNorm, 40);

            Assert.True(losses[^1].Sum() < 0.5 * losses[0].Sum(), $"loss {losses[0].Sum()} → {losses[^1].Sum()}");
            Assert.Equal(before, after);
            using (NewDisposeScope())
            {
                var step = gradNorm.Backward(toy.Losses(), new WeightingContext(toy.Tasks, 40, [], toy.Shared));
                Assert.Equal(2, step.Weights.Sum(), 5);
                Assert.NotEqual(1.0, step.Weights[0], 3);
            }
        }
    }

    public sealed class TheOptions
    {
        [Fact]
        public void Should_Default_Alpha_To_1_5_And_Reject_A_Negative_One()
        {
            Assert.Equal(1.5, ((GradNorm)new GradNormOptions().Create(["a", "b"])).Alpha);
            Assert.Equal("Alpha", Assert.Single(new GradNormOptions { Alpha = -1 }.Validate()).Property);
        }
    }
}
