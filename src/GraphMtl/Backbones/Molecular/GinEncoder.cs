using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Nn;

namespace GraphMtl.Backbones.Molecular;

/// <summary>
/// GIN with bond embeddings (Hu, Liu, Gomes, Zitnik, Liang, Pande and Leskovec, "Strategies for Pre-training Graph
/// Neural Networks", ICLR 2020; <c>pretrain-gnns</c>' <c>GNN(gnn_type='gin')</c>), the molecule encoder of SGNN-EBM and
/// GCNet: atom input = Emb(atomic number) + Emb(chirality); per layer, with a self-loop per atom (bond type 4),
/// <code>
/// h_v ← BN(MLP(Σ_{u ∈ N(v) ∪ {v}} (h_u + Emb_type(b_uv) + Emb_dir(b_uv))))      MLP = Linear(D, 2D) → ReLU → Linear(2D, D)
/// </code>
/// then ReLU except after the last layer, and dropout; last-layer representation ("JK last"), mean pooling, then the
/// optional <see cref="Readout"/>.
/// </summary>
public sealed class GinEncoder : ExampleEncoder
{
    private const int SelfLoopBondType = MoleculeFeaturizer.BondTypeIdCount; // 4
    private readonly Embedding atomicNumber, chirality;
    private readonly ModuleList<Embedding> bondTypes, bondDirections;
    private readonly ModuleList<Sequential> mlps;
    private readonly ModuleList<RowBatchNorm> norms;
    private readonly Readout readout;
    private readonly GraphPooling _pooling;
    private readonly double _dropout;

    /// <summary>Creates the encoder from its options.</summary>
    public GinEncoder(string name, GinEncoderOptions options) : base(name, options.Hidden)
    {
        int d = options.Hidden;
        // One extra atom id for a masking token, as pretrain-gnns (120 ids).
        atomicNumber = XavierEmbedding(MoleculeFeaturizer.AtomicNumberIdCount + 1, d);
        chirality = XavierEmbedding(MoleculeFeaturizer.ChiralityIdCount, d);
        bondTypes = nn.ModuleList(Enumerable.Range(0, options.Layers).Select(_ => XavierEmbedding(SelfLoopBondType + 1, d)).ToArray());
        bondDirections = nn.ModuleList(Enumerable.Range(0, options.Layers).Select(_ => XavierEmbedding(MoleculeFeaturizer.BondDirectionIdCount, d)).ToArray());
        mlps = nn.ModuleList(Enumerable.Range(0, options.Layers).Select(_ => nn.Sequential(nn.Linear(d, 2 * d), nn.ReLU(), nn.Linear(2 * d, d))).ToArray());
        norms = nn.ModuleList(Enumerable.Range(0, options.Layers).Select(_ => new RowBatchNorm(d)).ToArray());
        readout = new Readout($"{name}.readout", d, options.Readout, options.Normalize);
        _pooling = options.Pooling;
        _dropout = options.Dropout;
        RegisterComponents();
    }

    private static Embedding XavierEmbedding(int count, int dim)
    {
        var e = nn.Embedding(count, dim);
        Init.Glorot(e.weight!, count, dim);
        return e;
    }

    /// <inheritdoc/>
    public override Tensor forward(ExampleBatch examples)
    {
        var batch = As<MoleculeBatch>(examples, "gin");
        if (batch.AtomicNumberIds is null || batch.ChiralityIds is null || batch.BondTypeIds is null || batch.BondDirectionIds is null)
            throw new ArgumentException("Expected GIN ids in the batch (got none).", nameof(examples));
        var loops = arange(batch.AtomCount, dtype: int64, device: batch.Source.device);
        var source = cat([batch.Source, loops]);
        var target = cat([batch.Target, loops]);
        var bondType = cat([batch.BondTypeIds, full(batch.AtomCount, SelfLoopBondType, dtype: int64, device: loops.device)]);
        var bondDir = cat([batch.BondDirectionIds, zeros(batch.AtomCount, dtype: int64, device: loops.device)]);
        var h = atomicNumber.call(batch.AtomicNumberIds) + chirality.call(batch.ChiralityIds); // [A, D]
        for (int l = 0; l < mlps.Count; l++)
        {
            var messages = h.index_select(0, source) + bondTypes[l].call(bondType) + bondDirections[l].call(bondDir); // [E + A, D]
            h = norms[l].call(mlps[l].call(Scatter.Sum(messages, target, batch.AtomCount)));
            if (l < mlps.Count - 1) h = nn.functional.relu(h);
            h = nn.functional.dropout(h, _dropout, training);
        }
        return readout.call(GraphPool.Apply(h, batch.Batch, batch.Size, _pooling));
    }
}

/// <summary>Options of <see cref="GinEncoder"/> (<c>encoder: {name: gin}</c>); defaults follow Hu et al.: 5 layers, 300-d, dropout 0.2, mean pooling, no readout or normalisation.</summary>
public sealed record GinEncoderOptions : MoleculeEncoderOptions
{
    /// <summary>Hu et al.'s defaults.</summary>
    public GinEncoderOptions()
    {
        Hidden = 300;
        Layers = 5;
        Dropout = 0.2;
        Readout = false;
        Normalize = false;
        Pooling = GraphPooling.Mean;
    }

    /// <inheritdoc/>
    protected override bool ChempropFeatures => false;

    /// <inheritdoc/>
    protected override bool GinIds => true;

    /// <inheritdoc/>
    public override ExampleEncoder Create(string name, ExampleInputs inputs, IReadOnlyList<int> trainRows)
    {
        CheckInputs(inputs);
        return new GinEncoder(name, this);
    }
}
