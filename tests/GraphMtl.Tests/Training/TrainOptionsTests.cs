using GraphMtl.Training;
using TorchSharp.Modules;

namespace GraphMtl.Tests.Training;

[Collection(EngineCollection.Name)]
public sealed class TrainOptionsTests
{
    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheCreateOptimizerMethod
    {
        /// <summary>One step from θ = [1, −2] with a zero loss gradient, so that only the weight decay acts.</summary>
        private static float[] StepWithDecayOnly(OptimizerKind kind)
        {
            var theta = new Parameter(tensor(new[] { 1f, -2f }));
            using var optimizer = new TrainOptions { Optimizer = kind, Lr = 0.1, WeightDecay = 0.5 }.CreateOptimizer([theta]);
            optimizer.zero_grad();
            (theta * 0).sum().backward();
            optimizer.step();
            return theta.data<float>().ToArray();
        }

        [Fact]
        public void Should_Default_To_AdamW_Which_Decays_The_Weights_Outside_The_Adaptive_Step()
        {
            Assert.Equal(OptimizerKind.AdamW, new TrainOptions().Optimizer);

            var theta = StepWithDecayOnly(OptimizerKind.AdamW);

            // θ ← θ (1 − lr·λ); the zero gradient gives a zero Adam step.
            Assert.Equal(0.95f, theta[0], 5);
            Assert.Equal(-1.9f, theta[1], 5);
        }

        [Fact]
        public void Should_Add_The_Decay_To_The_Gradient_With_Adam()
        {
            var theta = StepWithDecayOnly(OptimizerKind.Adam);

            // g = λθ enters the moments; Adam's first step is lr · g / |g| = lr · sign(θ) (up to ε).
            Assert.Equal(0.9f, theta[0], 4);
            Assert.Equal(-1.9f, theta[1], 4);
        }
    }
}
