namespace GraphMtl.Nn;

/// <summary>What a node type without input features gets as its input representation.</summary>
public enum FeaturelessInput
{
    /// <summary>A learnable embedding per node, N(0, 1) initialised (PyG's default for featureless types).</summary>
    Embedding,
    /// <summary>One-hot node ids through a linear layer (HGB's identity features): an embedding with Linear init and a bias.</summary>
    OneHot,
}
