using GraphMtl.Testing;
using GraphMtl.Weighting;
using static GraphMtl.Tests.Weighting.LinearTasks;

namespace GraphMtl.Tests.Weighting;

public sealed class PcGradTests
{
    public sealed class TheBackwardMethod
    {
        [Fact]
        public void Should_Remove_The_Conflicting_Component_From_Each_Task_Gradient()
        {
            // Given g1 = (1, 0) and g2 = (−1, 1): g1·g2 = −1 < 0
            using var tasks = new LinearTasks([1, 0], [-1, 1]);

            using (NewDisposeScope())
            {
                var step = new PcGrad(seed: 0).Backward(tasks.Losses(), tasks.Context());

                // Then g1' = g1 − (−1/2) g2 = (0.5, 0.5), g2' = g2 − (−1/1) g1 = (0, 1); reported as 2·g1 + 1.5·g2
                Assert.Equal([2.0, 1.5], step.Weights);
            }

            // θ gets g1' + g2' = (0.5, 1.5); each head keeps its own ordinary gradient φ_k
            Assert.Equal([0.5, 1.5], Values(tasks.Theta.grad!));
            Assert.Equal([1.0], Values(tasks.Heads[0].grad!));
            Assert.Equal([2.0], Values(tasks.Heads[1].grad!));
        }

        [Fact]
        public void Should_Leave_Non_Conflicting_Gradients_Unchanged()
        {
            // Given g1·g2 = 1 ≥ 0 and g1·g3 = 0 (orthogonal is not a conflict)
            using var tasks = new LinearTasks([1, 0], [1, 1], [0, 3]);

            using (NewDisposeScope())
                Assert.Equal([1.0, 1, 1], new PcGrad(0).Backward(tasks.Losses(), tasks.Context()).Weights);

            Assert.Equal([2.0, 4.0], Values(tasks.Theta.grad!));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        public void Should_Match_Vector_Projections_In_The_Seeded_Random_Order(int seed)
        {
            // Given three conflicting gradients in ℝ⁴
            double[][] g = [[1, -2, 0.5, 0], [-1, 1, 1, 2], [0.5, 1, -3, -1]];
            using var tasks = new LinearTasks(g);

            using (NewDisposeScope()) new PcGrad(seed).Backward(tasks.Losses(), tasks.Context());

            // Then θ.grad equals Algorithm 1 done on the vectors, visiting j ≠ i in the same shuffled order
            var expected = Reference(g, new Random(seed));
            var actual = Values(tasks.Theta.grad!);
            for (int p = 0; p < 4; p++) Assert.Equal(expected[p], actual[p], 4);
        }

        [Fact]
        public void Should_Be_The_Plain_Sum_Without_Shared_Parameters_Or_With_One_Task()
        {
            using var tasks = new LinearTasks([1, 0], [-1, 1]);
            using (NewDisposeScope())
                Assert.Equal([1.0, 1.0], new PcGrad(0).Backward(tasks.Losses(), tasks.Context(shared: false)).Weights);
            Assert.Equal([0.0, 1.0], Values(tasks.Theta.grad!)); // g1 + g2, conflict kept

            using var single = new LinearTasks([1, 2]);
            using (NewDisposeScope())
                Assert.Equal([1.0], new PcGrad(0).Backward(single.Losses(), single.Context()).Weights);
            Assert.Equal([1.0, 2.0], Values(single.Theta.grad!));
        }

        [Fact]
        public void Should_Train_The_Toy_Without_Leaving_Tensors_Alive()
        {
            using var toy = new TwoTaskToy();

            var (losses, before, after) = toy.Train(new PcGrad(3), 40);

            Assert.True(losses[^1].Sum() < 0.5 * losses[0].Sum(), $"loss {losses[0].Sum()} → {losses[^1].Sum()}");
            Assert.Equal(before, after);
        }

        private static double[] Reference(double[][] g, Random random)
        {
            int k = g.Length, p = g[0].Length;
            double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
            var sum = new double[p];
            for (int i = 0; i < k; i++)
            {
                var pc = (double[])g[i].Clone();
                var order = Enumerable.Range(0, k).Where(j => j != i).ToArray();
                random.Shuffle(order);
                foreach (int j in order)
                {
                    double d = Dot(pc, g[j]);
                    if (d < 0)
                        for (int q = 0; q < p; q++) pc[q] -= d / Dot(g[j], g[j]) * g[j][q];
                }
                for (int q = 0; q < p; q++) sum[q] += pc[q];
            }
            return sum;
        }
    }

    [Collection(EngineCollection.Name)]
    public sealed class TheOptions
    {
        [Fact]
        public void Should_Draw_The_Seed_From_The_Engine_Generator_When_None_Is_Given()
        {
            // Given three conflicting tasks whose result depends on the order
            double[][] g = [[1, -2, 0.5, 0], [-1, 1, 1, 2], [0.5, 1, -3, -1]];
            double[] Run(int engineSeed)
            {
                manual_seed(engineSeed);
                var pcgrad = new PcGradOptions().Create(["a", "b", "c"]);
                using var tasks = new LinearTasks(g);
                var results = new List<double>();
                for (int step = 0; step < 5; step++)
                {
                    tasks.ZeroGrad();
                    using (NewDisposeScope()) pcgrad.Backward(tasks.Losses(), tasks.Context());
                    results.AddRange(Values(tasks.Theta.grad!));
                }
                return [.. results];
            }

            // Then the same engine seed gives the same updates
            Assert.Equal(Run(5), Run(5));
        }
    }
}
