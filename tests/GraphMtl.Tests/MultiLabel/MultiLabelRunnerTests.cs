using GraphMtl.Backbones.Tabular;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Graphs;
using GraphMtl.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.MultiLabel;

[Collection(EngineCollection.Name)]
public sealed class MultiLabelRunnerTests
{
    private static MultiLabelSpec Spec(HeadOptions head, WeightingOptions weighting, LossReduction reduction = LossReduction.Pooled, double p = 0.3) =>
        new(new MlpEncoderOptions { Hidden = 8, Layers = 1 }, head, new RelationalSettingOptions { Reveal = p }, weighting,
            new MultiLabelLossOptions { Reduction = reduction }, new MultiLabelSplitOptions { Kind = MultiLabelSplitKind.Random }, 16);

    private static TrainOptions Train(int epochs = 3, int runs = 1, int seed = 0) =>
        new() { Epochs = epochs, Lr = 0.01, Patience = 0, Runs = runs, Seed = seed, Threads = 1, Selection = new() { Metric = "roc_auc" } };

    public sealed class TheRunMethod
    {
        public static TheoryData<string, string> Weightings() => new()
        {
            { "equal", "direct" }, { "fixed", "direct" }, { "uncertainty", "direct" }, { "grad-norm", "direct" }, { "dwa", "direct" }, { "pcgrad", "direct" },
            { "pcgrad", "concat" }, { "grad-norm", "metalink" }, { "uncertainty", "metalink" },
        };

        [Theory]
        [MemberData(nameof(Weightings))]
        public void Should_Train_With_Every_Weighting(string weighting, string head)
        {
            var data = MultiLabelToys.RandomLabels(80, 3, missing: 0.2);
            using var store = new MlpEncoderOptions().CreateStore(data.Inputs, CPU);
            var spec = Spec(HeadRegistry.Instance.Create(head), WeightingRegistry.Instance.Create(weighting), LossReduction.TaskMean);

            var result = MultiLabelRunner.Run(data, store, spec, Train(), []);

            var losses = result.Seeds[0].Parts[0];
            Assert.Equal(3, losses.EpochsRun);
            Assert.All(data.TaskNames, t => Assert.False(double.IsNaN(result.Seeds[0].Evaluation.Value(t, SplitPart.Val, "loss"))));
        }

        [Fact]
        public void Should_Give_Identical_Results_For_The_Same_Seed_And_Different_Ones_Otherwise()
        {
            var data = MultiLabelToys.RandomLabels(80, 3, missing: 0.2);
            using var store = new MlpEncoderOptions().CreateStore(data.Inputs, CPU);
            var spec = Spec(new MetaLinkHeadOptions(), new EqualWeightingOptions());

            var a = MultiLabelRunner.Run(data, store, spec, Train(seed: 4), []);
            var b = MultiLabelRunner.Run(data, store, spec, Train(seed: 4), []);
            var c = MultiLabelRunner.Run(data, store, spec, Train(seed: 5), []);

            double Loss(ExperimentResult r) => r.Seeds[0].Evaluation.Value("t0", SplitPart.Test, "loss");
            Assert.Equal(Loss(a), Loss(b));
            Assert.NotEqual(Loss(a), Loss(c));
        }

        [Fact]
        public void Should_Report_Only_Held_Out_Tasks_In_The_Meta_Setting()
        {
            var data = MultiLabelToys.RandomLabels(100, 5, missing: 0.1);
            using var store = new MlpEncoderOptions().CreateStore(data.Inputs, CPU);
            var spec = Spec(new MetaLinkHeadOptions(), new EqualWeightingOptions()) with { Setting = new RelationalSettingOptions { Meta = true, Reveal = 0.2 } };

            var result = MultiLabelRunner.Run(data, store, spec, Train(epochs: 2, runs: 2), []);

            Assert.Equal(["t4"], result.Tasks);
            Assert.Equal("metalink/mlp p=0.2 meta", result.Model);
            Assert.Equal(2, result.Seeds.Count);
            Assert.False(double.IsNaN(result.Seeds[1].Evaluation.Value("t4", SplitPart.Test, "loss")));
        }
    }
}
