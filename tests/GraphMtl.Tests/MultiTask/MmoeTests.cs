using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using GraphMtl.MultiTask.Gates;
using GraphMtl.Reports;
using GraphMtl.Testing;

namespace GraphMtl.Tests.MultiTask;

[Collection(EngineCollection.Name)]
public sealed class MmoeTests
{
    private static HeteroGraph Graph() => TinyGraphs.AuthorsAndPapers(authors: 10);

    [Collection(EngineCollection.Name)]
    public sealed class TheForwardMethod
    {
        [Theory]
        [InlineData("mmoe", 9)]
        [InlineData("cgc", 6)]
        [InlineData("ple", 6)]
        public void Should_Give_Task_Gates_Over_Their_Experts_Summing_To_One(string architecture, int experts)
        {
            // Given 3 shared + 3 per-task experts for two tasks
            var graph = Graph();
            using var tensors = GraphTensors.From(graph, CPU);
            manual_seed(0);
            var options = (MmoeOptions)ArchitectureRegistry.Instance.Create(architecture) with { Levels = 2, GateHidden = 4 };
            using var model = options.Create("m", graph.Metadata, new RgcnOptions { Hidden = 8, Dropout = 0 }, graph.Metadata.Tasks);

            // When
            var records = GateReport.Record(model, model.Gates!, tensors);

            // Then MMoE's task gates see all 9 experts, CGC/PLE's the 3 shared and their own 3; rows sum to one
            var field = records.Single(r => r.Key == "level1/author/task:field");
            Assert.Equal(experts, field.Columns.Count);
            if (experts == 6) Assert.Equal(["shared1", "shared2", "shared3", "field1", "field2", "field3"], field.Columns);
            Assert.Equal(9, records.Single(r => r.Key == "level1/author/shared").Columns.Count); // the shared gate sees all
            Assert.DoesNotContain(records, r => r.Key == "level2/author/shared");                // none after the last level
            foreach (var r in records) Assert.Equal(1.0, r.Weights[0].Sum(), 5);
        }

        [Fact]
        public void Should_Equal_Shared_Bottom_With_One_Shared_Expert_And_One_Level()
        {
            // Given an MMoE whose only expert is one RGCN layer, and a one-layer shared-bottom with the same parameters
            var graph = Graph();
            using var tensors = GraphTensors.From(graph, CPU);
            var backbone = new RgcnOptions { Hidden = 8, Layers = 1, Dropout = 0 };
            manual_seed(1);
            using var mmoe = new MmoeOptions { SharedExperts = 1, TaskExperts = 0, Levels = 1 }.Create("m", graph.Metadata, backbone, graph.Metadata.Tasks);
            using var sb = new SharedBottomOptions().Create("m", graph.Metadata, backbone, graph.Metadata.Tasks);
            MultiTaskModels.CopyParameters(sb, mmoe, ("trunk.input.", "input."), ("trunk.layers.0.", "levels.0.experts.0.layer."));

            // When / Then the gate over a single expert changes nothing
            var a = MultiTaskModels.Logits(mmoe, tensors);
            var b = MultiTaskModels.Logits(sb, tensors);
            foreach (var task in a.Keys) Assert.True(a[task].allclose(b[task], atol: 1e-6), task);
        }

        [Fact]
        public void Should_Use_Any_Backbone_Layer_As_Expert()
        {
            var graph = Graph();
            using var tensors = GraphTensors.From(graph, CPU);
            foreach (BackboneOptions backbone in new BackboneOptions[] { new HgtOptions { Hidden = 8, Heads = 2 }, MultiTaskModels.InlineLayer(), new RgcnOptions { Hidden = 8 } })
            {
                manual_seed(2);
                using var model = new PleOptions { SharedExperts = 1, TaskExperts = 1, Head = new HeadOptions { Kind = HeadKind.Layer } }
                    .Create("m", graph.Metadata, backbone, graph.Metadata.Tasks);
                var logits = MultiTaskModels.Logits(model, tensors);
                Assert.Equal([40, 3], logits["topic"].shape);
                Assert.False(logits["field"].isnan().any().item<bool>());
            }
        }
    }

    [Collection(EngineCollection.Name)]
    public sealed class TheSharedParametersMethod
    {
        [Theory]
        [InlineData("mmoe", true)]
        [InlineData("cgc", false)]
        public void Should_Hold_Last_Level_Task_Experts_Only_When_Other_Tasks_See_Them(string architecture, bool taskExpertsShared)
        {
            var graph = Graph();
            manual_seed(3);
            var options = (MmoeOptions)ArchitectureRegistry.Instance.Create(architecture) with { SharedExperts = 1, TaskExperts = 1, Levels = 1 };
            using var model = options.Create("m", graph.Metadata, new RgcnOptions { Hidden = 4 }, graph.Metadata.Tasks);
            var shared = model.SharedParameters().ToHashSet();
            var names = model.named_parameters().Where(p => shared.Contains(p.parameter)).Select(p => p.name).ToList();
            Assert.Contains(names, n => n.StartsWith("levels.0.experts.0.", StringComparison.Ordinal));  // the shared expert
            Assert.Equal(taskExpertsShared, names.Any(n => n.StartsWith("levels.0.experts.1.", StringComparison.Ordinal)));
            Assert.DoesNotContain(names, n => n.StartsWith("heads.", StringComparison.Ordinal) || n.Contains("taskGates"));
        }
    }

    public sealed class TheOptions
    {
        [Fact]
        public void Should_Default_To_The_Reference_Baselines()
        {
            Assert.Equal((3, 3, 3), (new MmoeOptions().SharedExperts, new MmoeOptions().TaskExperts, new MmoeOptions().Levels));
            Assert.Equal(1, new CgcOptions().Levels);
            Assert.Equal(3, new PleOptions().Levels);
        }

        [Fact]
        public void Should_Reject_A_Level_Without_Experts() =>
            Assert.Contains(new MmoeOptions { SharedExperts = 0, TaskExperts = 0 }.Validate(), e => e.Property == nameof(MmoeOptions.SharedExperts));
    }
}
