using GraphMtl.Nn;
using static GraphMtl.Tests.Nn.EdgeTestData;

namespace GraphMtl.Tests.Nn;

[Collection(EngineCollection.Name)]
public sealed class MessagePassingTests
{
    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheWeightedSumMethod
    {
        public static TheoryData<int, int, int, bool, bool> Shapes => new()
        {
            // heads (0 = two-dimensional x), width, edges, weighted, weight per head
            { 0, 16, 300, true, false },
            { 0, 16, 300, false, false },
            { 8, 64, 3000, true, true },   // several blocks of edges
            { 4, 8, 500, true, false },    // one weight shared by all heads
            { 4, 8, 500, false, false },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Should_Equal_The_Scatter_Reference_In_Values_And_Gradients(int heads, int width, int edges, bool weighted, bool perHead)
        {
            // Given
            manual_seed(heads + width + edges);
            var (source, target) = RandomEdges(edges, 40, 30, seed: edges);
            using var _s = source;
            using var _t = target;
            var x = (heads == 0 ? randn(40, width) : randn(40, heads, width)).requires_grad_(true);
            var w = !weighted ? null : (perHead ? rand(edges, heads) : rand(edges)).requires_grad_(true);
            var probe = heads == 0 ? randn(30, width) : randn(30, heads, width);
            var inputs = w is null ? new[] { x } : new[] { x, w };

            // When
            var blocked = MessagePassing.WeightedSum(x, source, target, w, MessageKernel.Blocked);
            var blockedGrads = autograd.grad([(blocked * probe).sum()], inputs);
            var reference = MessagePassing.WeightedSum(x, source, target, w, MessageKernel.Scatter);
            var referenceGrads = autograd.grad([(reference * probe).sum()], inputs);

            // Then
            AssertClose(reference, blocked, "output");
            for (int i = 0; i < inputs.Length; i++) AssertClose(referenceGrads[i], blockedGrads[i], $"gradient {i}");
            Assert.Equal(0f, blocked.narrow(0, 27, 3).abs().sum().item<float>()); // targets without edges
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Should_Give_The_Same_Result_With_Blocks_Shared_Among_Worker_Threads(int threads)
        {
            // Given many blocks (width 1024 → 1,024 edges per block, 9 blocks) and an engine thread count
            int saved = get_num_threads();
            try
            {
                set_num_threads(threads);
                manual_seed(21);
                var (source, target) = RandomEdges(9000, 50, 40, seed: 21);
                using var _s = source;
                using var _t = target;
                var x = randn(50, 4, 256).requires_grad_(true);
                var w = rand(9000, 4).requires_grad_(true);
                var probe = randn(40, 4, 256);

                // When
                var blocked = MessagePassing.WeightedSum(x, source, target, w, MessageKernel.Blocked);
                var blockedGrads = autograd.grad([(blocked * probe).sum()], [x, w]);
                var reference = MessagePassing.WeightedSum(x, source, target, w, MessageKernel.Scatter);
                var referenceGrads = autograd.grad([(reference * probe).sum()], [x, w]);

                // Then
                AssertClose(reference, blocked, "output");
                AssertClose(referenceGrads[0], blockedGrads[0], "row gradient");
                AssertClose(referenceGrads[1], blockedGrads[1], "weight gradient");
            }
            finally
            {
                set_num_threads(saved);
            }
        }

        [Fact]
        public void Should_Give_Correct_Second_Order_Gradients()
        {
            // Given a loss whose gradient is itself differentiated (GradNorm-style create_graph)
            manual_seed(11);
            var (source, target) = RandomEdges(200, 20, 15, seed: 11);
            using var _s = source;
            using var _t = target;
            var x = randn(20, 2, 5).requires_grad_(true);
            var w = rand(200, 2).requires_grad_(true);

            double SecondOrder(MessageKernel kernel)
            {
                var y = MessagePassing.WeightedSum(x, source, target, w, kernel);
                var gx = autograd.grad([y.pow(2).sum()], [x], retain_graph: true, create_graph: true)[0];
                var gw = autograd.grad([gx.pow(2).sum()], [w])[0];
                return gw.sum().item<float>();
            }

            // When / Then
            Assert.Equal(SecondOrder(MessageKernel.Scatter), SecondOrder(MessageKernel.Blocked), 3);
        }

        [Fact]
        public void Should_Reject_A_Weight_Per_Edge_Count_Mismatch()
        {
            var (source, target) = RandomEdges(10, 5, 5, seed: 1);
            using var _s = source;
            using var _t = target;

            Assert.Throws<ArgumentException>(() => MessagePassing.WeightedSum(randn(5, 3), source, target, rand(9)));
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheEdgeDotMethod
    {
        [Theory]
        [InlineData(0, 16, 300)]
        [InlineData(8, 64, 2500)]
        public void Should_Equal_The_Scatter_Reference_In_Values_And_Gradients(int heads, int width, int edges)
        {
            manual_seed(edges);
            var (ia, ib) = RandomEdges(edges, 25, 30, seed: edges + 1);
            using var _a = ia;
            using var _b = ib;
            var a = (heads == 0 ? randn(25, width) : randn(25, heads, width)).requires_grad_(true);
            var b = (heads == 0 ? randn(30, width) : randn(30, heads, width)).requires_grad_(true);
            var probe = heads == 0 ? randn(edges) : randn(edges, heads);

            var blocked = MessagePassing.EdgeDot(a, ia, b, ib);
            var blockedGrads = autograd.grad([(blocked * probe).sum()], [a, b]);
            var reference = MessagePassing.EdgeDot(a, ia, b, ib, MessageKernel.Scatter);
            var referenceGrads = autograd.grad([(reference * probe).sum()], [a, b]);

            AssertClose(reference, blocked, "output");
            AssertClose(referenceGrads[0], blockedGrads[0], "gradient of a");
            AssertClose(referenceGrads[1], blockedGrads[1], "gradient of b");
        }
    }
}
