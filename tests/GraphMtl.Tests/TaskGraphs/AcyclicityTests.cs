using GraphMtl.TaskGraphs;

namespace GraphMtl.Tests.TaskGraphs;

public sealed class AcyclicityTests
{
    public sealed class TheHMethod
    {
        [Fact]
        public void Should_Be_Zero_On_A_Dag()
        {
            // Given a weighted DAG 0 → 1 → 2, 0 → 2
            using var a = tensor(new float[] { 0, 1.5f, 0.7f, 0, 0, 2, 0, 0, 0 }, [3, 3]);

            Assert.Equal(0, Acyclicity.H(a).item<float>(), 5);
            Assert.Equal(0, Acyclicity.Penalty(a).item<float>(), 4);
        }

        [Fact]
        public void Should_Be_Positive_On_A_Cycle()
        {
            // Given the same graph with 2 → 0 closing a cycle
            using var a = tensor(new float[] { 0, 1.5f, 0.7f, 0, 0, 2, 0.5f, 0, 0 }, [3, 3]);

            var h = Acyclicity.H(a).item<float>();

            Assert.True(h > 1e-3, $"h = {h}");
            Assert.True(Acyclicity.Penalty(a).item<float>() > 100 * h * 0.999);
        }

        [Fact]
        public void Should_Equal_The_Closed_Form_Of_A_Two_Cycle()
        {
            // Given A = [[0, a], [b, 0]], T = 2: tr[(I + N)²] − 2 = tr N² = a²b²/2 with N = A∘A/2
            using var a = tensor(new float[] { 0, 1, 2, 0 }, [2, 2]);

            Assert.Equal(2.0, Acyclicity.H(a).item<float>(), 5);
        }

        [Fact]
        public void Should_Be_Positive_On_A_Self_Loop_And_Differentiable()
        {
            using var a = tensor(new float[] { 0.5f, 1, 0, 0 }, [2, 2]).requires_grad_();

            var h = Acyclicity.H(a);
            h.backward();

            Assert.True(h.item<float>() > 0);
            Assert.True(a.grad!.abs().sum().item<float>() > 0);
        }
    }
}
