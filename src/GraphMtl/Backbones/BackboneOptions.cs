using GraphMtl.Configuration;
using GraphMtl.Graphs;
using GraphMtl.Nn;

namespace GraphMtl.Backbones;

/// <summary>
/// Options shared by every backbone (config section <c>model:</c>, chosen by <c>name</c>): width, depth, dropout
/// and the input of featureless node types. Each backbone adds its own options and builds itself from metadata.
/// </summary>
[ComponentFamily(typeof(BackboneRegistry))]
public abstract record BackboneOptions : IValidatableOptions
{
    /// <summary>Hidden width of every layer.</summary>
    public int Hidden { get; init; } = 64;

    /// <summary>Number of layers (message-passing hops for GNNs).</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Dropout on layer inputs (features after the input projection and between layers).</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>Input of node types without features.</summary>
    public FeaturelessInput Featureless { get; init; } = FeaturelessInput.Embedding;

    /// <summary>Builds the backbone for a graph schema.</summary>
    public abstract HeteroBackbone Create(string name, GraphMetadata metadata);

    /// <summary>
    /// The layer at depth <paramref name="index"/> (0-based) of this backbone's stack, reading representations of width
    /// <paramref name="inDim"/>: multi-task architectures use single layers as experts. Backbones without a
    /// single-layer form throw <see cref="NotSupportedException"/>.
    /// </summary>
    public virtual HeteroConv CreateLayer(string name, GraphMetadata metadata, int inDim, int index) =>
        throw new NotSupportedException($"{GetType().Name} has no single-layer form.");

    /// <summary>
    /// The output layer of a task head built from this backbone: one layer reading width <paramref name="inDim"/> and
    /// writing exactly <paramref name="outDim"/> columns (a class score per column), with the settings of the stack's
    /// later layers. The default builds <see cref="CreateLayer"/> with <see cref="Hidden"/> = <paramref name="outDim"/>.
    /// </summary>
    public virtual HeteroConv CreateOutputLayer(string name, GraphMetadata metadata, int inDim, int outDim) =>
        (this with { Hidden = outDim }).CreateLayer(name, metadata, inDim, Math.Max(1, Layers));

    /// <summary>The activation the stack applies after each layer (ReLU unless a backbone says otherwise).</summary>
    public virtual Tensor Activation(Tensor x) => nn.functional.relu(x);

    /// <inheritdoc/>
    public virtual IEnumerable<(string Property, string Message)> Validate()
    {
        if (Hidden < 1) yield return (nameof(Hidden), $"expected a positive width (got {Hidden})");
        if (Layers < 1) yield return (nameof(Layers), $"expected at least one layer (got {Layers})");
        if (Dropout is < 0 or >= 1) yield return (nameof(Dropout), $"expected a probability in [0, 1) (got {Dropout})");
    }
}
