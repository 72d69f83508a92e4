using GraphMtl.Backbones;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Reports;
using GraphMtl.Training;

namespace GraphMtl.MultiLabel;

/// <summary>
/// A head of the <c>multilabel</c> experiment that brings its own training scheme instead of one
/// <see cref="MultiLabelModel"/> trained by <see cref="MultiLabelRunner"/>: several stages with their own objectives
/// (SGNN-EBM, GCNet), a model of its own (SGNN), or one model per task (single-task learning). The experiment hands it
/// the data, the encoder's tensor store and the settings, and writes its result like any other.
/// </summary>
public interface IMultiLabelScheme
{
    /// <summary>
    /// Checks the head against the data and settings before any run folder exists (a user error names the key) and
    /// returns the head options with data paths resolved by <paramref name="resolve"/>.
    /// </summary>
    HeadOptions Prepare(MultiLabelDataset data, MultiLabelSpec spec, Func<string, string> resolve);

    /// <summary>Trains and evaluates every run; extra outputs (checkpoints, learned graphs) go into <paramref name="folder"/> when given.</summary>
    ExperimentResult Run(MultiLabelDataset data, IExampleStore store, MultiLabelSpec spec, TrainOptions train, IReadOnlyList<ITrainingCallback> callbacks, RunFolder? folder);
}
