namespace GraphMtl.Nn;

/// <summary>
/// Batch normalisation of rows <c>[N, D]</c>, the same computation, parameters and buffers (names included, so
/// checkpoints are interchangeable) as TorchSharp's <c>nn.BatchNorm1d</c>. Why it exists: TorchSharp's module
/// counts batches with <c>num_batches_tracked.add_(1)</c>, whose implicit <see cref="Scalar"/> temporaries are not
/// kept alive across the native call; a garbage collection at that moment frees them mid-call and libtorch fails
/// ("Expected false to be true ... toLong"), which killed a 30-minute SIDER run at random. Here the count uses
/// <see cref="Scalars.One"/>, which lives as long as the process.
/// </summary>
public sealed class RowBatchNorm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Tensor running_mean;
    private readonly Tensor running_var;
    private readonly Tensor num_batches_tracked;
    private readonly double _momentum;
    private readonly double _eps;

    /// <summary>Normalises <paramref name="features"/> columns; defaults as in PyTorch (momentum 0.1, ε = 1e-5).</summary>
    public RowBatchNorm(long features, double momentum = 0.1, double eps = 1e-5) : base(nameof(RowBatchNorm))
    {
        weight = nn.Parameter(ones(features));
        bias = nn.Parameter(zeros(features));
        running_mean = zeros(features);
        running_var = ones(features);
        num_batches_tracked = zeros(1, dtype: int64).squeeze();
        _momentum = momentum;
        _eps = eps;
        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
        register_buffer(nameof(running_mean), running_mean);
        register_buffer(nameof(running_var), running_var);
        register_buffer(nameof(num_batches_tracked), num_batches_tracked);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor x)
    {
        if (training)
        {
            using var _ = no_grad();
            num_batches_tracked.add_(Scalars.One, Scalars.One);
        }
        return nn.functional.batch_norm(x, running_mean, running_var, weight, bias, training, _momentum, _eps);
    }
}
