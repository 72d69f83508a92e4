using GraphMtl.Graphs;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>
/// Vectorised aggregation of per-edge rows into destination rows (<c>index_add</c>; TorchSharp 0.107 has no
/// <c>scatter_reduce</c>). Mean divides by the in-degree clamped to ≥ 1, so a node without incoming edges gets zeros.
/// </summary>
public static class Scatter
{
    /// <summary>Σ of <paramref name="src"/> rows per destination: <c>[E, *] → [dimSize, *]</c>.</summary>
    public static Tensor Sum(Tensor src, Tensor index, long dimSize)
    {
        var shape = src.shape.ToArray();
        shape[0] = dimSize;
        return zeros(shape, dtype: src.dtype, device: src.device).index_add_(0, index, src, 1);
    }

    /// <summary>Mean of <paramref name="src"/> rows per destination; rows without edges are zero.</summary>
    public static Tensor Mean(Tensor src, Tensor index, long dimSize)
    {
        using var scope = NewDisposeScope();
        var deg = Degree(index, dimSize, src.dtype).clamp_min(1);
        var sum = Sum(src, index, dimSize);
        var view = new long[src.dim()];
        Array.Fill(view, 1L);
        view[0] = dimSize;
        return (sum / deg.view(view)).MoveToOuterDisposeScope();
    }

    /// <summary>Number of entries per destination, as <paramref name="dtype"/>: <c>[dimSize]</c>.</summary>
    public static Tensor Degree(Tensor index, long dimSize, ScalarType dtype = ScalarType.Float32) =>
        bincount(index, minlength: dimSize).to(dtype);
}
