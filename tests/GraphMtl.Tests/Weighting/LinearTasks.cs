using GraphMtl.Weighting;
using TorchSharp.Modules;

namespace GraphMtl.Tests.Weighting;

/// <summary>
/// Tasks with hand-checkable gradients: a shared vector θ and one scalar head φ_k per task, with
/// L_k = b_k + g_k·θ + φ_k² / 2, so ∇_θ L_k = g_k and ∇_φk L_k = φ_k whatever θ is.
/// </summary>
internal sealed class LinearTasks : IDisposable
{
    private readonly Tensor[] _g;

    public LinearTasks(params double[][] gradients)
    {
        _g = [.. gradients.Select(g => tensor(g.Select(v => (float)v).ToArray()))];
        Theta = new Parameter(zeros(gradients[0].Length));
        Heads = [.. gradients.Select((_, k) => new Parameter(tensor(new float[] { k + 1f })))];
        Offsets = [.. gradients.Select(_ => 1.0)];
    }

    public Parameter Theta { get; }

    public Parameter[] Heads { get; }

    /// <summary>The constants b_k (change them to set the losses' values).</summary>
    public double[] Offsets { get; }

    public IReadOnlyList<string> Tasks => [.. _g.Select((_, k) => $"t{k}")];

    public Tensor[] Losses() =>
        [.. _g.Select((g, k) => Offsets[k] + g.dot(Theta) + Heads[k].pow(2).sum() / 2)];

    public WeightingContext Context(int epoch = 0, IReadOnlyList<double[]>? history = null, bool shared = true) =>
        new(Tasks, epoch, history ?? [], shared ? [Theta] : []);

    public void ZeroGrad()
    {
        foreach (var p in Heads.Append(Theta))
            if (p.grad is { } g) g.zero_();
    }

    public void Dispose()
    {
        foreach (var t in _g) t.Dispose();
        Theta.Dispose();
        foreach (var h in Heads) h.Dispose();
    }

    public static double[] Values(Tensor t) => [.. t.detach().to(float64).cpu().data<double>()];
}
