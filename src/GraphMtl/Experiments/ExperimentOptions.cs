using GraphMtl.Configuration;
using GraphMtl.Training;

namespace GraphMtl.Experiments;

/// <summary>
/// The root of a configuration file. The top-level key <c>experiment</c> picks the kind (default <c>node</c>: node
/// tasks on a heterogeneous graph); each kind declares its own sections, so a key that does not belong to it is an
/// error. Every kind has a <c>train</c> section.
/// </summary>
[ComponentFamily(typeof(ExperimentRegistry), NameKey = "experiment", DefaultName = "node")]
public abstract record ExperimentOptions : IValidatableOptions
{
    /// <summary>Optimisation, evaluation and run settings.</summary>
    public TrainOptions Train { get; init; } = new();

    /// <summary>
    /// Loads the data and checks that the model can be built, so every user mistake surfaces before a run folder
    /// exists. The returned experiment owns the loaded data.
    /// </summary>
    public abstract IExperiment Prepare(ExperimentContext context);

    /// <summary>
    /// The same options with every data location made independent of the working and config directories (absolute
    /// paths, or built-in names), so the resolved config saved in a run folder finds its data again from anywhere.
    /// </summary>
    public virtual ExperimentOptions WithResolvedPaths(ExperimentContext context) => this;

    /// <inheritdoc/>
    public virtual IEnumerable<(string Property, string Message)> Validate() => [];
}
