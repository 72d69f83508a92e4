using GraphMtl.Graphs;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Nn;

/// <summary>
/// Projects one node type's raw input to the hidden size: <c>X W + b</c> for dense features, the same through a
/// sparse-dense product for sparse features (bag-of-words stay sparse), or a node embedding for featureless types.
/// </summary>
public sealed class TypeInputProjection : nn.Module<NodeTensors, Tensor>
{
    private readonly Parameter weight; // [D_in, D] or, featureless, [N, D]
    private readonly Parameter? bias;  // [D]
    private readonly bool _featureless;

    /// <summary>Creates the projection for a node type of <paramref name="count"/> nodes and <paramref name="featureDim"/> input columns (0 = none).</summary>
    public TypeInputProjection(string name, int count, int featureDim, int hidden, FeaturelessInput featureless, bool bias = true) : base(name)
    {
        _featureless = featureDim == 0;
        if (_featureless)
        {
            weight = featureless == FeaturelessInput.Embedding
                ? Init.Param([count, hidden], t => nn.init.normal_(t))
                : Init.Param([count, hidden], t => Init.LinearDefault(t, count));
            this.bias = featureless == FeaturelessInput.OneHot && bias ? Init.Param([hidden], t => Init.LinearDefault(t, count)) : null;
        }
        else
        {
            weight = Init.Param([featureDim, hidden], t => Init.LinearDefault(t, featureDim));
            this.bias = bias ? Init.Param([hidden], t => Init.LinearDefault(t, featureDim)) : null;
        }
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(NodeTensors node)
    {
        Tensor h = _featureless ? weight.alias() : mm(node.Features!, weight); // [N, D]; mm handles sparse COO inputs
        return bias is null ? h : h + bias;
    }
}
