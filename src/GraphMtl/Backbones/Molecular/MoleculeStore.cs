using GraphMtl.Data.Molecules;

namespace GraphMtl.Backbones.Molecular;

/// <summary>
/// Every molecule of a dataset featurised once and packed into dataset-wide tensors (atoms of molecule i at rows
/// <c>atomStart[i]..atomStart[i+1]</c>); <see cref="Collate"/> builds the disjoint union of any rows with host-side index
/// arrays and one <c>index_select</c> per tensor, without per-atom work in the forward pass.
/// </summary>
public sealed class MoleculeStore : IExampleStore
{
    private readonly int[] _atomStart, _edgeStart; // [N + 1]
    private readonly int[] _edgeSource, _edgeTarget; // local atom ids per edge [E_total]
    private readonly Tensor? _atomFeatures, _edgeFeatures; // [A_total, 133], [E_total, 14]
    private readonly Tensor? _atomicIds, _chiralIds, _bondTypeIds, _bondDirIds; // int64
    private readonly Device _device;

    /// <summary>Packs <paramref name="graphs"/>; <paramref name="chemprop"/> keeps the float features, <paramref name="ginIds"/> the categorical ids.</summary>
    public MoleculeStore(IReadOnlyList<MolecularGraph> graphs, bool chemprop, bool ginIds, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        _device = device ?? CPU;
        int n = graphs.Count;
        _atomStart = new int[n + 1];
        _edgeStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            _atomStart[i + 1] = _atomStart[i] + graphs[i].NumAtoms;
            _edgeStart[i + 1] = _edgeStart[i] + graphs[i].NumEdges;
        }
        int atoms = _atomStart[n], edges = _edgeStart[n];
        _edgeSource = new int[edges];
        _edgeTarget = new int[edges];
        for (int i = 0; i < n; i++)
        {
            graphs[i].EdgeSource.CopyTo(_edgeSource, _edgeStart[i]);
            graphs[i].EdgeTarget.CopyTo(_edgeTarget, _edgeStart[i]);
        }
        using var scope = NewDisposeScope();
        if (chemprop)
        {
            _atomFeatures = Pack(graphs, g => g.AtomFeatures, atoms, MoleculeFeaturizer.AtomFeatureDim);
            _edgeFeatures = Pack(graphs, g => g.EdgeFeatures, edges, MoleculeFeaturizer.BondFeatureDim);
        }
        if (ginIds)
        {
            _atomicIds = PackIds(graphs, g => g.AtomicNumberIds, atoms);
            _chiralIds = PackIds(graphs, g => g.ChiralityIds, atoms);
            _bondTypeIds = PackIds(graphs, g => g.BondTypeIds, edges);
            _bondDirIds = PackIds(graphs, g => g.BondDirectionIds, edges);
        }
    }

    /// <inheritdoc/>
    public int Count => _atomStart.Length - 1;

    /// <summary>Atoms of molecule <paramref name="row"/>.</summary>
    public int AtomCountOf(int row) => _atomStart[row + 1] - _atomStart[row];

    /// <inheritdoc/>
    public ExampleBatch Collate(ReadOnlySpan<int> rows)
    {
        int atoms = 0, edges = 0;
        foreach (int r in rows)
        {
            if ((uint)r >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(rows), r, $"expected rows in [0, {Count})");
            atoms += _atomStart[r + 1] - _atomStart[r];
            edges += _edgeStart[r + 1] - _edgeStart[r];
        }
        var atomIndex = new long[atoms];
        var edgeIndex = new long[edges];
        var source = new long[edges];
        var target = new long[edges];
        var batch = new long[atoms];
        int a = 0, e = 0;
        for (int k = 0; k < rows.Length; k++)
        {
            int r = rows[k], offset = a;
            for (int i = _atomStart[r]; i < _atomStart[r + 1]; i++, a++)
            {
                atomIndex[a] = i;
                batch[a] = k;
            }
            for (int j = _edgeStart[r]; j < _edgeStart[r + 1]; j++, e++)
            {
                edgeIndex[e] = j;
                source[e] = _edgeSource[j] + offset;
                target[e] = _edgeTarget[j] + offset;
            }
        }
        var atomIdx = tensor(atomIndex, device: _device);
        var edgeIdx = tensor(edgeIndex, device: _device);
        return new MoleculeBatch(rows.Length)
        {
            AtomFeatures = _atomFeatures?.index_select(0, atomIdx),
            EdgeFeatures = _edgeFeatures?.index_select(0, edgeIdx),
            AtomicNumberIds = _atomicIds?.index_select(0, atomIdx),
            ChiralityIds = _chiralIds?.index_select(0, atomIdx),
            BondTypeIds = _bondTypeIds?.index_select(0, edgeIdx),
            BondDirectionIds = _bondDirIds?.index_select(0, edgeIdx),
            Source = tensor(source, device: _device),
            Target = tensor(target, device: _device),
            Batch = tensor(batch, device: _device),
            AtomCount = atoms,
            EdgeCount = edges,
        };
    }

    private Tensor Pack(IReadOnlyList<MolecularGraph> graphs, Func<MolecularGraph, float[]> part, int rows, int width)
    {
        var data = new float[(long)rows * width];
        long offset = 0;
        foreach (var g in graphs)
        {
            var values = part(g);
            values.CopyTo(data, offset);
            offset += values.Length;
        }
        return tensor(data, [rows, width], device: _device).DetachFromDisposeScope();
    }

    private Tensor PackIds(IReadOnlyList<MolecularGraph> graphs, Func<MolecularGraph, int[]> part, int rows)
    {
        var data = new long[rows];
        long offset = 0;
        foreach (var g in graphs)
            foreach (int v in part(g)) data[offset++] = v;
        return tensor(data, device: _device).DetachFromDisposeScope();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in new[] { _atomFeatures, _edgeFeatures, _atomicIds, _chiralIds, _bondTypeIds, _bondDirIds }) t?.Dispose();
    }
}
