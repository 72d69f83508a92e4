using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.MultiTask;

namespace GraphMtl.Training;

/// <summary>Full-batch node-level tasks on one graph: one optimisation step per epoch over every task's training nodes.</summary>
public sealed class NodeTaskProblem(MultiTaskModel model, GraphTensors graph, LossOptions loss) : ITrainingProblem
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Tasks { get; } = model.Tasks.Select(t => t.Name).ToList();

    /// <inheritdoc/>
    public nn.Module Module => model;

    /// <summary>The model.</summary>
    public MultiTaskModel Model => model;

    /// <inheritdoc/>
    public IEnumerable<Parameter> SharedParameters() => model.SharedParameters();

    /// <inheritdoc/>
    public IEnumerable<Tensor[]> TrainingSteps(int epoch)
    {
        var logits = model.call(graph);
        yield return Tasks.Select(name =>
        {
            var task = graph.Task(name);
            return TaskLoss.Compute(logits[name].index_select(0, task.Train), task.Labels.index_select(0, task.Train), task.Kind, loss);
        }).ToArray();
    }

    /// <inheritdoc/>
    public Evaluation Evaluate(bool includeTrain)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var logits = model.call(graph);
        var result = new Evaluation();
        var parts = includeTrain ? new[] { SplitPart.Train, SplitPart.Val, SplitPart.Test } : [SplitPart.Val, SplitPart.Test];
        foreach (var name in Tasks)
        {
            var task = graph.Task(name);
            foreach (var part in parts)
            {
                var ids = task.Part(part);
                if (ids.shape[0] == 0) continue;
                var rows = logits[name].index_select(0, ids);
                var target = task.Labels.index_select(0, ids);
                var metrics = Score(rows, target, task.Kind, task.NumClasses);
                metrics["loss"] = TaskLoss.Compute(rows, target, task.Kind, loss).item<float>();
                result.Set(name, part, metrics);
            }
        }
        return result;
    }

    /// <summary>Metrics of logits against targets, computed on the host with scikit-learn's definitions.</summary>
    internal static Dictionary<string, double> Score(Tensor logits, Tensor target, TaskKind kind, int numClasses)
    {
        float[] probabilities = TaskLoss.Probabilities(logits, kind).to(CPU).contiguous().data<float>().ToArray();
        int[] labels = target.to(CPU).to_type(ScalarType.Int32).contiguous().data<int>().ToArray();
        return new Dictionary<string, double>(TaskMetrics.Compute(kind, numClasses, labels, probabilities));
    }
}
