namespace GraphMtl.Tests;

/// <summary>Tests that set the engine's global seed or thread count run one at a time (TorchSharp's Sequential habit).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineCollection
{
    public const string Name = "Engine";
}
