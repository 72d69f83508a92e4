namespace GraphMtl.MultiTask.Gates;

/// <summary>
/// A gate network (MMoE, Ma et al., KDD 2018): <c>softmax(W₂ ReLU(W₁ x + b₁) + b₂)</c> over <c>experts</c> choices.
/// With <c>groups</c> (InLINE's structure-aware gate, one group per relation) the output is reshaped to
/// <c>[N, groups, experts]</c> and normalised over the experts separately for each group.
/// </summary>
public sealed class SoftmaxGate : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> hidden;
    private readonly nn.Module<Tensor, Tensor> output;
    private readonly int _experts;
    private readonly int _groups;

    /// <summary>
    /// Creates the gate. <paramref name="groups"/> = 0 gives weights <c>[N, E]</c>; a positive count gives
    /// <c>[N, groups, E]</c>. <paramref name="initStd"/> &gt; 0 draws the first layer's weights from N(0, std²), so the
    /// gate starts near uniform (InLINE: 1e-4); otherwise both layers use PyTorch's Linear default.
    /// </summary>
    public SoftmaxGate(string name, int inDim, int hiddenDim, int experts, int groups = 0, bool outputBias = true, double initStd = 0) : base(name)
    {
        if (experts < 1) throw new ArgumentOutOfRangeException(nameof(experts), $"Expected at least one expert (got {experts}).");
        if (groups < 0) throw new ArgumentOutOfRangeException(nameof(groups), $"Expected 0 (no groups) or a positive group count (got {groups}).");
        var first = nn.Linear(inDim, hiddenDim);
        if (initStd > 0)
            using (no_grad()) first.weight!.normal_(0, initStd);
        hidden = first;
        output = nn.Linear(hiddenDim, experts * Math.Max(1, groups), hasBias: outputBias);
        _experts = experts;
        _groups = groups;
        RegisterComponents();
    }

    /// <summary>Number of experts the gate weighs.</summary>
    public int Experts => _experts;

    /// <summary>Number of groups (0 = ungrouped).</summary>
    public int Groups => _groups;

    /// <summary>Weights <c>[N, E]</c>, or <c>[N, groups, E]</c>, each row summing to one over the experts.</summary>
    public override Tensor forward(Tensor x)
    {
        var logits = output.call(nn.functional.relu(hidden.call(x)));
        return _groups == 0
            ? nn.functional.softmax(logits, 1)
            : nn.functional.softmax(logits.view(-1, _groups, _experts), 2);
    }

    /// <inheritdoc/>
    public override string ToString() => $"SoftmaxGate({_experts} experts{(_groups > 0 ? $" × {_groups} groups" : "")})";
}
