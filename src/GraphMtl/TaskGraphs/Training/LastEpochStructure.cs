using GraphMtl.Training;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>
/// Records the model's learned structure after every epoch of the stage it watches, so the reported graph is the one
/// the structure objective reached at the end of training rather than the one of the epoch selected for prediction
/// (<see cref="StructureEpoch.Last"/>). Why: validation selects on ROC-AUC, which says nothing about the graph; a stage
/// whose best prediction comes at epoch 1 would otherwise report an A that has barely moved from its start.
/// </summary>
internal sealed class LastEpochStructure(TaskGraphModel model) : ITrainingCallback
{
    /// <summary>The structure after the latest epoch seen (null before the first).</summary>
    public LearnedStructure? Captured { get; private set; }

    /// <inheritdoc/>
    public void OnEpoch(RunInfo run, EpochRecord record) => Captured = model.Structure();
}
