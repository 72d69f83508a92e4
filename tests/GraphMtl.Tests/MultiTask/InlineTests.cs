using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using GraphMtl.MultiTask.Gates;
using GraphMtl.Reports;
using GraphMtl.Testing;
using GraphMtl.Training;
using GraphMtl.Weighting;

namespace GraphMtl.Tests.MultiTask;

[Collection(EngineCollection.Name)]
public sealed class InlineTests
{
    private static IReadOnlyList<GateRecord> Record(MultiTaskModel model, GraphTensors tensors) => GateReport.Record(model, model.Gates!, tensors);

    [Collection(EngineCollection.Name)]
    public sealed class TheForwardMethod
    {
        [Fact]
        public void Should_Return_Logits_Of_Each_Task_On_Its_Node_Type()
        {
            // Given tasks on two node types (authors featureless, papers with features)
            var graph = TinyGraphs.AuthorsAndPapers(authors: 10).AddSelfLoops(["author", "paper"]);
            using var tensors = GraphTensors.From(graph, CPU);
            manual_seed(0);
            using var model = new InlineOptions().Create("m", graph.Metadata, MultiTaskModels.InlineLayer(), graph.Metadata.Tasks);

            // When
            var logits = MultiTaskModels.Logits(model, tensors);

            // Then each head covers its node type, with L2-normalised rows (InLINE's head)
            Assert.Equal([10, 3], logits["field"].shape);
            Assert.Equal([40, 3], logits["topic"].shape);
            Assert.True(logits["topic"].norm(1).allclose(ones(40), atol: 1e-5));
        }

        [Fact]
        public void Should_Give_Gate_Weights_That_Sum_To_One_Over_Experts_Per_Relation()
        {
            // Given InLINE with two tasks and random (not yet trained) gates
            var graph = TinyGraphs.AuthorsAndPapers(authors: 10).AddSelfLoops(["author", "paper"]);
            using var tensors = GraphTensors.From(graph, CPU);
            manual_seed(1);
            using var model = new InlineOptions { GateInitStd = 0.5, Levels = 2 }.Create("m", graph.Metadata, MultiTaskModels.InlineLayer(), graph.Metadata.Tasks);

            // When the gates record one forward pass
            var records = Record(model, tensors);

            // Then there is a gate per level × node type × receiving task, with one row per incoming relation of the type,
            // each summing to one over the two tasks' experts; relation attentions sum to one over relations
            var gates = records.Where(r => r.Kind == GateRecordKind.Experts).ToList();
            Assert.Equal(2 * 2 * 2, gates.Count);
            var author = gates.Single(g => g.Key == "level1/author/task:field");
            Assert.Equal(["paper__rev_writes__author", "author__self__author"], author.Rows);
            Assert.Equal(["field", "topic"], author.Columns);
            foreach (var g in gates)
                foreach (var row in g.Weights) Assert.Equal(1.0, row.Sum(), 5);
            foreach (var a in records.Where(r => r.Kind == GateRecordKind.RelationAttention))
                Assert.Equal(1.0, a.Weights.Sum(row => row[0]), 5);
        }

        [Fact]
        public void Should_Equal_A_Split_Mode_Simple_Hgn_Stack_With_One_Task()
        {
            // Given InLINE with a single task (no gate: its only expert gets weight 1) and a shared-bottom model whose
            // trunk is the same stack of split-mode layers, with the same parameters
            var graph = TinyGraphs.AuthorsAndPapers(authors: 10).AddSelfLoops(["author", "paper"]);
            using var tensors = GraphTensors.From(graph, CPU);
            var tasks = graph.Metadata.Tasks.Take(1).ToList();
            var layer = MultiTaskModels.InlineLayer(layers: 3);
            manual_seed(2);
            using var inline = new InlineOptions { Levels = 3 }.Create("m", graph.Metadata, layer, tasks);
            using var stack = new SharedBottom("m", graph.Metadata, layer with { Mode = AttentionMode.Split }, tasks, HeadOptions.Inline);
            MultiTaskModels.CopyParameters(inline, stack, ("input.", "trunk.input."), ("experts.0.layer.", "trunk.layers.0."),
                ("experts.1.layer.", "trunk.layers.1."), ("experts.2.layer.", "trunk.layers.2."));

            // When / Then
            Assert.Empty(inline.Gates!.Records);
            Assert.True(MultiTaskModels.Logits(inline, tensors)["field"].allclose(MultiTaskModels.Logits(stack, tensors)["field"], atol: 1e-5));
        }

        [Fact]
        public void Should_Give_Gradients_To_Experts_Gates_And_Heads()
        {
            var graph = TinyGraphs.AuthorsAndPapers(authors: 10).AddSelfLoops(["author", "paper"]);
            using var tensors = GraphTensors.From(graph, CPU);
            manual_seed(3);
            using var model = new InlineOptions { Levels = 2 }.Create("m", graph.Metadata, MultiTaskModels.InlineLayer(dropout: 0.5), graph.Metadata.Tasks);
            model.train();
            var logits = model.call(tensors);
            (logits["field"].sum() * 1.7 + (logits["topic"] * randn(40, 3)).sum()).backward();
            foreach (var (name, p) in model.named_parameters())
                if (!name.Contains("edgeEmbedding")) // relation embeddings of relations that never reach a node type with tasks downstream may stay 0
                    Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"no gradient reaches {name}");
        }
    }

    [Collection(EngineCollection.Name)]
    public sealed class TheRelationAttention
    {
        [Fact]
        public void Should_Down_Weight_A_Relation_The_Task_Does_Not_Need()
        {
            // Given items whose task a is carried only by relation l and task b only by relation r
            var graph = TinyGraphs.TwoRelations(items: 60);
            var spec = new ModelSpec(MultiTaskModels.InlineLayer(hidden: 8), new InlineOptions { Levels = 1, Head = new HeadOptions() },
                new EqualWeightingOptions(), new LossOptions());
            var train = new TrainOptions { Epochs = 150, Lr = 0.03, WeightDecay = 0, EvalEvery = 50, Patience = 0, Seed = 0, Selection = new SelectionOptions { Metric = "loss" } };
            IReadOnlyList<GateRecord> records = [];

            // When InLINE is trained on both tasks
            var result = NodeExperiment.Run(graph, spec, train, [], (_, model, tensors) => records = Record(model, tensors));

            // Then each task's relation attention puts most weight on the relation it needs
            double Beta(string task, string relation)
            {
                var a = records.Single(r => r.Key == $"level1/item/task:{task}/relations");
                return a.Weights[a.Rows.ToList().IndexOf(relation)][0];
            }
            Assert.True(result.Seeds[0].Evaluation.Value("a", SplitPart.Val, "accuracy") > 0.8);
            Assert.True(Beta("a", "left__l__item") > 0.7, $"β(a, l) = {Beta("a", "left__l__item"):0.000}");
            Assert.True(Beta("b", "right__r__item") > 0.7, $"β(b, r) = {Beta("b", "right__r__item"):0.000}");
        }
    }

    [Collection(EngineCollection.Name)]
    public sealed class TheSharedParametersMethod
    {
        [Fact]
        public void Should_Leave_Out_Heads_And_Last_Level_Task_Gates()
        {
            var graph = TinyGraphs.AuthorsAndPapers(authors: 10).AddSelfLoops(["author", "paper"]);
            manual_seed(4);
            using var model = new InlineOptions { Levels = 2 }.Create("m", graph.Metadata, MultiTaskModels.InlineLayer(), graph.Metadata.Tasks);
            var shared = model.SharedParameters().ToHashSet();
            var names = model.named_parameters().Where(p => shared.Contains(p.parameter)).Select(p => p.name).ToList();
            Assert.DoesNotContain(names, n => n.StartsWith("heads.", StringComparison.Ordinal));
            Assert.DoesNotContain(names, n => n.StartsWith("gates.level1-", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("gates.level0-", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("experts.3.", StringComparison.Ordinal)); // last level's experts are mixed into every task
            Assert.Contains(names, n => n.StartsWith("input.", StringComparison.Ordinal));
        }
    }

    public sealed class TheOptions
    {
        [Fact]
        public void Should_Default_To_The_Reference_Head_And_Gates()
        {
            var options = new InlineOptions();
            Assert.Equal(HeadKind.Layer, options.Head.Kind);
            Assert.True(options.Head.L2Normalize);
            Assert.Equal(3, options.Levels);
            Assert.Equal(1e-4, options.GateInitStd);
            Assert.False(options.SharedExpert);
        }

        [Fact]
        public void Should_Refuse_A_Backbone_Without_Split_Mode()
        {
            var graph = TinyGraphs.AuthorsAndPapers(authors: 6);
            var e = Assert.Throws<GraphMtlException>(() => new InlineOptions().Create("m", graph.Metadata, new RgcnOptions { Hidden = 4 }, graph.Metadata.Tasks));
            Assert.Contains("split", e.Message);
        }
    }
}
