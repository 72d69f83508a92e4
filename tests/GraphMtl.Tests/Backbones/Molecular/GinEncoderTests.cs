using GraphMtl.Backbones.Molecular;

namespace GraphMtl.Tests.Backbones.Molecular;

[Collection(EngineCollection.Name)]
public sealed class GinEncoderTests
{
    public sealed class TheForwardMethod
    {
        [Fact]
        public void Should_Give_One_Embedding_Per_Molecule_And_Gradients_To_Every_Parameter()
        {
            manual_seed(4);
            using var store = new MoleculeStore(Molecules.Graphs(), chemprop: false, ginIds: true);
            using var encoder = new GinEncoder("g", new GinEncoderOptions { Hidden = 10, Layers = 2, Dropout = 0 });
            using var scope = NewDisposeScope();

            var embedding = encoder.call(store.Collate([0, 1, 2, 3, 4, 5]));
            (embedding * randn(embedding.shape)).sum().backward();

            Assert.Equal([6L, 10L], embedding.shape);
            foreach (var (name, p) in encoder.named_parameters())
                Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"{name} has no gradient");
        }

        [Fact]
        public void Should_Default_To_Hu_Et_Al_Settings()
        {
            var options = new GinEncoderOptions();

            Assert.Equal((300, 5, 0.2, GraphPooling.Mean, false, false),
                (options.Hidden, options.Layers, options.Dropout, options.Pooling, options.Readout, options.Normalize));
        }
    }
}
