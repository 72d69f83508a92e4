using Xunit;

namespace GraphMtl.Testing;

/// <summary>A <see cref="FactAttribute"/> that skips when the shared data folder (<see cref="SharedData.Root"/>) is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Marks a test over the real shared datasets.</summary>
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null) Skip = SharedData.SkipReason;
    }
}
