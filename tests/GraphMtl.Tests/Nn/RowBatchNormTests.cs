using GraphMtl.Nn;

namespace GraphMtl.Tests.Nn;

[Collection(EngineCollection.Name)]
public sealed class RowBatchNormTests
{
    [Fact]
    public void Should_Match_TorchSharps_BatchNorm1d_In_Training_And_Evaluation()
    {
        // Given our batch norm and TorchSharp's with the same affine parameters
        manual_seed(0);
        using var ours = new RowBatchNorm(5);
        using var reference = nn.BatchNorm1d(5);
        using (no_grad())
        {
            ours.get_parameter("weight")!.copy_(rand(5) + 0.5);
            ours.get_parameter("bias")!.copy_(randn(5));
            reference.weight!.copy_(ours.get_parameter("weight")!);
            reference.bias!.copy_(ours.get_parameter("bias")!);
        }

        // When both normalise three training batches and then one batch in evaluation mode
        for (int step = 0; step < 3; step++)
        {
            var x = randn(8, 5) * 3 + 1;
            AssertClose(reference.call(x), ours.call(x));
        }
        ours.eval();
        reference.eval();
        var test = randn(4, 5);

        // Then outputs, running statistics and the batch count agree, and so do the state-dict names
        AssertClose(reference.call(test), ours.call(test));
        var ourState = ours.state_dict();
        var referenceState = reference.state_dict();
        Assert.Equal(referenceState.Keys.OrderBy(k => k), ourState.Keys.OrderBy(k => k));
        foreach (var key in referenceState.Keys) AssertClose(referenceState[key].to_type(float64), ourState[key].to_type(float64));
        Assert.Equal(3L, ourState["num_batches_tracked"].item<long>());
    }

    [Fact]
    public void Should_Pass_Gradients_To_Its_Input_And_Parameters()
    {
        using var norm = new RowBatchNorm(3);
        var x = randn(6, 3, requires_grad: true);
        (norm.call(x) * arange(3)).sum().backward();
        Assert.NotNull(x.grad);
        Assert.True(norm.parameters().All(p => p.grad is not null && p.grad.abs().sum().item<float>() > 0));
    }

    private static void AssertClose(Tensor expected, Tensor actual) =>
        Assert.True(allclose(expected, actual, rtol: 1e-5, atol: 1e-6), $"max difference {(expected - actual).abs().max().to_type(float64).item<double>()}");
}
