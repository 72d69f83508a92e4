using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.Nn;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Backbones;

[Collection(EngineCollection.Name)]
public sealed class LayerStackTests
{
    public static TheoryData<string> Backbones => new() { "rgcn", "rgcn-fused", "simple-hgn", "simple-hgn-split", "hgt" };

    internal static BackboneOptions Options(string name) => name switch
    {
        "rgcn" => new RgcnOptions { Hidden = 8 },
        "rgcn-fused" => new RgcnOptions { Hidden = 8, Fused = true },
        "simple-hgn" => new SimpleHgnOptions { Hidden = 4, Heads = 2, EdgeDim = 4 },
        "simple-hgn-split" => new SimpleHgnOptions { Hidden = 4, Heads = 2, EdgeDim = 4, Mode = AttentionMode.Split, PerTypeWeights = true, Residual = NodeResidual.Linear, FeatureDropout = 0.2 },
        "hgt" => new HgtOptions { Hidden = 8, Heads = 2, LayerNorm = true },
        _ => throw new ArgumentException(name),
    };

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheForwardMethod
    {
        [Fact]
        public void Should_L2_Normalise_Output_Rows_When_Asked()
        {
            manual_seed(0);
            var graph = TinyGraphs.Mixed();
            using var g = GraphTensors.From(graph, CPU);
            using var backbone = new SimpleHgnOptions { Hidden = 4, Heads = 2, EdgeDim = 4 }.Create("m", graph.Metadata);
            backbone.train();

            var outputs = backbone.call(g);

            // every row has norm 1, except rows of nodes that receive no edge at all (b5 here, all of type c):
            // without a first-layer residual they stay 0, and the normalisation keeps them 0 rather than NaN
            var norms = cat(outputs.Select(o => (o * o).sum(1).sqrt()).ToArray()).data<float>().ToArray();
            Assert.All(norms, n => Assert.True(Math.Abs(n - 1) < 1e-5 || n == 0, $"norm {n}"));
            Assert.Equal(10, norms.Count(n => Math.Abs(n - 1) < 1e-5));
        }

        [Fact]
        public void Should_Hand_Each_Layer_The_Previous_Attention_For_The_Edge_Residual()
        {
            // Given a two-layer Simple-HGN without dropout
            manual_seed(1);
            var graph = TinyGraphs.Mixed(seed: 1);
            using var g = GraphTensors.From(graph, CPU);
            var options = new SimpleHgnOptions { Hidden = 4, Heads = 2, EdgeDim = 4, Dropout = 0, AttentionDropout = 0, EdgeResidual = 0.5, L2NormOutput = false };
            using var backbone = (LayerStack)options.Create("m", graph.Metadata);

            // When the stack runs, and the layers are chained by hand
            var outputs = backbone.call(g);
            var input = backbone.named_modules().Select(m => m.module).OfType<NodeInputEncoder>().Single().call(g);
            var layers = backbone.Layers.Cast<SimpleHgnConv>().ToList();
            var (h1, attention) = layers[0].Forward(g, input, null);
            h1 = h1.Select(x => nn.functional.elu(x, 1.0)).ToArray();
            var withResidual = layers[1].Forward(g, h1, attention).Output.Select(x => nn.functional.elu(x, 1.0)).ToArray();
            var withoutResidual = layers[1].Forward(g, h1, null).Output.Select(x => nn.functional.elu(x, 1.0)).ToArray();

            // Then the stack used the first layer's attention
            for (int t = 0; t < 2; t++)
            {
                Assert.True(allclose(outputs[t], withResidual[t], rtol: 1e-5, atol: 1e-6));
                Assert.False(allclose(outputs[t], withoutResidual[t], rtol: 1e-5, atol: 1e-6));
            }
        }

        [Theory]
        [MemberData(nameof(Backbones), MemberType = typeof(LayerStackTests))]
        public void Should_Not_Grow_The_Number_Of_Live_Tensors_Over_Training_Steps(string name)
        {
            // Given a model, its optimiser and the cached graph structures, all made outside the step scopes
            manual_seed(2);
            var graph = TinyGraphs.Mixed(seed: 2);
            using var g = GraphTensors.From(graph, CPU);
            using var backbone = Options(name).Create("m", graph.Metadata);
            using var optimizer = optim.Adam(backbone.parameters(), 1e-3);
            backbone.train();
            void Step()
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                SimpleHgnConvTests.ProbeLoss(backbone.call(g), 3).backward();
                optimizer.step();
            }

            // When
            for (int i = 0; i < 3; i++) Step(); // caches and optimiser state settle
            long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            for (int i = 0; i < 20; i++) Step();
            long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

            // Then
            Assert.Equal(before, after);
        }
    }
}
