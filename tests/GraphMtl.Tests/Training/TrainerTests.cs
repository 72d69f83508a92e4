using GraphMtl.Backbones;
using GraphMtl.MultiTask;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.Training;

[Collection(EngineCollection.Name)]
public sealed class TrainerTests
{
    private sealed class LiveTensors : ITrainingCallback
    {
        public Dictionary<int, long> ByEpoch { get; } = [];

        public void OnEpoch(RunInfo run, EpochRecord record) => ByEpoch[record.Epoch] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
    }

    [Fact]
    public void Should_Keep_The_Number_Of_Live_Tensors_Flat_Over_Epochs()
    {
        // Given a model that is evaluated (and snapshotted) every epoch
        var graph = TinyGraphs.AuthorsAndPapers(authors: 12);
        var spec = new ModelSpec(new RgcnOptions { Hidden = 8 }, new SharedBottomOptions(), new EqualWeightingOptions(), new LossOptions());
        var live = new LiveTensors();

        // When
        NodeExperiment.Run(graph, spec, new TrainOptions { Epochs = 40, Patience = 0 }, [live]);

        // Then after warm-up (optimiser state exists) nothing accumulates from step to step
        Assert.Equal(live.ByEpoch[5], live.ByEpoch[39]);
    }

    [Fact]
    public void Should_Accept_Only_When_Every_Task_Improves_Under_The_All_Tasks_Rule()
    {
        var selector = new ModelSelector(new SelectionOptions { Metric = "loss", Mode = SelectionMode.AllTasks }, ["a", "b"]);
        Evaluation Eval(double a, double b)
        {
            var e = new Evaluation();
            e.Set("a", GraphMtl.Graphs.SplitPart.Val, new Dictionary<string, double> { ["loss"] = a });
            e.Set("b", GraphMtl.Graphs.SplitPart.Val, new Dictionary<string, double> { ["loss"] = b });
            return e;
        }

        Assert.True(selector.Consider(Eval(1.0, 1.0)));
        Assert.False(selector.Consider(Eval(0.5, 1.1))); // mean improves, but b got worse
        Assert.True(selector.Consider(Eval(0.9, 1.0)));  // ties count as "at least as good"
        Assert.Equal(0, selector.SinceBest);
        Assert.False(selector.Consider(Eval(0.95, 0.5)));
        Assert.Equal(1, selector.SinceBest);
    }

    [Fact]
    public void Should_Accept_When_The_Mean_Improves_Under_The_Mean_Rule()
    {
        var selector = new ModelSelector(new SelectionOptions { Metric = "macro_f1" }, ["a", "b"]);
        Evaluation Eval(double a, double b)
        {
            var e = new Evaluation();
            e.Set("a", GraphMtl.Graphs.SplitPart.Val, new Dictionary<string, double> { ["macro_f1"] = a });
            e.Set("b", GraphMtl.Graphs.SplitPart.Val, new Dictionary<string, double> { ["macro_f1"] = b });
            return e;
        }

        Assert.True(selector.Consider(Eval(0.5, 0.5)));
        Assert.True(selector.Consider(Eval(0.8, 0.3)));  // mean 0.55 > 0.5
        Assert.False(selector.Consider(Eval(0.55, 0.55))); // equal mean is not better
    }
}
