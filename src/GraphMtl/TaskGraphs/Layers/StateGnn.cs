namespace GraphMtl.TaskGraphs.Layers;

/// <summary>How node states receive messages in a <see cref="StateGnn"/> layer.</summary>
internal enum StateMessages
{
    /// <summary>
    /// SGNN-EBM (gcnet.md §3.1): from the incident pair states, x_i'(c) = Lin_n(x_i(c) + ½[Σ_{e=(·,i)} x̄_e(c) + Σ_{e=(i,·)} x̄_e(c)])
    /// with x̄_e(c) = Σ_{c'} x_e(c, c'); pair states are updated from the layer's <b>input</b> node states.
    /// </summary>
    PairStates,
    /// <summary>
    /// GCNet (gcnet.md §4.1, §4.2): from the neighbours' node states weighted per edge, x_i'(c) = Lin(x_i(c) + Σ_{e=(i,j)} w_e x_j(c));
    /// pair states (when present) are updated from the layer's <b>updated</b> node states.
    /// </summary>
    Weighted,
}

/// <summary>
/// The state GNN of SGNN-EBM and GCNet over per-(example, task) node states <c>[B, T, 2, d]</c> (one d-vector per task
/// and label value) and optionally per-(example, edge) pair states <c>[B, M, 4, d]</c> (one per label pair 2c + c').
/// <c>layers</c> counts the input, so there are layers − 1 message-passing layers; ReLU on node states between layers
/// (not after the last), none on pair states, dropout 0. The readout input concatenates every layer's states:
/// <c>[B, T, 2, layers·d]</c> and <c>[B, M, 4, layers·d]</c>.
/// </summary>
/// <remarks>
/// Pair update in both modes: x_e'(c, c') = Lin_e(x_e(c, c') + Lin_m(x_i(c) + x_j(c'))) for e = (i, j), computed as
/// W_m x_i(c) + W_m x_j(c') + b_m (one matmul on node states, two gathers). The linear maps are shared over label values.
/// </remarks>
internal sealed class StateGnn : nn.Module
{
    private readonly ModuleList<Linear> node, edge, message;
    private readonly StateMessages _mode;

    /// <summary>Creates the GNN on states of width <paramref name="dim"/>; <paramref name="pairStates"/> adds pair states.</summary>
    public StateGnn(string name, int dim, int layers, StateMessages mode, bool pairStates) : base(name)
    {
        if (layers < 1) throw new ArgumentOutOfRangeException(nameof(layers), layers, "expected at least the input layer");
        if (mode == StateMessages.PairStates && !pairStates) throw new ArgumentException("pair-state messages need pair states", nameof(pairStates));
        _mode = mode;
        node = nn.ModuleList(Enumerable.Range(0, layers - 1).Select(_ => nn.Linear(dim, dim)).ToArray());
        edge = nn.ModuleList(pairStates ? Enumerable.Range(0, layers - 1).Select(_ => nn.Linear(dim, dim)).ToArray() : []);
        message = nn.ModuleList(pairStates ? Enumerable.Range(0, layers - 1).Select(_ => nn.Linear(dim, dim)).ToArray() : []);
        HasPairStates = pairStates;
        RegisterComponents();
    }

    /// <summary>True when the GNN carries pair states.</summary>
    public bool HasPairStates { get; }

    /// <summary>
    /// Runs the layers. <paramref name="weight"/> <c>[M]</c> weighs the messages in <see cref="StateMessages.Weighted"/>
    /// mode. With <paramref name="stacked"/> false every layer reads the input node states instead of the previous
    /// layer's (the reference's trivial branch, gcnet.md defect 7). Returns the concatenated node and pair states.
    /// </summary>
    public (Tensor Nodes, Tensor? Pairs) Forward(Tensor x, Tensor? pairs, Tensor source, Tensor target, Tensor? weight = null, bool stacked = true)
    {
        var nodes = new List<Tensor> { x };
        var edgeStates = new List<Tensor>();
        if (HasPairStates) edgeStates.Add(pairs ?? throw new ArgumentNullException(nameof(pairs)));
        var h = x;
        var e = pairs;
        int layers = node.Count;
        for (int l = 0; l < layers; l++)
        {
            var input = stacked ? h : x;
            Tensor updated;
            if (_mode == StateMessages.PairStates)
            {
                var summed = e!.view(e.shape[0], e.shape[1], 2, 2, e.shape[3]).sum(3); // x̄_e(c) [B, M, 2, d]
                var aggregate = zeros_like(input).index_add(1, target, summed, 1).index_add(1, source, summed, 1);
                updated = node[l].call(input + 0.5 * aggregate);
                e = edge[l].call(e + PairMessage(message[l], input, source, target));
            }
            else
            {
                var neighbours = input.index_select(1, target);                          // x_j(c) [B, M, 2, d]
                if (weight is not null) neighbours = neighbours * weight.view(1, -1, 1, 1);
                updated = node[l].call(input + zeros_like(input).index_add(1, source, neighbours, 1));
                if (HasPairStates) e = edge[l].call(e! + PairMessage(message[l], updated, source, target));
            }
            h = l < layers - 1 ? nn.functional.relu(updated) : updated;
            nodes.Add(h);
            if (HasPairStates) edgeStates.Add(e!);
        }
        return (cat(nodes, 3), HasPairStates ? cat(edgeStates, 3) : null);
    }

    // Lin_m(x_i(c) + x_j(c')) for every edge and label pair: [B, M, 4, d].
    private static Tensor PairMessage(Linear linear, Tensor x, Tensor source, Tensor target)
    {
        var projected = nn.functional.linear(x, linear.weight!); // [B, T, 2, d]
        var a = projected.index_select(1, source).unsqueeze(3);   // [B, M, 2, 1, d]
        var b = projected.index_select(1, target).unsqueeze(2);   // [B, M, 1, 2, d]
        var sum = a + b + linear.bias!;
        return sum.view(sum.shape[0], sum.shape[1], 4, sum.shape[4]);
    }
}
