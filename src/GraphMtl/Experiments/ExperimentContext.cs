using GraphMtl.Data;

namespace GraphMtl.Experiments;

/// <summary>Where an experiment finds its data: the data root and the folder of the config file (for relative specs).</summary>
public sealed record ExperimentContext(DataRoot DataRoot, string? ConfigDirectory);
