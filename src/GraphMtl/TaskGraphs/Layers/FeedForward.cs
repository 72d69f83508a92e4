namespace GraphMtl.TaskGraphs.Layers;

/// <summary>
/// An MLP on the last dimension of any-rank input: hidden layers Linear → [BatchNorm] → ReLU → [Dropout], then a final
/// Linear. gcnet.md's "MLP[a, b]" is <c>hidden = [a, b]</c> with BatchNorm and dropout 0.1; its readouts
/// "MLP(a → b → c → 1)" are hidden = [b, c] without BatchNorm. Leading dimensions are flattened (BatchNorm statistics
/// run over all rows) and restored.
/// </summary>
internal sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <summary>Creates the MLP <paramref name="inDim"/> → <paramref name="hidden"/>… → <paramref name="outDim"/>.</summary>
    public FeedForward(string name, int inDim, IReadOnlyList<int> hidden, int outDim, bool batchNorm, double dropout) : base(name)
    {
        var modules = new List<nn.Module<Tensor, Tensor>>();
        int width = inDim;
        foreach (int h in hidden)
        {
            modules.Add(nn.Linear(width, h));
            if (batchNorm) modules.Add(new Nn.RowBatchNorm(h));
            modules.Add(nn.ReLU());
            if (dropout > 0) modules.Add(nn.Dropout(dropout));
            width = h;
        }
        modules.Add(nn.Linear(width, outDim));
        net = nn.Sequential(modules);
        OutDim = outDim;
        RegisterComponents();
    }

    /// <summary>Output width.</summary>
    public int OutDim { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor x)
    {
        if (x.dim() == 2) return net.call(x);
        var shape = x.shape;
        var y = net.call(x.reshape(-1, shape[^1]));
        var outShape = shape.ToArray();
        outShape[^1] = OutDim;
        return y.view(outShape);
    }
}
