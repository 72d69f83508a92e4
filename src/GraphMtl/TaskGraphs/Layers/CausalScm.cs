namespace GraphMtl.TaskGraphs.Layers;

/// <summary>
/// GCNet's neural structural causal model over task marginals (gcnet.md §4.3): for marginals z <c>[B, T, 2]</c> and a
/// dense task adjacency A <c>[T, T]</c>, SCM(z)_j = softmax_c(MLP(Σ_i A[i, j] z_i) + ε_j) with
/// MLP = Linear(2, 4) → ELU → Linear(4, 2) shared over tasks and ε_j a per-task scalar. ε_j is added to both classes,
/// so it cancels in the softmax (defect 6); it is kept, harmlessly, so checkpoints match the reference's parameters.
/// With <c>perClass</c>, ε_j ∈ R² is a per-task intercept per class instead: without it the shared MLP has no per-task
/// offset, so a task's base rate can only come from its column of A (the column sum scales the MLP's input), and A
/// fills whole columns with uniform weights instead of parents.
/// </summary>
internal sealed class CausalScm : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential mlp;
    private readonly Parameter exogenous; // ε [T] or [T, 2]

    /// <summary>Creates the SCM for <paramref name="taskCount"/> tasks; <paramref name="perClass"/> gives ε_j one value per class.</summary>
    public CausalScm(string name, int taskCount, bool perClass = false) : base(name)
    {
        mlp = nn.Sequential(nn.Linear(2, 4), nn.ELU(), nn.Linear(4, 2));
        exogenous = new Parameter(perClass ? zeros(taskCount, 2) : zeros(taskCount));
        RegisterComponents();
    }

    /// <summary>SCM(z) <c>[B, T, 2]</c>.</summary>
    public override Tensor forward(Tensor z, Tensor adjacency)
    {
        var parents = z.transpose(1, 2).matmul(adjacency).transpose(1, 2); // Σ_i A[i, j] z_i → [B, T, 2]
        return (mlp.call(parents) + exogenous.view(1, exogenous.shape[0], -1)).softmax(2);
    }
}
