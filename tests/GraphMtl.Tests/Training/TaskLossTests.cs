using GraphMtl.Graphs;
using GraphMtl.Training;

namespace GraphMtl.Tests.Training;

public sealed class TaskLossTests
{
    public sealed class TheComputeMethod
    {
        [Fact]
        public void Should_Compute_Bce_On_Softmax_As_Pytorch_Bceloss()
        {
            // logits [0, ln 3] → p = [0.25, 0.75]; target class 1 → BCE mean over 2 entries = -(ln 0.75 + ln 0.75) / 2
            using var logits = tensor(new float[] { 0, MathF.Log(3) }, [1, 2]);
            using var target = tensor(new long[] { 1 });
            using var loss = TaskLoss.Compute(logits, target, TaskKind.MultiClass, new LossOptions { MultiClass = MultiClassLoss.BceSoftmax });
            Assert.Equal(-Math.Log(0.75), loss.item<float>(), 5);
        }

        [Fact]
        public void Should_Clamp_Logs_At_Minus_100()
        {
            using var logits = tensor(new float[] { 0, 1000 }, [1, 2]); // p = [0, 1]: log 0 is clamped
            using var target = tensor(new long[] { 0 });
            using var loss = TaskLoss.Compute(logits, target, TaskKind.MultiClass, new LossOptions { MultiClass = MultiClassLoss.BceSoftmax });
            Assert.Equal(100, loss.item<float>(), 3); // (100 + 100) / 2
        }

        [Fact]
        public void Should_Give_Finite_Gradients_When_A_Probability_Underflows()
        {
            // p = softmax([0, 1000, -1000]) is exactly [0, 1, 0] in float32: the old log(p) gave NaN gradients
            using var scope = NewDisposeScope();
            var logits = tensor(new float[] { 0, 1000, -1000, 1, 2, 3 }, [2, 3]).requires_grad_(true);
            var target = tensor(new long[] { 0, 2 });

            var loss = TaskLoss.Compute(logits, target, TaskKind.MultiClass, new LossOptions { MultiClass = MultiClassLoss.BceSoftmax });
            loss.backward();

            Assert.True(float.IsFinite(loss.item<float>()));
            Assert.True(logits.grad!.isfinite().all().item<bool>());
            // the second row is unclamped: -(ln p2 + ln(1 - p0) + ln(1 - p1)) / 3 with p = softmax([1, 2, 3]), averaged with row 1
            var p = new[] { Math.Exp(1), Math.Exp(2), Math.Exp(3) }.Select(v => v / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3))).ToArray();
            double row2 = -(Math.Log(p[2]) + Math.Log(1 - p[0]) + Math.Log(1 - p[1])) / 3;
            double row1 = (100 + 100 + 0) / 3.0; // log p0 clamped, log(1 - p1) clamped, log(1 - p2) = 0
            Assert.Equal((row1 + row2) / 2, loss.item<float>(), 3);
        }

        [Fact]
        public void Should_Use_One_Logit_For_Binary_Tasks()
        {
            using var logits = tensor(new float[] { 0, 0 }, [2, 1]);
            using var target = tensor(new long[] { 0, 1 });
            using var loss = TaskLoss.Compute(logits, target, TaskKind.Binary, new LossOptions());
            Assert.Equal(Math.Log(2), loss.item<float>(), 5);
        }
    }
}
