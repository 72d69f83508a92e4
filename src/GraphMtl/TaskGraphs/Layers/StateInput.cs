namespace GraphMtl.TaskGraphs.Layers;

/// <summary>
/// The state inputs of SGNN-EBM and GCNet (gcnet.md §2.4): per (example, task) node states
/// h_i(c) = MLP([g(x) ‖ r_i]) → <c>[B, T, 2, d]</c>, or per (example, edge) pair states
/// h_e(c, c') = MLP([g(x) ‖ r_i ‖ r_j]) → <c>[B, M, 4, d]</c>, with MLP = hidden layers Linear → BN → ReLU → dropout and
/// a final Linear to (states × d).
/// </summary>
/// <remarks>
/// The first Linear acts on a concatenation, so it is computed as W_g g(x) (per example) + W_a r_i (+ W_b r_j) (per
/// task or edge), broadcast to <c>[B, K, H]</c>: the same function without materialising the B × K concatenated rows.
/// </remarks>
internal sealed class StateInput : nn.Module<Tensor, Tensor, Tensor?, Tensor?, Tensor>
{
    private readonly Linear example, first;
    private readonly Linear? second;
    private readonly Sequential rest;
    private readonly bool _pair;
    private readonly int _states, _dim;

    /// <summary>Creates the input MLP for examples of width <paramref name="exampleDim"/> and task representations of width <paramref name="taskDim"/>.</summary>
    public StateInput(string name, int exampleDim, int taskDim, bool pair, IReadOnlyList<int> hidden, int stateDim, double dropout) : base(name)
    {
        _pair = pair;
        _states = pair ? 4 : 2;
        _dim = stateDim;
        int h1 = hidden.Count > 0 ? hidden[0] : _states * stateDim;
        int inDim = exampleDim + taskDim * (pair ? 2 : 1);
        example = nn.Linear(exampleDim, h1);
        first = nn.Linear(taskDim, h1, hasBias: false);
        second = pair ? nn.Linear(taskDim, h1, hasBias: false) : null;
        // PyTorch's default init of one Linear(inDim, h1) over the concatenation: U(±1/√inDim) for all parts.
        double bound = 1.0 / Math.Sqrt(inDim);
        using (no_grad())
        {
            example.weight!.uniform_(-bound, bound);
            example.bias!.uniform_(-bound, bound);
            first.weight!.uniform_(-bound, bound);
            second?.weight!.uniform_(-bound, bound);
        }
        var modules = new List<nn.Module<Tensor, Tensor>>();
        if (hidden.Count > 0)
        {
            int width = h1;
            for (int l = 0; l < hidden.Count; l++)
            {
                if (l > 0) modules.Add(nn.Linear(width, hidden[l]));
                width = hidden[l];
                modules.Add(new Nn.RowBatchNorm(width));
                modules.Add(nn.ReLU());
                if (dropout > 0) modules.Add(nn.Dropout(dropout));
            }
            modules.Add(nn.Linear(width, _states * stateDim));
        }
        else modules.Add(nn.Identity());
        rest = nn.Sequential(modules);
        RegisterComponents();
    }

    /// <summary>
    /// States <c>[B, K, states, d]</c> for examples <paramref name="g"/> <c>[B, G]</c> and task representations
    /// <paramref name="tasks"/> <c>[T, R]</c>: K = T node states, or K = M pair states for edges
    /// (<paramref name="source"/>, <paramref name="target"/>).
    /// </summary>
    public override Tensor forward(Tensor g, Tensor tasks, Tensor? source, Tensor? target)
    {
        var perTask = _pair
            ? first.call(tasks).index_select(0, source!) + second!.call(tasks).index_select(0, target!) // [M, H]
            : first.call(tasks);                                                                      // [T, H]
        var h = example.call(g).unsqueeze(1) + perTask.unsqueeze(0); // [B, K, H]
        long b = h.shape[0], k = h.shape[1];
        return rest.call(h.reshape(b * k, h.shape[2])).view(b, k, _states, _dim);
    }
}
