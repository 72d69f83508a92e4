using GraphMtl.Data.MultiLabel;

namespace GraphMtl.Backbones.Tabular;

/// <summary>
/// An MLP on feature rows, so the multi-label heads (MetaLink included) serve non-graph data: standardisation with the
/// training rows' mean and standard deviation (kept as buffers, so checkpoints carry them; missing values become 0
/// after standardisation, i.e. the training mean), then L × [Linear → BN → PReLU → dropout] and the
/// <see cref="Readout"/>.
/// </summary>
public sealed class MlpEncoder : ExampleEncoder
{
    private readonly Tensor mean, std; // buffers [F]
    private readonly Sequential layers;
    private readonly Readout readout;

    /// <summary>Creates the encoder for inputs with the training statistics <paramref name="featureMean"/> and <paramref name="featureStd"/>.</summary>
    public MlpEncoder(string name, MlpEncoderOptions options, float[] featureMean, float[] featureStd) : base(name, options.Hidden)
    {
        int f = featureMean.Length, d = options.Hidden;
        mean = tensor(featureMean);
        std = tensor(featureStd);
        var modules = new List<nn.Module<Tensor, Tensor>>();
        for (int l = 0; l < options.Layers; l++)
        {
            modules.Add(EncoderInit.Linear(l == 0 ? f : d, d));
            modules.Add(new Nn.RowBatchNorm(d));
            modules.Add(nn.PReLU(1));
            if (options.Dropout > 0) modules.Add(nn.Dropout(options.Dropout));
        }
        layers = nn.Sequential(modules);
        readout = new Readout($"{name}.readout", d, options.Readout, options.Normalize);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(ExampleBatch examples)
    {
        var x = As<TabularBatch>(examples, "mlp").Features;
        var z = nan_to_num((x - mean) / std, nan: 0.0, posinf: 0.0, neginf: 0.0);
        return readout.call(layers.call(z));
    }

    /// <summary>Per-column mean and standard deviation (population; 1 where it is 0 or undefined) over <paramref name="rows"/>, ignoring NaN.</summary>
    public static (float[] Mean, float[] Std) Statistics(TabularInputs inputs, IReadOnlyList<int> rows)
    {
        int f = inputs.FeatureCount;
        var sum = new double[f];
        var sq = new double[f];
        var count = new int[f];
        foreach (int r in rows)
            for (int c = 0; c < f; c++)
            {
                float v = inputs.Features[r * f + c];
                if (float.IsNaN(v)) continue;
                sum[c] += v;
                sq[c] += (double)v * v;
                count[c]++;
            }
        var mean = new float[f];
        var std = new float[f];
        for (int c = 0; c < f; c++)
        {
            double m = count[c] > 0 ? sum[c] / count[c] : 0;
            double s = count[c] > 0 ? Math.Sqrt(Math.Max(0, sq[c] / count[c] - m * m)) : 0;
            mean[c] = (float)m;
            std[c] = s > 1e-8 ? (float)s : 1f;
        }
        return (mean, std);
    }
}

/// <summary>Options of <see cref="MlpEncoder"/> (<c>encoder: {name: mlp}</c>).</summary>
public sealed record MlpEncoderOptions : EncoderOptions
{
    /// <summary>Two hidden layers by default.</summary>
    public MlpEncoderOptions() => Layers = 2;

    /// <inheritdoc/>
    public override string InputKind => "tabular features";

    /// <inheritdoc/>
    public override bool Accepts(ExampleInputs inputs) => inputs is TabularInputs;

    /// <inheritdoc/>
    public override IExampleStore CreateStore(ExampleInputs inputs, Device device)
    {
        CheckInputs(inputs);
        return new TabularStore((TabularInputs)inputs, device);
    }

    /// <inheritdoc/>
    public override ExampleEncoder Create(string name, ExampleInputs inputs, IReadOnlyList<int> trainRows)
    {
        CheckInputs(inputs);
        var (mean, std) = MlpEncoder.Statistics((TabularInputs)inputs, trainRows);
        return new MlpEncoder(name, this, mean, std);
    }
}
