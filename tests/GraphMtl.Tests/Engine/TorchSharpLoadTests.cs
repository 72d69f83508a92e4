namespace GraphMtl.Tests.Engine;

/// <summary>The engine loads in the test host (the build step made libLibTorchSharp.so loadable) and autograd works.</summary>
public sealed class TorchSharpLoadTests
{
    [Fact]
    public void Should_Load_Native_Library_And_Compute_A_Gradient()
    {
        // Given y = sum(x^2) at x = [1, 2, 3]
        using var x = tensor(new float[] { 1, 2, 3 }).requires_grad_();
        using var y = (x * x).sum();

        // When
        y.backward();

        // Then dy/dx = 2x
        Assert.Equal(new float[] { 2, 4, 6 }, x.grad!.data<float>().ToArray());
    }
}
