namespace GraphMtl.MultiTask.Gates;

/// <summary>
/// A gate network (MMoE, Ma et al., KDD 2018): <c>softmax(W₂ ReLU(W₁ x + b₁))</c> over <c>experts</c> choices,
/// optionally separately for each of <c>groups</c> relations (InLINE: output reshaped to <c>[N, R, K]</c> and
/// normalised over K per relation).
/// </summary>
public sealed class SoftmaxGate : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> hidden;
    private readonly nn.Module<Tensor, Tensor> output;
    private readonly int _experts;
    private readonly int _groups;

    /// <summary>Creates the gate; <paramref name="initStd"/> &gt; 0 draws the first layer's weights from N(0, std²) so gates start near uniform.</summary>
    public SoftmaxGate(string name, int inDim, int hiddenDim, int experts, int groups = 1, bool outputBias = true, double initStd = 0) : base(name)
    {
        var first = nn.Linear(inDim, hiddenDim);
        if (initStd > 0)
            using (no_grad()) first.weight!.normal_(0, initStd);
        hidden = first;
        output = nn.Linear(hiddenDim, experts * groups, hasBias: outputBias);
        _experts = experts;
        _groups = groups;
        RegisterComponents();
    }

    /// <summary>Weights <c>[N, E]</c> (one group) or <c>[N, R, E]</c>, each row summing to one over experts.</summary>
    public override Tensor forward(Tensor x)
    {
        var logits = output.call(nn.functional.relu(hidden.call(x)));
        return _groups == 1
            ? nn.functional.softmax(logits, 1)
            : nn.functional.softmax(logits.view(-1, _groups, _experts), 2);
    }
}
