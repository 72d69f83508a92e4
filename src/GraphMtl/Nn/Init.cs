using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>Parameter initialisers shared by the layers (weights stored <c>[in, out]</c>).</summary>
internal static class Init
{
    /// <summary>U(±1/√fan_in), PyTorch's Linear default for weight and bias.</summary>
    public static Tensor LinearDefault(Tensor t, long fanIn)
    {
        double bound = fanIn > 0 ? 1.0 / Math.Sqrt(fanIn) : 0;
        using var _ = no_grad();
        return t.uniform_(-bound, bound);
    }

    /// <summary>Glorot / Xavier uniform U(±gain·√(6/(fan_in+fan_out))).</summary>
    public static Tensor Glorot(Tensor t, long fanIn, long fanOut, double gain = 1.0)
    {
        double bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
        using var _ = no_grad();
        return t.uniform_(-bound, bound);
    }

    /// <summary>Glorot / Xavier normal N(0, gain²·2/(fan_in+fan_out)) (PyTorch's <c>xavier_normal_</c>).</summary>
    public static Tensor GlorotNormal(Tensor t, long fanIn, long fanOut, double gain = 1.0)
    {
        double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        using var _ = no_grad();
        return t.normal_(0, std);
    }

    /// <summary>A new parameter of the given shape filled by <paramref name="init"/>.</summary>
    public static Parameter Param(long[] shape, Func<Tensor, Tensor> init)
    {
        var t = empty(shape);
        init(t);
        return new Parameter(t);
    }
}
