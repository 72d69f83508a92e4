using GraphMtl.TaskGraphs;

namespace GraphMtl.Tests.TaskGraphs;

[Collection(EngineCollection.Name)]
public sealed class TaskEnergyTests
{
    public sealed class TheLogLikelihoodMethod
    {
        [Fact]
        public void Should_Sum_Valid_Node_Terms_And_Lambda_Times_Pair_Terms_With_Both_Ends_Valid()
        {
            // Given two tasks, edges (0,1) and (1,0), one example with y = (1, 0)
            using var scope = NewDisposeScope();
            var node = tensor(new float[] { 0.2f, -0.3f, 1.0f, 0.5f }, [1, 2, 2]);
            var pair = tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f, -0.1f, 0.0f, 0.5f, 0.2f }, [1, 2, 4]);
            var source = tensor(new long[] { 0, 1 });
            var target = tensor(new long[] { 1, 0 });
            var y = tensor(new long[] { 1, 0 }, [1, 2]);

            var all = TaskEnergy.LogLikelihood(node, pair, source, target, y, ones(1, 2), 0.1).item<float>();
            var onlyFirst = TaskEnergy.LogLikelihood(node, pair, source, target, y, tensor(new float[] { 1, 0 }, [1, 2]), 0.1).item<float>();

            // Then log φ0(1) + log φ1(0) + 0.1 [log φ01(2·1 + 0) + log φ10(2·0 + 1)]; a missing task drops its node and pair terms
            double LogSoftmax(float[] v, int k) => v[k] - Math.Log(v.Sum(x => Math.Exp(x)));
            double expected = LogSoftmax([0.2f, -0.3f], 1) + LogSoftmax([1.0f, 0.5f], 0)
                              + 0.1 * (LogSoftmax([0.1f, 0.2f, 0.3f, 0.4f], 2) + LogSoftmax([-0.1f, 0.0f, 0.5f, 0.2f], 1));
            Assert.Equal(expected, all, 5);
            Assert.Equal(LogSoftmax([0.2f, -0.3f], 1), onlyFirst, 5);
        }
    }

    public sealed class TheNceLossMethod
    {
        [Fact]
        public void Should_Decrease_When_Training_An_Energy_Model_On_A_Toy_Problem()
        {
            // Given data where task 1 copies task 0 with probability 0.9, noise from independent fair coins, and a
            // free-parameter energy model over the two tasks
            using var scope = NewDisposeScope();
            var rng = new Random(5);
            const int n = 512;
            var data = new long[n * 2];
            for (int i = 0; i < n; i++)
            {
                data[2 * i] = rng.Next(2);
                data[2 * i + 1] = rng.NextDouble() < 0.9 ? data[2 * i] : 1 - data[2 * i];
            }
            var noise = Enumerable.Range(0, 2 * n).Select(_ => (long)rng.Next(2)).ToArray();
            var yData = tensor(data, [n, 2]);
            var yNoise = tensor(noise, [n, 2]);
            var q = full(n, 2, 2, 0.5f);
            var source = tensor(new long[] { 0, 1 });
            var target = tensor(new long[] { 1, 0 });
            var valid = ones(n, 2);
            var nodeParam = new TorchSharp.Modules.Parameter(zeros(1, 2, 2));
            var pairParam = new TorchSharp.Modules.Parameter(zeros(1, 2, 4));
            using var optimizer = optim.Adam([nodeParam, pairParam], lr: 0.05);

            double Step()
            {
                optimizer.zero_grad();
                var node = nodeParam.expand(n, 2, 2);
                var pair = pairParam.expand(n, 2, 4);
                var loss = TaskEnergy.NceLoss(
                    TaskEnergy.LogLikelihood(node, pair, source, target, yData, valid, 1.0), TaskEnergy.LogFactorised(q, yData),
                    TaskEnergy.LogLikelihood(node, pair, source, target, yNoise, valid, 1.0), TaskEnergy.LogFactorised(q, yNoise));
                loss.backward();
                optimizer.step();
                return loss.item<float>();
            }

            // When it trains for 150 steps
            double first = Step(), last = first;
            for (int s = 0; s < 150; s++) last = Step();

            // Then the loss falls well below its start and agreeing label pairs get the larger pair potentials
            Assert.True(last < first - 0.3, $"NCE loss {first} → {last}");
            using var _ = no_grad();
            var logAgree = pairParam[0, 0].log_softmax(0);
            Assert.True(logAgree[0].item<float>() > logAgree[1].item<float>());
            Assert.True(logAgree[3].item<float>() > logAgree[2].item<float>());
        }
    }
}
