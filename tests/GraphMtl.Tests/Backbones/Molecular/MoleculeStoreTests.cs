using GraphMtl.Backbones.Molecular;

namespace GraphMtl.Tests.Backbones.Molecular;

public sealed class MoleculeStoreTests
{
    public sealed class TheCollateMethod
    {
        [Fact]
        public void Should_Offset_Edges_And_Map_Atoms_To_Their_Molecule()
        {
            // Given
            var graphs = Molecules.Graphs();
            using var store = new MoleculeStore(graphs, chemprop: true, ginIds: true);
            int[] rows = [2, 0, 2, 5];

            // When
            using var scope = NewDisposeScope();
            var batch = (MoleculeBatch)store.Collate(rows);

            // Then atoms and edges are the molecules' in order, endpoints shifted by the atoms before them
            Assert.Equal(4, batch.Size);
            Assert.Equal(rows.Sum(r => graphs[r].NumAtoms), batch.AtomCount);
            Assert.Equal(rows.Sum(r => graphs[r].NumEdges), batch.EdgeCount);
            var source = batch.Source.data<long>().ToArray();
            var target = batch.Target.data<long>().ToArray();
            var molecule = batch.Batch.data<long>().ToArray();
            var features = batch.AtomFeatures!.data<float>().ToArray();
            var edgeFeatures = batch.EdgeFeatures!.data<float>().ToArray();
            var bondTypes = batch.BondTypeIds!.data<long>().ToArray();
            int atomOffset = 0, edgeOffset = 0;
            for (int k = 0; k < rows.Length; k++)
            {
                var g = graphs[rows[k]];
                for (int a = 0; a < g.NumAtoms; a++)
                {
                    Assert.Equal(k, molecule[atomOffset + a]);
                    Assert.Equal(g.AtomFeatures.AsSpan(a * 133, 133).ToArray(), features.AsSpan((atomOffset + a) * 133, 133).ToArray());
                }
                for (int e = 0; e < g.NumEdges; e++)
                {
                    Assert.Equal(g.EdgeSource[e] + atomOffset, source[edgeOffset + e]);
                    Assert.Equal(g.EdgeTarget[e] + atomOffset, target[edgeOffset + e]);
                    Assert.Equal(g.BondTypeIds[e], bondTypes[edgeOffset + e]);
                    Assert.Equal(g.EdgeFeatures.AsSpan(e * 14, 14).ToArray(), edgeFeatures.AsSpan((edgeOffset + e) * 14, 14).ToArray());
                }
                atomOffset += g.NumAtoms;
                edgeOffset += g.NumEdges;
            }
        }

        [Fact]
        public void Should_Keep_Only_The_Requested_Feature_Sets()
        {
            using var store = new MoleculeStore(Molecules.Graphs(), chemprop: false, ginIds: true);
            using var scope = NewDisposeScope();

            var batch = (MoleculeBatch)store.Collate([1]);

            Assert.Null(batch.AtomFeatures);
            Assert.NotNull(batch.AtomicNumberIds);
        }

        [Fact]
        public void Should_Reject_Rows_Outside_The_Dataset()
        {
            using var store = new MoleculeStore(Molecules.Graphs(), chemprop: true, ginIds: false);

            Assert.Throws<ArgumentOutOfRangeException>(() => store.Collate([0, 6]));
        }
    }
}

public sealed class GraphPoolTests
{
    public sealed class TheApplyMethod
    {
        [Theory]
        [InlineData(GraphPooling.Sum)]
        [InlineData(GraphPooling.Mean)]
        public void Should_Equal_Pooling_Each_Molecule_On_Its_Own(GraphPooling pooling)
        {
            // Given atom states of a disjoint union of three molecules
            var graphs = Molecules.Graphs();
            using var store = new MoleculeStore(graphs, chemprop: true, ginIds: false);
            using var scope = NewDisposeScope();
            int[] rows = [4, 1, 0];
            var batch = (MoleculeBatch)store.Collate(rows);
            var h = randn(batch.AtomCount, 5, generator: new Generator(3));

            // When
            var pooled = GraphPool.Apply(h, batch.Batch, batch.Size, pooling).data<float>().ToArray();

            // Then row k is the sum/mean over molecule k's slice of atoms
            var atoms = h.data<float>().ToArray();
            int offset = 0;
            for (int k = 0; k < rows.Length; k++)
            {
                int n = graphs[rows[k]].NumAtoms;
                for (int c = 0; c < 5; c++)
                {
                    double expected = Enumerable.Range(offset, n).Sum(a => (double)atoms[a * 5 + c]);
                    if (pooling == GraphPooling.Mean) expected /= n;
                    Assert.Equal(expected, pooled[k * 5 + c], 4);
                }
                offset += n;
            }
        }
    }
}
