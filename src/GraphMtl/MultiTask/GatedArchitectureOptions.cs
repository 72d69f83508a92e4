namespace GraphMtl.MultiTask;

/// <summary>What every gated architecture (MMoE, CGC, PLE, InLINE) configures alike: levels of experts mixed by gate MLPs.</summary>
public abstract record GatedArchitectureOptions : ArchitectureOptions
{
    /// <summary>Number of gated levels (each one backbone layer deep: message-passing hops before the head).</summary>
    public int Levels { get; init; } = 3;

    /// <summary>Hidden width of the gate MLPs.</summary>
    public int GateHidden { get; init; } = 64;

    /// <inheritdoc/>
    public override IEnumerable<(string Property, string Message)> Validate()
    {
        foreach (var e in base.Validate()) yield return e;
        if (Levels < 1) yield return (nameof(Levels), $"expected at least one level (got {Levels})");
        if (GateHidden < 1) yield return (nameof(GateHidden), $"expected a positive width (got {GateHidden})");
    }
}
