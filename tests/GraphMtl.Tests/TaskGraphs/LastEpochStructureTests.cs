using GraphMtl.TaskGraphs.Training;
using GraphMtl.Training;

namespace GraphMtl.Tests.TaskGraphs;

public sealed class LastEpochStructureTests
{
    // A model whose learned graph is the number of times it was asked for it.
    private sealed class CountingModel() : TaskGraphModel("counting")
    {
        private int _calls;
        public override IReadOnlyList<TaskGraphStage> Stages => [];
        public override LearnedStructure? Structure() => new(null, [++_calls]);
    }

    [Fact]
    public void Should_Keep_The_Structure_Of_The_Latest_Epoch()
    {
        using var model = new CountingModel();
        var callback = new LastEpochStructure(model);
        var run = new RunInfo(0, 0, ["a", "b"], 3, "stage2");
        Assert.Null(callback.Captured);

        for (int epoch = 0; epoch < 3; epoch++)
            ((ITrainingCallback)callback).OnEpoch(run, new EpochRecord(epoch, [0.0, 0.0], [1.0, 1.0], 0.1, null, epoch == 0));

        Assert.Equal(new[] { 3f }, callback.Captured!.Learned!);
    }
}
