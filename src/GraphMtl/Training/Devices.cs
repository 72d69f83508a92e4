namespace GraphMtl.Training;

/// <summary>Turns the <c>train.device</c> option into an engine device, with a clear error when CUDA is unavailable.</summary>
public static class Devices
{
    /// <summary>The device for <paramref name="name"/> (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>).</summary>
    public static Device Parse(string name)
    {
        if (name == "cpu") return CPU;
        if (!cuda.is_available())
            throw new GraphMtlException($"train.device: '{name}' requested but CUDA is not available (this build references TorchSharp-cpu; " +
                                        "reference TorchSharp-cuda-linux instead of TorchSharp-cpu for GPUs).");
        return device(name);
    }
}
