using GraphMtl.Configuration;
using GraphMtl.Data.MultiLabel;

namespace GraphMtl.Backbones;

/// <summary>
/// An example encoder (config section <c>encoder:</c> of the <c>multilabel</c> experiment, chosen by <c>name</c>):
/// <c>mpnn</c> and <c>gin</c> for molecules, <c>mlp</c> for feature rows. Each builds its tensor store from the
/// dataset's inputs once, and its module per run.
/// </summary>
[ComponentFamily(typeof(EncoderRegistry))]
public abstract record EncoderOptions : IValidatableOptions
{
    /// <summary>Hidden width (the embedding width).</summary>
    public int Hidden { get; init; } = 256;

    /// <summary>Number of message-passing layers (molecules) or hidden layers (MLP).</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Dropout after each layer's activation.</summary>
    public double Dropout { get; init; }

    /// <summary>Linear → BN → PReLU → Linear after pooling (MetaLink's readout).</summary>
    public bool Readout { get; init; } = true;

    /// <summary>L2-normalise the embedding (MetaLink's <c>kg.norm_emb</c>).</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>The inputs this encoder reads (for messages).</summary>
    public abstract string InputKind { get; }

    /// <summary>True when the encoder can read <paramref name="inputs"/>.</summary>
    public abstract bool Accepts(ExampleInputs inputs);

    /// <summary>Builds the tensor store of the whole dataset (once; kept outside dispose scopes).</summary>
    public abstract IExampleStore CreateStore(ExampleInputs inputs, Device device);

    /// <summary>Builds the module; <paramref name="trainRows"/> are the training examples (for input statistics).</summary>
    public abstract ExampleEncoder Create(string name, ExampleInputs inputs, IReadOnlyList<int> trainRows);

    /// <summary>A user error unless the encoder reads <paramref name="inputs"/>.</summary>
    public void CheckInputs(ExampleInputs inputs)
    {
        if (!Accepts(inputs))
            throw new GraphMtlException($"encoder.name: '{EncoderRegistry.Instance.NameOf(GetType())}' reads {InputKind} (got a dataset of {inputs.Kind}); " +
                                        $"choose one of: {string.Join(", ", EncoderRegistry.Instance.Names)}");
    }

    /// <inheritdoc/>
    public virtual IEnumerable<(string Property, string Message)> Validate()
    {
        if (Hidden < 1) yield return (nameof(Hidden), $"expected a positive width (got {Hidden})");
        if (Layers < 1) yield return (nameof(Layers), $"expected at least one layer (got {Layers})");
        if (Dropout is < 0 or >= 1) yield return (nameof(Dropout), $"expected a probability in [0, 1) (got {Dropout})");
    }
}

/// <summary>Example encoders by configuration name (<c>encoder.name</c>). One line per encoder.</summary>
public static class EncoderRegistry
{
    /// <summary>The registry.</summary>
    public static readonly Registry<EncoderOptions> Instance = new Registry<EncoderOptions>("encoder")
        .Add<Molecular.MpnnEncoderOptions>("mpnn", "edge-aware MPNN on chemprop features, sum pooling (MetaLink's molecule backbone)", "mpn")
        .Add<Molecular.GinEncoderOptions>("gin", "GIN with bond embeddings on atomic-number/chirality ids (Hu et al. 2020), mean pooling")
        .Add<Tabular.MlpEncoderOptions>("mlp", "MLP on standardised feature rows (tabular multi-label data)");
}
