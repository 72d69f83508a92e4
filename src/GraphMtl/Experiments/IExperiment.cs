using GraphMtl.Reports;
using GraphMtl.Training;

namespace GraphMtl.Experiments;

/// <summary>A prepared experiment: data loaded and validated, ready to train or to predict from a saved run.</summary>
public interface IExperiment : IDisposable
{
    /// <summary>Model and dataset in a few words, e.g. <c>shared-bottom/rgcn on heco-dblp</c>.</summary>
    string Description { get; }

    /// <summary>Task names in report order.</summary>
    IReadOnlyList<string> Tasks { get; }

    /// <summary>Trains all runs; checkpoints and extra reports go into <paramref name="folder"/> when given.</summary>
    ExperimentResult Run(IReadOnlyList<ITrainingCallback> callbacks, RunFolder? folder);

    /// <summary>Loads the checkpoint saved in <paramref name="folder"/> and writes predictions to <paramref name="output"/>; returns the files written.</summary>
    IReadOnlyList<string> Predict(RunFolder folder, string output);
}
