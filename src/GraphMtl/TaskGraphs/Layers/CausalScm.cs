namespace GraphMtl.TaskGraphs.Layers;

/// <summary>
/// GCNet's neural structural causal model over task marginals (gcnet.md §4.3): for marginals z <c>[B, T, 2]</c> and a
/// dense task adjacency A <c>[T, T]</c>, SCM(z)_j = softmax_c(MLP(Σ_i A[i, j] z_i) + ε_j) with
/// MLP = Linear(2, 4) → ELU → Linear(4, 2) shared over tasks and ε_j a per-task scalar. ε_j is added to both classes,
/// so it cancels in the softmax (defect 6); it is kept, harmlessly, so checkpoints match the reference's parameters.
/// </summary>
internal sealed class CausalScm : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential mlp;
    private readonly Parameter exogenous; // ε [T]

    /// <summary>Creates the SCM for <paramref name="taskCount"/> tasks.</summary>
    public CausalScm(string name, int taskCount) : base(name)
    {
        mlp = nn.Sequential(nn.Linear(2, 4), nn.ELU(), nn.Linear(4, 2));
        exogenous = new Parameter(zeros(taskCount));
        RegisterComponents();
    }

    /// <summary>SCM(z) <c>[B, T, 2]</c>.</summary>
    public override Tensor forward(Tensor z, Tensor adjacency)
    {
        var parents = z.transpose(1, 2).matmul(adjacency).transpose(1, 2); // Σ_i A[i, j] z_i → [B, T, 2]
        return (mlp.call(parents) + exogenous.view(1, -1, 1)).softmax(2);
    }
}
