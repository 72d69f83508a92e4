using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.MultiTask;

/// <summary>Single-task learning and shared-bottom are degenerate cases: the library's training matches training them directly.</summary>
[Collection(EngineCollection.Name)]
public sealed class SharedBottomTests
{
    private static readonly RgcnOptions Backbone = new() { Hidden = 8, Layers = 2, Dropout = 0 };

    private static TrainOptions Train() => new()
    {
        Epochs = 6, Lr = 0.01, WeightDecay = 0, EvalEvery = 100, Patience = 0, Seed = 3,
        Selection = new SelectionOptions { Metric = "loss" },
    };

    /// <summary>A hand-written loop: seed, build, then per epoch one AdamW step on the summed losses of <paramref name="tasks"/>.</summary>
    private static Dictionary<string, Tensor> TrainDirectly(HeteroGraph graph, GraphTensors tensors, IReadOnlyList<TaskInfo> tasks, HeadOptions head)
    {
        var train = Train();
        manual_seed(train.Seed);
        using var model = new SharedBottom("model", graph.Metadata, Backbone, tasks, head);
        using var optimizer = optim.AdamW(model.parameters(), lr: train.Lr, weight_decay: 0);
        for (int epoch = 0; epoch < train.Epochs; epoch++)
        {
            using var scope = NewDisposeScope();
            model.train();
            optimizer.zero_grad();
            var logits = model.call(tensors);
            Tensor loss = zeros(1);
            foreach (var task in tasks)
            {
                var t = tensors.Task(task.Name);
                loss = loss + nn.functional.cross_entropy(logits[task.Name].index_select(0, t.Train), t.Labels.index_select(0, t.Train));
            }
            loss.backward();
            optimizer.step();
        }
        return MultiTaskModels.Logits(model, tensors);
    }

    [Theory]
    [InlineData(HeadKind.Linear)]
    [InlineData(HeadKind.Layer)]
    public void Should_Match_Direct_Training_Of_One_Trunk_With_A_Head_Per_Task(HeadKind head)
    {
        // Given two tasks on two node types
        var graph = TinyGraphs.AuthorsAndPapers(authors: 12);
        using var tensors = GraphTensors.From(graph, CPU);
        var headOptions = new HeadOptions { Kind = head };
        var spec = new ModelSpec(Backbone, new SharedBottomOptions { Head = headOptions }, new EqualWeightingOptions(), new LossOptions());
        var trained = new Dictionary<string, Tensor>();

        // When the library trains shared-bottom with equal weights, and a plain loop trains the same model on the summed loss
        var result = NodeExperiment.Run(graph, spec, Train(), [], (_, model, t) => trained = MultiTaskModels.Logits(model, t));
        var direct = TrainDirectly(graph, tensors, graph.Metadata.Tasks, headOptions);

        // Then (the last epoch being selected) both end with the same model
        Assert.Equal(Train().Epochs - 1, result.Seeds[0].Parts[0].BestEpoch);
        foreach (var task in direct.Keys) Assert.True(trained[task].allclose(direct[task], atol: 1e-5), task);
    }

    [Fact]
    public void Should_Match_Direct_Training_Of_One_Model_Per_Task_For_Single_Task_Learning()
    {
        // Given two tasks
        var graph = TinyGraphs.AuthorsAndPapers(authors: 12);
        using var tensors = GraphTensors.From(graph, CPU);
        var spec = new ModelSpec(Backbone, new SingleTaskOptions(), new EqualWeightingOptions(), new LossOptions());
        var trained = new Dictionary<string, Tensor>();

        // When the library trains single-task models, and a plain loop trains one model per task on its own loss
        var result = NodeExperiment.Run(graph, spec, Train(), [], (run, model, t) =>
        {
            Assert.Single(run.Tasks);
            trained[run.Tasks[0]] = MultiTaskModels.Logits(model, t)[run.Tasks[0]];
        });

        // Then each task's model is the directly trained one
        Assert.Equal(2, result.Seeds[0].Parts.Count);
        foreach (var task in graph.Metadata.Tasks)
        {
            Assert.Equal(Train().Epochs - 1, result.Seeds[0].Parts.Single(p => p.Run.Tasks[0] == task.Name).BestEpoch);
            var direct = TrainDirectly(graph, tensors, [task], new HeadOptions())[task.Name];
            Assert.True(trained[task.Name].allclose(direct, atol: 1e-5), task.Name);
        }
    }

    [Fact]
    public void Should_Share_Everything_But_The_Heads()
    {
        var graph = TinyGraphs.AuthorsAndPapers(authors: 6);
        using var model = new SharedBottomOptions().Create("m", graph.Metadata, Backbone, graph.Metadata.Tasks);
        var shared = model.SharedParameters().ToHashSet();
        foreach (var (name, p) in model.named_parameters())
            Assert.Equal(!name.StartsWith("heads.", StringComparison.Ordinal), shared.Contains(p));
        using var single = new SharedBottomOptions().Create("m", graph.Metadata, Backbone, graph.Metadata.Tasks.Take(1).ToList());
        Assert.Empty(single.SharedParameters());
    }
}
