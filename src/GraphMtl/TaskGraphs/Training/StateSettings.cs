namespace GraphMtl.TaskGraphs.Training;

/// <summary>Sizes shared by the state networks of one method (from the head options).</summary>
/// <param name="TaskDim">d_task, the task-representation width.</param>
/// <param name="TaskDropout">Dropout in the task GCN.</param>
/// <param name="StateHidden">Hidden widths of the state-input MLPs.</param>
/// <param name="StateDropout">Dropout of the state-input MLPs.</param>
/// <param name="Layers">State GNN layers including the input.</param>
/// <param name="DirectTerm">Whether each stage adds a per-task linear term on g(x) to its logits (<see cref="TaskGraphHeadOptions.DirectTerm"/>).</param>
internal sealed record StateSettings(int TaskDim, double TaskDropout, IReadOnlyList<int> StateHidden, double StateDropout, int Layers, bool DirectTerm = false);
