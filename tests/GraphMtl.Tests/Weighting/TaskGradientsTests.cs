using GraphMtl.Weighting;
using TorchSharp.Modules;
using static GraphMtl.Tests.Weighting.LinearTasks;

namespace GraphMtl.Tests.Weighting;

public sealed class TaskGradientsTests
{
    public sealed class TheComputeMethod
    {
        [Fact]
        public void Should_Stack_Each_Tasks_Gradient_Of_The_Shared_Parameters()
        {
            // Given ∇_θ L_1 = (1, 0, 2) and ∇_θ L_2 = (−1, 1, 0)
            using var tasks = new LinearTasks([1, 0, 2], [-1, 1, 0]);
            using var scope = NewDisposeScope();

            // When
            var grads = TaskGradients.Compute(tasks.Losses(), [tasks.Theta]);

            // Then the matrix is [K, P] and nothing was accumulated into .grad
            Assert.Equal([2L, 3L], grads.shape);
            Assert.Equal([1.0, 0, 2, -1, 1, 0], Values(grads));
            Assert.Null(tasks.Theta.grad);
        }

        [Fact]
        public void Should_Flatten_Parameters_In_Order_And_Give_Zeros_Where_A_Task_Does_Not_Reach()
        {
            // Given two shared parameters; only the first task reaches the second one
            using var a = new Parameter(tensor(new float[] { 1, 2 }));
            using var b = new Parameter(tensor(new float[] { 3 }));
            using var scope = NewDisposeScope();
            var l1 = a.sum() + b.pow(2).sum(); // ∇a = (1, 1), ∇b = 2b = 6
            var l2 = (a * a).sum();            // ∇a = 2a = (2, 4), ∇b unused

            var grads = TaskGradients.Compute([l1, l2], [a, b]);

            Assert.Equal([1.0, 1, 6, 2, 4, 0], Values(grads));
        }

        [Fact]
        public void Should_Give_A_Zero_Row_For_A_Constant_Loss_And_A_K_By_0_Matrix_Without_Shared_Parameters()
        {
            using var tasks = new LinearTasks([1, 2]);
            using var scope = NewDisposeScope();
            var constant = tensor(0.5f);

            Assert.Equal([1.0, 2, 0, 0], Values(TaskGradients.Compute([tasks.Losses()[0], constant], [tasks.Theta])));
            Assert.Equal([2L, 0L], TaskGradients.Compute([tasks.Losses()[0], constant], []).shape);
        }
    }

    public sealed class TheBackwardMethod
    {
        [Fact]
        public void Should_Write_The_Combined_Gradient_To_Shared_Parameters_And_Ordinary_Gradients_To_Heads()
        {
            // Given heads φ = (1, 2), so ∇_φk Σ L = φ_k
            using var tasks = new LinearTasks([1, 0], [-1, 1]);

            // When a combined gradient (5, 7) is written inside a step's scope
            using (NewDisposeScope())
                TaskGradients.Backward(tasks.Losses(), [tasks.Theta], tensor(new float[] { 5, 7 }));

            // Then θ has it (not Σ g_k = (0, 1)), each head has its own task's gradient, and both outlive the scope
            Assert.Equal([5.0, 7], Values(tasks.Theta.grad!));
            Assert.Equal([1.0], Values(tasks.Heads[0].grad!));
            Assert.Equal([2.0], Values(tasks.Heads[1].grad!));
        }

        [Fact]
        public void Should_Accumulate_Onto_Existing_Gradients_As_Backward_Does()
        {
            using var tasks = new LinearTasks([1, 0], [-1, 1]);
            using (NewDisposeScope()) TaskGradients.Backward(tasks.Losses(), [tasks.Theta], tensor(new float[] { 5, 7 }));
            using (NewDisposeScope()) TaskGradients.Backward(tasks.Losses(), [tasks.Theta], tensor(new float[] { 1, 1 }));

            Assert.Equal([6.0, 8], Values(tasks.Theta.grad!));
            Assert.Equal([2.0], Values(tasks.Heads[0].grad!));
        }

        [Fact]
        public void Should_Reject_A_Combined_Gradient_Of_The_Wrong_Size()
        {
            using var tasks = new LinearTasks([1, 0], [-1, 1]);
            using var scope = NewDisposeScope();

            var e = Assert.Throws<ArgumentException>(() => TaskGradients.Backward(tasks.Losses(), [tasks.Theta], tensor(new float[] { 1 })));
            Assert.Contains("Expected a shared gradient of 2 entries (got 1)", e.Message);
        }
    }
}
