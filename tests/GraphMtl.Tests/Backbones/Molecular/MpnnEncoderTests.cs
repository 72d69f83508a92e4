using GraphMtl.Backbones.Molecular;
using GraphMtl.Data.Molecules;

namespace GraphMtl.Tests.Backbones.Molecular;

[Collection(EngineCollection.Name)]
public sealed class MpnnEncoderTests
{
    public sealed class TheForwardMethod
    {
        [Fact]
        public void Should_Give_One_Unit_Norm_Embedding_Per_Molecule()
        {
            manual_seed(0);
            using var store = new MoleculeStore(Molecules.Graphs(), chemprop: true, ginIds: false);
            using var encoder = new MpnnEncoder("e", new MpnnEncoderOptions { Hidden = 16, Layers = 2 });
            using var scope = NewDisposeScope();

            var embedding = encoder.call(store.Collate([0, 1, 2, 3, 4, 5]));

            Assert.Equal([6L, 16L], embedding.shape);
            Assert.True(embedding.norm(1).allclose(ones(6), atol: 1e-5));
        }

        [Fact]
        public void Should_Give_Gradients_To_Every_Parameter()
        {
            manual_seed(1);
            using var store = new MoleculeStore(Molecules.Graphs(), chemprop: true, ginIds: false);
            using var encoder = new MpnnEncoder("e", new MpnnEncoderOptions { Hidden = 8, Layers = 3 });
            using var scope = NewDisposeScope();

            var embedding = encoder.call(store.Collate([0, 1, 2, 3, 4]));
            (embedding * randn(embedding.shape)).sum().backward();

            foreach (var (name, p) in encoder.named_parameters())
            {
                Assert.True(p.grad is not null, $"{name} has no gradient");
                Assert.True(p.grad!.abs().sum().item<float>() > 0, $"{name} has a zero gradient");
            }
        }

        [Fact]
        public void Should_Embed_A_Molecule_The_Same_Alone_Or_In_A_Batch_In_Eval_Mode()
        {
            manual_seed(2);
            using var store = new MoleculeStore(Molecules.Graphs(), chemprop: true, ginIds: false);
            using var encoder = new MpnnEncoder("e", new MpnnEncoderOptions { Hidden = 12, Layers = 2 });
            encoder.eval();
            using var scope = NewDisposeScope();

            var together = encoder.call(store.Collate([3, 0, 4]));
            var alone = cat([encoder.call(store.Collate([3])), encoder.call(store.Collate([0])), encoder.call(store.Collate([4]))]);

            Assert.True(together.allclose(alone, rtol: 1e-4, atol: 1e-5));
        }
    }
}

[Collection(EngineCollection.Name)]
public sealed class MpnnConvTests
{
    public sealed class TheForwardMethod
    {
        [Fact]
        public void Should_Equal_The_Sum_Of_W_Times_The_Concatenation_Over_In_Neighbours()
        {
            // Given
            manual_seed(3);
            const int d = 6;
            using var store = new MoleculeStore(Molecules.Graphs(), chemprop: true, ginIds: false);
            using var conv = new MpnnConv("c", d, MoleculeFeaturizer.BondFeatureDim);
            using var scope = NewDisposeScope();
            var batch = (MoleculeBatch)store.Collate([0, 4]);
            var h = randn(batch.AtomCount, d);
            var degree = bincount(batch.Target, minlength: batch.AtomCount).to(float32).unsqueeze(1);
            var weight = conv.parameters().Single(); // [2D + 14, D]

            // When
            var fast = conv.call(h, batch, degree);

            // Then: the naive per-edge concatenation
            var expected = zeros(batch.AtomCount, d);
            var src = batch.Source.data<long>().ToArray();
            var dst = batch.Target.data<long>().ToArray();
            for (int e = 0; e < src.Length; e++)
            {
                var message = cat([h[dst[e]], h[src[e]], batch.EdgeFeatures![e]]).unsqueeze(0).matmul(weight).squeeze(0);
                expected[dst[e]] = expected[dst[e]] + message;
            }
            Assert.True(fast.allclose(expected, rtol: 1e-4, atol: 1e-5));
        }
    }
}
