using GraphMtl.Graphs;

namespace GraphMtl.Data;

/// <summary>A task: kind, classes, labelled nodes per class and split sizes.</summary>
public sealed record TaskSummary(
    string Name,
    string NodeType,
    TaskKind Kind,
    int NumClasses,
    int Labelled,
    int Train,
    int Val,
    int Test,
    IReadOnlyList<int> ClassCounts,
    IReadOnlyList<string>? ClassNames)
{
    /// <summary>Summarises one task.</summary>
    public static TaskSummary Of(NodeTask task) => new(task.Name, task.NodeType, task.Kind, task.NumClasses, task.LabelledCount,
        task.Split.Train.Length, task.Split.Val.Length, task.Split.Test.Length, task.ClassCounts(), task.ClassNames);
}
