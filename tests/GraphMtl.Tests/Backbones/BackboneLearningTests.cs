using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using GraphMtl.Nn;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.Backbones;

/// <summary>Each backbone learns the tiny task that needs message passing (authors' field from their papers).</summary>
[Collection(EngineCollection.Name)]
public sealed class BackboneLearningTests
{
    public static TheoryData<string> Backbones => new() { "simple-hgn", "simple-hgn-split", "hgt", "rgcn-fused" };

    private static BackboneOptions Options(string name) => name switch
    {
        "simple-hgn" => new SimpleHgnOptions { Hidden = 8, Heads = 2, EdgeDim = 8, Dropout = 0.1, AttentionDropout = 0.1 },
        "simple-hgn-split" => new SimpleHgnOptions { Hidden = 8, Heads = 2, EdgeDim = 8, Dropout = 0.1, AttentionDropout = 0.1, Mode = AttentionMode.Split, PerTypeWeights = true },
        "hgt" => new HgtOptions { Hidden = 16, Heads = 2, Dropout = 0.1 },
        "rgcn-fused" => new RgcnOptions { Hidden = 16, Dropout = 0.1, Fused = true },
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Backbones))]
    public void Should_Learn_A_Task_That_Needs_Message_Passing(string name)
    {
        // Given authors without features whose label is the topic of most of their papers, with self-loop relations
        // as in the HGB recipe (attention layers have no separate self-connection)
        var graph = TinyGraphs.AuthorsAndPapers().AddSelfLoops(["author", "paper"]);
        var spec = new ModelSpec(Options(name), new SharedBottomOptions(), new EqualWeightingOptions(), new LossOptions());
        var train = new TrainOptions { Epochs = 60, Lr = 0.02, Runs = 1, Seed = 0, Patience = 0, Selection = new() { Metric = "accuracy" } };

        // When
        var result = NodeExperiment.Run(graph, spec, train, []);

        // Then
        double field = result.Seeds[0].Evaluation.Value("field", SplitPart.Test, "accuracy");
        Assert.True(field >= 0.9, $"{name} field accuracy {field}");
    }
}
