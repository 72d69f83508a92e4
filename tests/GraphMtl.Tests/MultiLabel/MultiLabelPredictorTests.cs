using GraphMtl.Backbones.Tabular;
using GraphMtl.Data.MultiLabel;
using GraphMtl.MultiLabel;
using GraphMtl.Relational;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.MultiLabel;

[Collection(EngineCollection.Name)]
public sealed class MultiLabelPredictorTests
{
    public sealed class ThePredictMethod
    {
        [Theory]
        [InlineData("metalink")]
        [InlineData("concat")]
        public void Should_Predict_The_Unknown_Labels_From_The_Known_Ones(string head)
        {
            // Given a model trained on the relational toy (every label = the example's hidden bit)
            var data = MultiLabelToys.RelationalCopies(examples: 300, tasks: 4);
            var encoder = new MlpEncoderOptions { Hidden = 16, Layers = 1 };
            using var store = encoder.CreateStore(data.Inputs, CPU);
            var spec = new MultiLabelSpec(encoder, head == "concat" ? new ConcatHeadOptions() : new MetaLinkHeadOptions(),
                new RelationalSettingOptions { Reveal = 0.5 }, new EqualWeightingOptions(), new MultiLabelLossOptions(),
                new MultiLabelSplitOptions { Kind = MultiLabelSplitKind.Random, Train = 0.6, Valid = 0.2 }, 32);
            var train = new TrainOptions { Epochs = 25, Lr = 0.01, Patience = 0, Threads = 1, Selection = new() { Metric = "roc_auc" } };
            float[]? probabilities = null;
            var queries = MultiLabelToys.RelationalCopies(examples: 4, tasks: 4, seed: 99);
            sbyte[] known = [1, 1, -1, -1, 0, 0, -1, -1, -1, 1, -1, -1, -1, -1, -1, -1];

            // When new examples arrive with t0, t1 known (1, 1), (0, 0), t1 known 1, and nothing known
            MultiLabelRunner.Run(data, store, spec, train, [], trained =>
            {
                using var queryStore = encoder.CreateStore(queries.Inputs, CPU);
                probabilities = MultiLabelPredictor.Predict(trained.Model, queryStore, known, store, data.Labels, trained.Split.Train, 4,
                    spec.Setting.Resolve(data.TaskNames), 32, seed: 0);
            });

            // Then known cells are not predicted, and the unknown ones follow the known labels
            Assert.NotNull(probabilities);
            Assert.True(float.IsNaN(probabilities![0]) && float.IsNaN(probabilities[1]));
            Assert.True(probabilities[2] > 0.8 && probabilities[3] > 0.8, $"after (1, 1): {probabilities[2]:F2}, {probabilities[3]:F2}");
            Assert.True(probabilities[6] < 0.2 && probabilities[7] < 0.2, $"after (0, 0): {probabilities[6]:F2}, {probabilities[7]:F2}");
            Assert.True(probabilities[8] > 0.6, $"after t1 = 1: {probabilities[8]:F2}");
            Assert.All(probabilities.Skip(12), p => Assert.InRange(p, 0.05f, 0.95f));
        }
    }
}
