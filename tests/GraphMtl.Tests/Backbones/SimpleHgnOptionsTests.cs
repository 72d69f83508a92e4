using GraphMtl.Backbones;

namespace GraphMtl.Tests.Backbones;

[Collection(EngineCollection.Name)] // builds modules, which draw from the global generator
public sealed class SimpleHgnOptionsTests
{
    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheDefaults
    {
        [Fact]
        public void Should_Follow_The_Hgb_Recipe()
        {
            var options = new SimpleHgnOptions();

            Assert.Equal((8, 64, 0.05, 64, 0.05, 0.5, 0.5), (options.Heads, options.Hidden, options.NegativeSlope, options.EdgeDim, options.EdgeResidual, options.AttentionDropout, options.Dropout));
            Assert.True(options.L2NormOutput);
            Assert.False(options.PerTypeWeights);
            Assert.Equal(NodeResidual.Auto, options.Residual);
            Assert.Equal(512, options.OutDim);
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheValidateMethod
    {
        [Fact]
        public void Should_Name_Invalid_Values()
        {
            var problems = new SimpleHgnOptions { Heads = 0, EdgeResidual = 1.5, AttentionDropout = 1 }.Validate().Select(p => p.Property).ToList();

            Assert.Equal(["Heads", "EdgeResidual", "AttentionDropout"], problems);
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheCreateMethod
    {
        [Fact]
        public void Should_Stack_Layers_With_Residuals_After_The_First()
        {
            var metadata = GraphMtl.Testing.TinyGraphs.Mixed().Metadata;

            using var backbone = new SimpleHgnOptions { Hidden = 4, Heads = 2, Layers = 3 }.Create("m", metadata);

            var layers = ((LayerStack)backbone).Layers.Cast<SimpleHgnConv>().ToList();
            Assert.Equal(8, backbone.OutDim);
            Assert.Equal([4, 8, 8], layers.Select(l => l.InDim));
            Assert.Equal([false, true, true], layers.Select(l => l.HasResidual));
        }

        [Theory]
        [InlineData(NodeResidual.Auto, false)]
        [InlineData(NodeResidual.Projection, true)]
        public void Should_Give_Hidden_Layers_A_Projection_Residual_Only_When_Asked(NodeResidual residual, bool projected)
        {
            var metadata = GraphMtl.Testing.TinyGraphs.Mixed().Metadata;

            using var backbone = new SimpleHgnOptions { Hidden = 4, Heads = 2, Layers = 2, Residual = residual }.Create("m", metadata);

            // Layer 2 reads H·D = 8 and writes 8: Auto adds the identity, Projection a bias-free W_res (HGB's res_fc).
            var second = ((LayerStack)backbone).Layers.Cast<SimpleHgnConv>().ToList()[1];
            Assert.Equal(projected, second.state_dict().ContainsKey("residualWeight"));
            Assert.False(second.state_dict().ContainsKey("residualBias"));
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheCreateOutputLayerMethod
    {
        [Fact]
        public void Should_Build_Hgbs_Output_Layer_One_Head_Of_Class_Width_With_A_Bias_Free_Residual()
        {
            var metadata = GraphMtl.Testing.TinyGraphs.Mixed().Metadata;

            using var layer = (SimpleHgnConv)new SimpleHgnOptions { Hidden = 4, Heads = 2, Residual = NodeResidual.Projection }
                .CreateOutputLayer("out", metadata, 8, 3);

            Assert.Equal((1, 8, 3), (layer.Heads, layer.InDim, layer.OutDim));
            Assert.Equal(new long[] { 8, 3 }, layer.state_dict()["residualWeight"].shape);
            Assert.False(layer.state_dict().ContainsKey("residualBias"));
        }
    }
}
