namespace GraphMtl.TaskGraphs;

/// <summary>
/// Task-relation structure that comes with a dataset: the true directed task DAG (known only for generated data) and
/// the heuristic task graph a method is given (with spurious and missing edges). Attached to a
/// <see cref="Data.MultiLabel.MultiLabelDataset"/> by the synthetic DAG generator.
/// </summary>
/// <param name="TrueDag">The true directed edges parent → child (null when unknown).</param>
/// <param name="Heuristic">The undirected heuristic graph given to graph multi-task methods (null: build one from labels).</param>
/// <param name="Description">How the structure was made, for reports.</param>
public sealed record TaskStructure(TaskGraph? TrueDag, TaskGraph? Heuristic, string Description);
