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
        public void Should_Use_One_Logit_For_Binary_Tasks()
        {
            using var logits = tensor(new float[] { 0, 0 }, [2, 1]);
            using var target = tensor(new long[] { 0, 1 });
            using var loss = TaskLoss.Compute(logits, target, TaskKind.Binary, new LossOptions());
            Assert.Equal(Math.Log(2), loss.item<float>(), 5);
        }
    }
}
