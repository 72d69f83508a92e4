using GraphMtl.Nn;
using static GraphMtl.Tests.Nn.EdgeTestData;

namespace GraphMtl.Tests.Nn;

[Collection(EngineCollection.Name)]
public sealed class EdgeAttentionTests
{
    /// <summary>The two-step reference: edge softmax, then the scatter weighted sum (ordinary autograd).</summary>
    private static Tensor TwoStep(Tensor logits, Tensor x, EdgeGroups source, EdgeGroups target, SoftmaxShift shift) =>
        MessagePassing.WeightedSum(x, source, target, EdgeSoftmax.Softmax(logits, target, shift), MessageKernel.Scatter);

    [Theory]
    [InlineData(8, 8, 3000, SoftmaxShift.Auto)]
    [InlineData(1, 16, 300, SoftmaxShift.GroupMax)]
    [InlineData(4, 4, 500, SoftmaxShift.GlobalMax)]
    public void Should_Equal_Softmax_Then_Weighted_Sum_In_Values_And_Gradients(int heads, int width, int edges, SoftmaxShift shift)
    {
        // Given
        manual_seed(heads * 100 + edges);
        var (source, target) = RandomEdges(edges, 40, 30, seed: edges);
        using var _s = source;
        using var _t = target;
        var logits = (3 * randn(edges, heads)).requires_grad_(true);
        var x = randn(40, heads, width).requires_grad_(true);
        var probe = randn(30, heads, width);

        // When
        var fused = EdgeAttention.Aggregate(logits, x, source, target, shift);
        var fusedGrads = autograd.grad([(fused * probe).sum()], [logits, x]);
        var reference = TwoStep(logits, x, source, target, shift);
        var referenceGrads = autograd.grad([(reference * probe).sum()], [logits, x]);

        // Then
        AssertClose(reference, fused, "output");
        AssertClose(referenceGrads[0], fusedGrads[0], "logit gradient");
        AssertClose(referenceGrads[1], fusedGrads[1], "row gradient");
        Assert.Equal(0f, fused.narrow(0, 27, 3).abs().sum().item<float>()); // targets without edges: zeros, not NaN
    }

    [Fact]
    public void Should_Stay_Finite_With_Huge_Logits()
    {
        // Given logits whose groups lie far apart (the global shift underflows for some groups)
        manual_seed(5);
        var (source, target) = RandomEdges(400, 20, 15, seed: 5);
        using var _s = source;
        using var _t = target;
        var logits = (randn(400, 2) * 1e4).requires_grad_(true);
        var x = randn(20, 2, 3).requires_grad_(true);

        // When
        var output = EdgeAttention.Aggregate(logits, x, source, target);
        var grads = autograd.grad([output.sum()], [logits, x]);

        // Then
        Assert.True(output.isfinite().all().item<bool>());
        Assert.True(grads[0].isfinite().all().item<bool>() && grads[1].isfinite().all().item<bool>());
        AssertClose(TwoStep(logits, x, source, target, SoftmaxShift.GroupMax), output, "output");
    }

    [Fact]
    public void Should_Give_Correct_Second_Order_Gradients()
    {
        // Given a loss whose gradient is itself differentiated (GradNorm-style create_graph)
        manual_seed(11);
        var (source, target) = RandomEdges(200, 20, 15, seed: 11);
        using var _s = source;
        using var _t = target;
        var logits = randn(200, 2).requires_grad_(true);
        var x = randn(20, 2, 5).requires_grad_(true);

        double SecondOrder(Func<Tensor> forward)
        {
            var y = forward();
            var gx = autograd.grad([y.pow(2).sum()], [x], retain_graph: true, create_graph: true)[0];
            var gl = autograd.grad([gx.pow(2).sum()], [logits])[0];
            return gl.abs().sum().item<float>();
        }

        // When / Then
        double expected = SecondOrder(() => TwoStep(logits, x, source, target, SoftmaxShift.Auto));
        double actual = SecondOrder(() => EdgeAttention.Aggregate(logits, x, source, target));
        Assert.Equal(expected, actual, 3);
    }

    [Fact]
    public void Should_Give_Zeros_Without_Edges_And_Reject_Mismatched_Shapes()
    {
        using var empty = new EdgeGroups(zeros(0, dtype: int64), 4);
        using var emptyTarget = new EdgeGroups(zeros(0, dtype: int64), 3);
        Assert.Equal(0f, EdgeAttention.Aggregate(zeros(0, 2), randn(4, 2, 3), empty, emptyTarget).abs().sum().item<float>());

        var (source, target) = RandomEdges(10, 5, 6, seed: 1);
        using var _s = source;
        using var _t = target;
        Assert.Throws<ArgumentException>(() => EdgeAttention.Aggregate(randn(9, 2), randn(5, 2, 3), source, target));
        Assert.Throws<ArgumentException>(() => EdgeAttention.Aggregate(randn(10, 3), randn(5, 2, 3), source, target));
    }
}
