using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using GraphMtl.Weighting;

namespace GraphMtl.Testing;

/// <summary>
/// A two-task regression toy for weighting tests: a shared tanh layer (4 → 8) and one linear head per task (8 → 1) on
/// 32 fixed inputs; the targets of the two tasks pull the shared layer in partly opposite directions. Initial values
/// come from a managed <see cref="Random"/>, so the toy never touches the engine's global generator.
/// </summary>
public sealed class TwoTaskToy : IDisposable
{
    private readonly Tensor _x;       // [32, 4]
    private readonly Tensor[] _y;     // [32, 1] per task
    private readonly Parameter _w, _b; // shared: [4, 8], [8]
    private readonly Parameter[] _v, _c; // per task: [8, 1], [1]

    /// <summary>Builds the toy from <paramref name="seed"/>.</summary>
    public TwoTaskToy(int seed = 1)
    {
        var rng = new Random(seed);
        Tensor Values(params long[] shape) =>
            tensor(Enumerable.Range(0, (int)shape.Aggregate(1L, (a, b) => a * b)).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray(), shape);
        _x = Values(32, 4);
        using var u = Values(4, 1);
        using var d = Values(4, 1);
        _y = [_x.matmul(u).tanh() * 2, (_x.matmul(d) - _x.matmul(u)).tanh() * 2];
        _w = new Parameter(Values(4, 8) * 0.5);
        _b = new Parameter(zeros(8));
        _v = [new Parameter(Values(8, 1) * 0.5), new Parameter(Values(8, 1) * 0.5)];
        _c = [new Parameter(zeros(1)), new Parameter(zeros(1))];
    }

    /// <summary>Task names.</summary>
    public IReadOnlyList<string> Tasks { get; } = ["a", "b"];

    /// <summary>The shared layer's parameters.</summary>
    public IReadOnlyList<Parameter> Shared => [_w, _b];

    /// <summary>Task <paramref name="k"/>'s head parameters.</summary>
    public IReadOnlyList<Parameter> Head(int k) => [_v[k], _c[k]];

    /// <summary>Every model parameter.</summary>
    public IReadOnlyList<Parameter> Parameters => [_w, _b, .. Head(0), .. Head(1)];

    /// <summary>Mean squared error per task (scalars, task order).</summary>
    public Tensor[] Losses()
    {
        var h = _x.matmul(_w).add(_b).tanh();
        return [.. Enumerable.Range(0, 2).Select(k => (h.matmul(_v[k]) + _c[k] - _y[k]).pow(2).mean())];
    }

    /// <summary>
    /// Trains as the trainer does, one step per epoch (full batch): a dispose scope per step, <c>zero_grad</c>,
    /// <paramref name="weighting"/>'s backward, an AdamW step over the model and the weighting's extra parameters.
    /// Returns the per-task losses of every step, and the live-tensor count before the second step and after the last
    /// (the first step creates the optimiser's state).
    /// </summary>
    public (List<double[]> Losses, long LiveBefore, long LiveAfter) Train(ILossWeighting weighting, int steps, double lr = 0.02)
    {
        var parameters = Parameters.Concat(weighting.ExtraParameters()).ToList();
        using var optimizer = optim.AdamW(parameters, lr: lr, weight_decay: 0);
        var history = new List<double[]>();
        long liveBefore = 0;
        for (int step = 0; step < steps; step++)
        {
            if (step == 1) liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var losses = Losses();
            weighting.Backward(losses, new WeightingContext(Tasks, step, [.. history], Shared));
            optimizer.step();
            history.Add([.. losses.Select(l => (double)l.item<float>())]);
        }
        return (history, liveBefore, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _x.Dispose();
        foreach (var t in _y) t.Dispose();
        foreach (var p in Parameters) p.Dispose();
    }
}
