namespace GraphMtl.Training;

/// <summary>
/// A copy of a module's parameters and buffers kept outside every dispose scope: the best checkpoint by validation,
/// restored into the module at the end of a run.
/// </summary>
public sealed class StateSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _state;

    private StateSnapshot(Dictionary<string, Tensor> state) => _state = state;

    /// <summary>The copied tensors by state-dict name.</summary>
    public IReadOnlyDictionary<string, Tensor> State => _state;

    /// <summary>Copies the module's current state.</summary>
    public static StateSnapshot Capture(nn.Module module)
    {
        // state_dict() hands out new tensor handles: the scope releases them, the clones are detached from it.
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return new StateSnapshot(module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope()));
    }

    /// <summary>Copies the snapshot back into the module's parameters and buffers.</summary>
    public void Restore(nn.Module module)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var (name, target) in module.state_dict())
            if (_state.TryGetValue(name, out var saved)) target.copy_(saved);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in _state.Values) t.Dispose();
        _state.Clear();
    }
}
