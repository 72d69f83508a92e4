using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.Training;

[Collection(EngineCollection.Name)]
public sealed class NodeExperimentTests
{
    private static ModelSpec Spec(BackboneOptions backbone, ArchitectureOptions? architecture = null) =>
        new(backbone, architecture ?? new SharedBottomOptions(), new EqualWeightingOptions(), new LossOptions());

    private static TrainOptions Train(int epochs = 60, int runs = 1, int seed = 0) =>
        new() { Epochs = epochs, Lr = 0.02, Runs = runs, Seed = seed, Patience = 0, Selection = new() { Metric = "accuracy" } };

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class's collection
    public sealed class TheRunMethod
    {
        [Fact]
        public void Should_Learn_A_Task_That_Needs_Message_Passing_With_Rgcn_But_Not_With_Mlp()
        {
            // Given authors without features whose label is the topic of most of their papers
            var graph = TinyGraphs.AuthorsAndPapers();

            // When
            var rgcn = NodeExperiment.Run(graph, Spec(new RgcnOptions { Hidden = 16, Dropout = 0.1 }), Train(), []);
            var mlp = NodeExperiment.Run(graph, Spec(new MlpOptions { Hidden = 16, Dropout = 0.1 }), Train(), []);

            // Then RGCN reads the papers; an MLP on a featureless type cannot generalise beyond chance
            double rgcnField = rgcn.Seeds[0].Evaluation.Value("field", SplitPart.Test, "accuracy");
            double mlpField = mlp.Seeds[0].Evaluation.Value("field", SplitPart.Test, "accuracy");
            Assert.True(rgcnField >= 0.9, $"RGCN field accuracy {rgcnField}");
            Assert.True(mlpField <= 0.6, $"MLP field accuracy {mlpField}");
            Assert.True(mlp.Seeds[0].Evaluation.Value("topic", SplitPart.Test, "accuracy") >= 0.85);
        }

        [Fact]
        public void Should_Give_Identical_Metrics_For_The_Same_Seed()
        {
            var graph = TinyGraphs.AuthorsAndPapers();
            var spec = Spec(new RgcnOptions { Hidden = 8 });

            var a = NodeExperiment.Run(graph, spec, Train(epochs: 15, seed: 3), []);
            var b = NodeExperiment.Run(graph, spec, Train(epochs: 15, seed: 3), []);
            var c = NodeExperiment.Run(graph, spec, Train(epochs: 15, seed: 4), []);

            double Loss(ExperimentResult r) => r.Seeds[0].Evaluation.Value("topic", SplitPart.Val, "loss");
            Assert.Equal(Loss(a), Loss(b));
            Assert.NotEqual(Loss(a), Loss(c));
        }

        [Fact]
        public void Should_Train_One_Model_Per_Task_For_Single_Task_Learning()
        {
            var graph = TinyGraphs.AuthorsAndPapers();

            var result = NodeExperiment.Run(graph, Spec(new RgcnOptions { Hidden = 8 }, new SingleTaskOptions()), Train(epochs: 5, runs: 2), []);

            Assert.Equal(2, result.Seeds.Count);
            Assert.All(result.Seeds, s => Assert.Equal(2, s.Parts.Count));
            Assert.Equal(["field"], result.Seeds[0].Parts[0].Run.Tasks);
            Assert.False(double.IsNaN(result.Seeds[1].Evaluation.Value("topic", SplitPart.Test, "accuracy")));
        }

        [Fact]
        public void Should_Stop_Early_After_Patience_Evaluations_Without_Improvement()
        {
            var graph = TinyGraphs.AuthorsAndPapers();
            var options = Train(epochs: 500) with { Patience = 3, Lr = 1e-9 }; // nothing improves after epoch 0

            var result = NodeExperiment.Run(graph, Spec(new MlpOptions { Hidden = 4, Dropout = 0 }), options, []);

            Assert.Equal(4, result.Seeds[0].Parts[0].EpochsRun); // epoch 0 accepted, epochs 1..3 not
            Assert.Equal(0, result.Seeds[0].Parts[0].BestEpoch);
        }
    }
}
