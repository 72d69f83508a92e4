using GraphMtl.Configuration;
using GraphMtl.Data.MultiLabel;

namespace GraphMtl.TaskGraphs;

/// <summary>Where the heuristic task-relation graph comes from.</summary>
public enum TaskGraphSource
{
    /// <summary>The dataset's own heuristic graph when it has one (the synthetic DAG benchmark), else built from labels.</summary>
    Auto,
    /// <summary>The graph shipped with the dataset (an error when there is none).</summary>
    Dataset,
    /// <summary>A weighted edge-list file (<see cref="TaskGraphSourceOptions.Path"/>).</summary>
    File,
    /// <summary>Built from the training split's labels (phi or Jaccard, threshold or top-k).</summary>
    Labels,
    /// <summary>Every pair of tasks (the fully connected graph).</summary>
    Full,
}

/// <summary>
/// The task-relation graph given to SGNN, SGNN-EBM and GCNet (config section <c>head.task_graph</c>). Labels-built
/// graphs read only the training rows of each run, so they are rebuilt per run.
/// </summary>
public sealed record TaskGraphSourceOptions : IValidatableOptions
{
    /// <summary>The source.</summary>
    public TaskGraphSource Source { get; init; } = TaskGraphSource.Auto;

    /// <summary><c>file</c>: the edge list (relative to the data root): <c>source target [weight]</c> per line, names or 0-based indices.</summary>
    public string? Path { get; init; }

    /// <summary><c>file</c>: read each line as one directed edge (default: undirected, both directions).</summary>
    public bool Directed { get; init; }

    /// <summary><c>labels</c>: the pair statistic.</summary>
    public LabelMeasure Measure { get; init; } = LabelMeasure.Phi;

    /// <summary><c>labels</c>: keep pairs with |statistic| ≥ this (ignored when <see cref="TopK"/> &gt; 0).</summary>
    public double Threshold { get; init; } = 0.2;

    /// <summary><c>labels</c>: keep each task's k strongest pairs instead of thresholding (0: threshold).</summary>
    public int TopK { get; init; }

    /// <summary><c>labels</c>: pairs need at least this many training examples labelled on both tasks.</summary>
    public int MinCoLabelled { get; init; } = 30;

    /// <summary>A short description of the rule, for reports.</summary>
    public string Describe() => Source switch
    {
        TaskGraphSource.File => $"file {Path}",
        TaskGraphSource.Labels => $"training labels: |{Measure.ToString().ToLowerInvariant()}| {(TopK > 0 ? $"top-{TopK} per task" : $"≥ {Threshold}")}, ≥ {MinCoLabelled} co-labelled",
        TaskGraphSource.Full => "all task pairs",
        _ => Source.ToString().ToLowerInvariant(),
    };

    /// <summary>The graph for a run whose training rows are <paramref name="trainRows"/>; unweighted edges keep their weights for reports.</summary>
    public TaskGraph Build(MultiLabelDataset data, IReadOnlyList<int> trainRows)
    {
        switch (Source)
        {
            case TaskGraphSource.Dataset:
            case TaskGraphSource.Auto when data.Structure?.Heuristic is not null:
                return data.Structure?.Heuristic ?? throw new GraphMtlException($"head.task_graph.source: the dataset {data.Name} ships no task graph; use labels or file");
            case TaskGraphSource.File:
                return TaskGraph.ReadEdgeList(Path!, data.TaskNames, Directed);
            case TaskGraphSource.Full:
                return TaskGraph.Undirected(data.TaskCount, Enumerable.Range(0, data.TaskCount).SelectMany(a => Enumerable.Range(a + 1, data.TaskCount - a - 1).Select(b => (a, b, 1f))));
            default:
                return LabelCorrelationGraph.Build(data.Labels, data.TaskCount, trainRows, Measure, Threshold, TopK, MinCoLabelled);
        }
    }

    /// <inheritdoc/>
    public IEnumerable<(string Property, string Message)> Validate()
    {
        if (Source == TaskGraphSource.File && string.IsNullOrWhiteSpace(Path)) yield return (nameof(Path), "expected an edge-list file for source: file (got none)");
        if (!(Threshold >= 0)) yield return (nameof(Threshold), $"expected a non-negative threshold (got {Threshold})");
        if (TopK < 0) yield return (nameof(TopK), $"expected 0 (threshold) or a positive k (got {TopK})");
        if (MinCoLabelled < 0) yield return (nameof(MinCoLabelled), $"expected a non-negative count (got {MinCoLabelled})");
    }
}
