using GraphMtl.Backbones;
using GraphMtl.Configuration;

namespace GraphMtl.Tests.Backbones;

public sealed class BackboneRegistryTests
{
    public sealed class TheInstanceField
    {
        [Theory]
        [InlineData("simple-hgn", typeof(SimpleHgnOptions))]
        [InlineData("SimpleHGN", typeof(SimpleHgnOptions))]
        [InlineData("simplehgn", typeof(SimpleHgnOptions))]
        [InlineData("shgn", typeof(SimpleHgnOptions))]
        [InlineData("hgt", typeof(HgtOptions))]
        [InlineData("HGT", typeof(HgtOptions))]
        [InlineData("rgcn", typeof(RgcnOptions))]
        public void Should_Resolve_Backbone_Names_And_Aliases(string name, Type expected) =>
            Assert.Equal(expected, BackboneRegistry.Instance.TryResolve(name));
    }

    public sealed class TheBindMethod
    {
        private sealed record Root
        {
            public BackboneOptions Model { get; init; } = new RgcnOptions();
        }

        [Fact]
        public void Should_Bind_Simple_Hgn_Options_From_Yaml()
        {
            var node = ConfigBinder.Parse(
                "model:\n  name: shgn\n  heads: 1\n  negative_slope: 0.2\n  edge_residual: 0\n  per_type_weights: true\n  residual: linear\n  mode: split\n  l2_norm_output: false\n  softmax_shift: group_max\n  kernel: scatter\n",
                "cfg.yaml");

            var options = Assert.IsType<SimpleHgnOptions>(ConfigBinder.Bind<Root>(node, "cfg.yaml").Model);

            Assert.Equal(1, options.Heads);
            Assert.Equal(0.2, options.NegativeSlope);
            Assert.Equal(0, options.EdgeResidual);
            Assert.True(options.PerTypeWeights);
            Assert.Equal(NodeResidual.Linear, options.Residual);
            Assert.Equal(AttentionMode.Split, options.Mode);
            Assert.False(options.L2NormOutput);
            Assert.Equal(GraphMtl.Nn.SoftmaxShift.GroupMax, options.SoftmaxShift);
            Assert.Equal(GraphMtl.Nn.MessageKernel.Scatter, options.Kernel);
            Assert.Equal(64, options.EdgeDim); // default kept
        }

        [Fact]
        public void Should_Report_Heads_That_Do_Not_Divide_The_Hgt_Width()
        {
            var node = ConfigBinder.Parse("model:\n  name: hgt\n  hidden: 30\n  heads: 8\n", "cfg.yaml");

            var e = Assert.Throws<ConfigException>(() => ConfigBinder.Bind<Root>(node, "cfg.yaml"));
            Assert.Contains("model.heads: expected a divisor of hidden = 30 (got 8)", e.Message);
        }
    }
}
