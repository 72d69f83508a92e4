using GraphMtl.Backbones;
using GraphMtl.Configuration;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.Weighting;

public sealed class WeightingRegistryTests
{
    private static WeightingOptions Bind(string yaml) =>
        (WeightingOptions)ConfigBinder.BindValue(ConfigBinder.Parse(yaml, "cfg.yaml"), typeof(WeightingOptions), "weighting", "cfg.yaml")!;

    public sealed class TheInstance
    {
        [Theory]
        [InlineData("uncertainty", typeof(UncertaintyWeightingOptions))]
        [InlineData("uw", typeof(UncertaintyWeightingOptions))]
        [InlineData("UncertaintyWeighting", typeof(UncertaintyWeightingOptions))]
        [InlineData("grad-norm", typeof(GradNormOptions))]
        [InlineData("gradnorm", typeof(GradNormOptions))]
        [InlineData("grad_norm", typeof(GradNormOptions))]
        [InlineData("dwa", typeof(DwaOptions))]
        [InlineData("DWA", typeof(DwaOptions))]
        [InlineData("pcgrad", typeof(PcGradOptions))]
        [InlineData("PCGrad", typeof(PcGradOptions))]
        public void Should_Resolve_Names_And_Aliases(string name, Type expected) =>
            Assert.Equal(expected, WeightingRegistry.Instance.TryResolve(name));

        [Fact]
        public void Should_Bind_Each_Strategys_Options_From_Yaml()
        {
            Assert.Equal(2.5, Assert.IsType<GradNormOptions>(Bind("name: gradnorm\nalpha: 2.5\n")).Alpha);
            Assert.Equal(4, Assert.IsType<DwaOptions>(Bind("name: dwa\ntemperature: 4\n")).Temperature);
            Assert.Equal(-0.5, Assert.IsType<UncertaintyWeightingOptions>(Bind("name: uw\ninitial_log_variance: -0.5\n")).InitialLogVariance);
            Assert.Equal(11, Assert.IsType<PcGradOptions>(Bind("name: pcgrad\nseed: 11\n")).Seed);
            Assert.Null(Assert.IsType<PcGradOptions>(Bind("pcgrad")).Seed);
        }

        [Fact]
        public void Should_Name_The_Key_Of_An_Invalid_Value()
        {
            var e = Assert.Throws<ConfigException>(() => Bind("name: dwa\ntemperature: 0\n"));
            Assert.Contains("temperature", e.Message);
        }
    }

    [Collection(EngineCollection.Name)]
    public sealed class AnyArchitectureWithAnyWeighting
    {
        [Theory]
        [InlineData("uncertainty", false)]
        [InlineData("uncertainty", true)]
        [InlineData("grad-norm", false)]
        [InlineData("grad-norm", true)]
        [InlineData("dwa", false)]
        [InlineData("dwa", true)]
        [InlineData("pcgrad", false)]
        [InlineData("pcgrad", true)]
        public void Should_Train_A_Node_Experiment_And_Log_Its_Weights(string weighting, bool singleTask)
        {
            // Given the tiny two-task graph, shared-bottom or one model per task
            var graph = TinyGraphs.AuthorsAndPapers();
            var spec = new ModelSpec(new RgcnOptions { Hidden = 8 }, singleTask ? new SingleTaskOptions() : new SharedBottomOptions(),
                WeightingRegistry.Instance.Create(weighting), new LossOptions());
            var train = new TrainOptions { Epochs = 6, Lr = 0.02, Patience = 0, Selection = new() { Metric = "accuracy" } };
            var log = new WeightLog();

            // When
            var result = NodeExperiment.Run(graph, spec, train, [log]);

            // Then every epoch logged one finite weight per task, and each model's training loss fell
            Assert.Equal(singleTask ? 12 : 6, log.Epochs.Count);
            Assert.All(log.Epochs, e => Assert.All(e.Weights, v => Assert.True(double.IsFinite(v) && v > 0)));
            foreach (var run in log.Epochs.Chunk(6))
                Assert.True(run[^1].TrainLoss.Sum() < run[0].TrainLoss.Sum(), $"loss {run[0].TrainLoss.Sum()} → {run[^1].TrainLoss.Sum()}");
            Assert.Single(result.Seeds);
        }

        private sealed class WeightLog : ITrainingCallback
        {
            public List<EpochRecord> Epochs { get; } = [];

            public void OnEpoch(RunInfo run, EpochRecord record) => Epochs.Add(record);
        }
    }
}
