// The engine's random generator and thread pool are process-wide, and nested test classes do not inherit their outer
// class's [Collection]: with parallel collections a test that seeds, trains or sets threads could be perturbed by
// another one running at the same time (seen as an order-dependent failure of a seeded training test). All tests run
// one after another; on the 2 cores CI has, this costs little.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace GraphMtl.Tests;

/// <summary>Tests that set the engine's global seed or thread count run one at a time (TorchSharp's Sequential habit).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineCollection
{
    public const string Name = "Engine";
}
