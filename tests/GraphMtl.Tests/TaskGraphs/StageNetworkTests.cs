using GraphMtl.Backbones;
using GraphMtl.Backbones.Tabular;
using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Graphs;
using GraphMtl.TaskGraphs;
using GraphMtl.TaskGraphs.SyntheticDag;
using GraphMtl.TaskGraphs.Training;

namespace GraphMtl.Tests.TaskGraphs;

/// <summary>Shapes, gradients and label masks of the SGNN, SGNN-EBM and GCNet stage networks on a tiny generated dataset.</summary>
[Collection(EngineCollection.Name)]
public sealed class StageNetworkTests
{
    private const int Tasks = 5;
    private static readonly StateSettings Settings = new(TaskDim: 4, TaskDropout: 0, StateHidden: [8], StateDropout: 0, Layers: 3);

    // A tiny benchmark (5 tasks, 4 features), its heuristic graph and an MLP encoder store.
    private sealed class Fixture : IDisposable
    {
        public readonly MultiLabelDataset Data = SyntheticDagGenerator.Generate(new SyntheticDagOptions { Seed = 3, Tasks = Tasks, Features = 4, Examples = 60, ExpectedParents = 1 });
        public readonly MlpEncoderOptions Encoder = new() { Hidden = 6, Layers = 1, Readout = false, Normalize = false };
        public readonly TaskGraphTensors Graph;
        public readonly IExampleStore Store;

        public Fixture()
        {
            Graph = new TaskGraphTensors(Data.Structure!.Heuristic!, CPU);
            Store = Encoder.CreateStore(Data.Inputs, CPU);
        }

        public ExampleEncoder NewEncoder() => Encoder.Create("encoder", Data.Inputs, Enumerable.Range(0, Data.Count).ToList());

        // Rows 0..7 with their labels; prior logits and a seeded generator for the energy stages.
        public StageBatch Batch(int[]? rows = null, Tensor? labels = null, Tensor? valid = null)
        {
            rows ??= Enumerable.Range(0, 8).ToArray();
            var (y, v) = TaskGraphProblem.LabelMatrix(Data.Labels, Tasks, rows);
            var prior = linspace(-2, 2, rows.Length * Tasks).view(rows.Length, Tasks);
            return new StageBatch(rows, Store.Collate(rows), labels ?? tensor(y, [rows.Length, Tasks]), valid ?? tensor(v, [rows.Length, Tasks]),
                prior, new Random(1), new Generator(7UL, CPU));
        }

        public void Dispose()
        {
            Graph.Dispose();
            Store.Dispose();
        }
    }

    private static void AssertProbabilities(Tensor p, int rows)
    {
        Assert.Equal(new long[] { rows, Tasks }, p.shape);
        Assert.True(p.ge(0).all().item<bool>() && p.le(1).all().item<bool>(), "probabilities in [0, 1]");
    }

    private static bool HasGradient(nn.Module module) => module.parameters().Any(p => p.grad is { } g && g.abs().sum().item<float>() > 0);

    public sealed class TheSgnnNetwork
    {
        [Fact]
        public void Should_Give_One_Loss_Per_Task_Probabilities_Per_Cell_And_Gradients_To_The_Encoder()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var net = new SgnnNetwork("sgnn", fixture.NewEncoder(), fixture.Graph, Settings, stateDim: 3);

            var losses = net.Losses(fixture.Batch());
            Assert.Equal(Tasks, losses.Length);
            stack(losses).sum().backward();

            Assert.True(HasGradient(net.Encoder));
            Assert.True(HasGradient(net.Tasks));
            net.eval();
            using (no_grad()) AssertProbabilities(net.Probabilities(fixture.Batch()), 8);
        }

        [Fact]
        public void Should_Ignore_Labels_Where_The_Mask_Is_Zero()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var net = new SgnnNetwork("sgnn", fixture.NewEncoder(), fixture.Graph, Settings, stateDim: 3);
            net.eval(); // no dropout or batch statistics between the two calls
            var batch = fixture.Batch();
            var valid = batch.Valid.clone();
            valid[0, 0] = 0;

            // When only the label of a masked cell changes
            var flipped = batch.Labels.clone();
            flipped[0, 0] = 1 - flipped[0, 0];
            using var _ = no_grad();
            var a = stack(net.Losses(fixture.Batch(valid: valid))).sum().item<float>();
            var b = stack(net.Losses(fixture.Batch(labels: flipped, valid: valid))).sum().item<float>();

            // Then the loss is unchanged
            Assert.Equal(a, b, 6);
        }
    }

    public sealed class TheSgnnEbmNetwork
    {
        [Fact]
        public void Should_Give_Potentials_Of_The_Graph_And_Train_By_Nce()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var net = new SgnnEbmNetwork("ebm", fixture.NewEncoder(), fixture.Graph, Settings, new SgnnEbmStageOptions { StateDim = 3 });

            var (node, pair) = net.Potentials(fixture.Batch());
            Assert.Equal(new long[] { 8, Tasks, 2 }, node.shape);
            Assert.Equal(new long[] { 8, fixture.Graph.EdgeCount, 4 }, pair.shape);
            var losses = net.Losses(fixture.Batch());
            Assert.Equal(Tasks, losses.Length);
            Assert.True(float.IsFinite(stack(losses).sum().item<float>()));
            stack(losses).sum().backward();
            Assert.True(HasGradient(net.Encoder));
            net.eval();
            using (no_grad()) AssertProbabilities(net.Probabilities(fixture.Batch()), 8);
        }
    }

    public sealed class TheGcNetFeatureNetwork
    {
        [Fact]
        public void Should_Give_A_Symmetric_Structure_Prior_In_The_Unit_Interval_With_Gradients_To_The_Attention()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var net = new GcNetFeatureNetwork("stage1", fixture.NewEncoder(), fixture.Graph, Settings, new GcNetFeatureStageOptions { StateDim = 3, L1 = 0.5 });

            var losses = net.Losses(fixture.Batch());
            Assert.Equal(Tasks, losses.Length);
            stack(losses).sum().backward();
            Assert.True(HasGradient(net.Encoder));
            Assert.Contains(net.named_parameters(), p => p.name.StartsWith("attention") && p.parameter.grad is { } g && g.abs().sum().item<float>() > 0);

            // The prior: one value per directed edge, in (0, 1), the same for (i, j) and (j, i)
            var prior = net.StructurePrior();
            var graph = fixture.Graph.Graph;
            Assert.Equal(graph.EdgeCount, prior.Length);
            Assert.All(prior, a => Assert.InRange(a, 0f, 1f));
            for (int e = 0; e < graph.EdgeCount; e++)
            {
                int reverse = Enumerable.Range(0, graph.EdgeCount).Single(f => graph.Source[f] == graph.Target[e] && graph.Target[f] == graph.Source[e]);
                Assert.Equal(prior[e], prior[reverse], 5);
            }
            net.eval();
            using (no_grad()) AssertProbabilities(net.Probabilities(fixture.Batch()), 8);
        }
    }

    public sealed class TheProblemWithRevealedLabels
    {
        [Fact]
        public void Should_Score_Only_The_Labels_The_Run_Did_Not_Reveal()
        {
            // Given an SGNN-EBM stage and a split of the 60 rows
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var net = new SgnnEbmNetwork("ebm", fixture.NewEncoder(), fixture.Graph, Settings, new SgnnEbmStageOptions { StateDim = 3, InferenceChains = 2 });
            net.eval();
            var split = new DatasetSplit([.. Enumerable.Range(0, 30)], [.. Enumerable.Range(30, 15)], [.. Enumerable.Range(45, 15)]);
            Tensor Prior(int[] rows) => zeros(rows.Length, Tasks);
            TaskGraphProblem Problem(double reveal) => new(net, fixture.Data, fixture.Store, split, 8, seed: 4, Prior, CPU, reveal);

            // When the test part is scored with half of the labels revealed, and with none
            var hidden = Problem(0.5).Score(SplitPart.Test);
            var all = Problem(0).Score(SplitPart.Test);

            // Then each task keeps exactly its observed labels that the run's reveal (shared with single-model heads) did not reveal
            var reveal = GraphMtl.Relational.EvaluationReveal.ForRun(0.5, 4);
            for (int k = 0; k < Tasks; k++)
            {
                var expected = split.Test.Where(r => fixture.Data.Labels[r * Tasks + k] >= 0 && !reveal.IsRevealed(r, k)).Select(r => (int)fixture.Data.Labels[r * Tasks + k]);
                Assert.Equal(expected, hidden[k].Labels);
            }
            Assert.True(hidden.Sum(h => h.Labels.Count) < all.Sum(a => a.Labels.Count));
        }
    }

    public sealed class TheGcNetOutputNetwork
    {
        private static GcNetOutputNetwork Create(Fixture fixture, AdjacencyGradient gradient, ScmInput scm = ScmInput.Labels) =>
            new("stage2", fixture.NewEncoder(), fixture.Graph, Settings, new GcNetOutputStageOptions { StateDim = 3, AdjacencyGradient = gradient, Scm = scm });

        [Fact]
        public void Should_Start_A_From_The_Prior_On_Graph_Edges_Upper_Triangular()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            using var net = Create(fixture, AdjacencyGradient.Detached);
            var graph = fixture.Graph.Graph;
            var prior = Enumerable.Range(0, graph.EdgeCount).Select(e => 0.1f + e).ToArray();

            net.InitialiseAdjacency(prior);

            var a = net.LearnedGraph();
            for (int i = 0; i < Tasks; i++)
                for (int j = 0; j < Tasks; j++)
                {
                    int edge = Enumerable.Range(0, graph.EdgeCount).FirstOrDefault(e => graph.Source[e] == i && graph.Target[e] == j, -1);
                    float expected = i < j && edge >= 0 ? prior[edge] : 0f;
                    Assert.Equal(expected, a[i * Tasks + j], 5);
                }
        }

        [Fact]
        public void Should_Scale_A_From_Its_Parameter_Keeping_The_Prior_Start_And_Multiplying_The_Step()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            var graph = fixture.Graph.Graph;
            var prior = Enumerable.Range(0, graph.EdgeCount).Select(e => 0.05f * (e + 1)).ToArray();
            var results = new List<(float[] Start, float[] AfterStep)>();
            foreach (double scale in new[] { 1.0, 10.0 })
            {
                manual_seed(0);
                using var net = new GcNetOutputNetwork("stage2", fixture.NewEncoder(), fixture.Graph, Settings,
                    new GcNetOutputStageOptions { StateDim = 3, AdjacencyScale = scale, LambdaH = 0 });
                net.InitialiseAdjacency(prior);
                var start = net.LearnedGraph();
                // one plain SGD step on A's parameter alone: with A = s·Â the change in A is s² times the unscaled one
                var a = net.named_parameters().Single(p => p.name == "adjacency").parameter;
                stack(net.Losses(fixture.Batch())).sum().backward();
                using (no_grad()) a.sub_(a.grad! * 0.01);
                results.Add((start, net.LearnedGraph()));
            }
            Assert.All(results[0].Start.Zip(results[1].Start), p => Assert.Equal(p.First, p.Second, 5)); // the same A to start with
            var change1 = results[0].AfterStep.Zip(results[0].Start, (x, y) => x - y).ToArray();
            var change10 = results[1].AfterStep.Zip(results[1].Start, (x, y) => x - y).ToArray();
            Assert.Contains(change1, c => Math.Abs(c) > 1e-6);
            for (int k = 0; k < change1.Length; k++)
                Assert.True(Math.Abs(100 * change1[k] - change10[k]) <= 1e-3 * Math.Max(1e-3, Math.Abs(change10[k])) + 1e-6, $"entry {k}: {change1[k]} vs {change10[k]}");
        }

        [Theory]
        [InlineData(AdjacencyGradient.Detached, ScmInput.Labels)]
        [InlineData(AdjacencyGradient.Shared, ScmInput.Labels)]
        [InlineData(AdjacencyGradient.Detached, ScmInput.Marginals)]
        [InlineData(AdjacencyGradient.Shared, ScmInput.Marginals)]
        public void Should_Train_A_Through_The_Scm_And_The_Ebm_Only_When_Shared(AdjacencyGradient mode, ScmInput scm)
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var net = Create(fixture, mode, scm);
            var graph = fixture.Graph.Graph;
            net.InitialiseAdjacency(Enumerable.Repeat(0.5f, graph.EdgeCount).ToArray());
            var a = net.named_parameters().Single(p => p.name == "adjacency").parameter;

            // The full loss gives A a gradient (L_dag and L_h) ...
            var losses = net.Losses(fixture.Batch());
            Assert.Equal(Tasks, losses.Length);
            stack(losses).sum().backward();
            Assert.NotNull(a.grad);
            Assert.True(a.grad!.abs().sum().item<float>() > 0);
            Assert.Equal(0f, a.grad.diagonal().abs().sum().item<float>()); // the diagonal is held at 0

            // ... and the EBM's potentials pass one to A only in shared mode
            a.grad.zero_();
            var batch = fixture.Batch();
            var pot = net.EbmPotentials(batch);
            (pot.Node.sum() + pot.Pair.sum()).backward();
            bool reached = a.grad.abs().sum().item<float>() > 0;
            Assert.Equal(mode == AdjacencyGradient.Shared, reached);

            net.eval();
            using (no_grad()) AssertProbabilities(net.Probabilities(fixture.Batch()), 8);
        }

        [Fact]
        public void Should_Ramp_The_Acyclicity_Weight_Over_The_Warm_Up_Epochs()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var ramped = new GcNetOutputNetwork("stage2", fixture.NewEncoder(), fixture.Graph, Settings,
                new GcNetOutputStageOptions { StateDim = 3, LambdaH = 0.1, AcyclicityWarmup = 10 });
            using var fixedWeight = new GcNetOutputNetwork("stage2", fixture.NewEncoder(), fixture.Graph, Settings,
                new GcNetOutputStageOptions { StateDim = 3, LambdaH = 0.1 });

            var weights = new[] { 0, 5, 10, 25 }.Select(epoch => { ramped.BeginEpoch(epoch); return ramped.LambdaH; }).ToArray();
            fixedWeight.BeginEpoch(0);

            Assert.Equal(new[] { 0, 0.05, 0.1, 0.1 }, weights, (x, y) => Math.Abs(x - y) < 1e-12);
            Assert.Equal(0.1, fixedWeight.LambdaH);

            // the loss carries λ₃(epoch)·L_h: with a 2-cycle in A the epoch-10 loss exceeds the epoch-0 loss by exactly 0.1·L_h
            var graph = fixture.Graph.Graph;
            ramped.InitialiseAdjacency(Enumerable.Repeat(0f, graph.EdgeCount).ToArray());
            var a = ramped.named_parameters().Single(p => p.name == "adjacency").parameter;
            using (no_grad()) { a[0, 1] = 1.5f; a[1, 0] = 1.5f; }
            ramped.eval(); // no dropout, so both losses see the same network
            double Loss(int epoch)
            {
                ramped.BeginEpoch(epoch);
                manual_seed(4);
                return stack(ramped.Losses(fixture.Batch())).sum().item<float>();
            }
            double penalty = Acyclicity.Penalty(ramped.Adjacency()).item<float>();
            Assert.True(penalty > 0);
            Assert.Equal(0.1 * penalty, Loss(10) - Loss(0), 3);
        }

        [Fact]
        public void Should_Give_Marginals_That_Sum_To_One()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var net = Create(fixture, AdjacencyGradient.Detached);
            var node = randn(3, Tasks, 2);
            var pair = randn(3, fixture.Graph.EdgeCount, 4);

            var mix = net.Marginals(node, pair);

            Assert.Equal(new long[] { 3, Tasks, 2 }, mix.shape);
            Assert.True(mix.sum(2).sub(1).abs().max().item<float>() < 1e-5);
        }
    }

    public sealed class TheDirectTerm
    {
        private static readonly StateSettings Direct = Settings with { DirectTerm = true };

        // Sets the direct term to the constant b (w = 0), so it adds exactly b to each logit.
        private static void SetConstant(StageNetwork net, float b)
        {
            using var _ = no_grad();
            net.Direct!.weight!.zero_();
            net.Direct.bias!.fill_(b);
        }

        [Fact]
        public void Should_Be_Absent_Unless_Configured()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            using var net = new SgnnNetwork("sgnn", fixture.NewEncoder(), fixture.Graph, Settings, stateDim: 3);

            Assert.Null(net.Direct);
            Assert.DoesNotContain(net.named_parameters(), p => p.name.StartsWith("direct"));
        }

        [Fact]
        public void Should_Add_A_Per_Task_Linear_Term_To_The_Logits_And_Receive_Gradients()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var sgnn = new SgnnNetwork("sgnn", fixture.NewEncoder(), fixture.Graph, Direct, stateDim: 3);
            using var stage1 = new GcNetFeatureNetwork("stage1", fixture.NewEncoder(), fixture.Graph, Direct, new GcNetFeatureStageOptions { StateDim = 3 });

            foreach (var (net, logits) in new (StageNetwork, Func<StageBatch, Tensor>)[] { (sgnn, sgnn.Logits), (stage1, stage1.Logits) })
            {
                net.eval();
                Assert.Equal(new long[] { Tasks, 6 }, net.Direct!.weight!.shape); // one row per task over g(x)
                SetConstant(net, 0);
                Tensor baseline;
                using (no_grad()) baseline = logits(fixture.Batch());
                SetConstant(net, 0.7f);
                using (no_grad()) Assert.True(logits(fixture.Batch()).sub(baseline).sub(0.7).abs().max().item<float>() < 1e-5);

                net.train();
                stack(net.Losses(fixture.Batch())).sum().backward();
                Assert.True(net.Direct.weight!.grad is { } g && g.abs().sum().item<float>() > 0);
            }
        }

        [Fact]
        public void Should_Shift_The_Log_Odds_Of_The_Energy_Stages_Node_Potentials()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            using var ebm = new SgnnEbmNetwork("ebm", fixture.NewEncoder(), fixture.Graph, Direct, new SgnnEbmStageOptions { StateDim = 3 });
            using var stage2 = new GcNetOutputNetwork("stage2", fixture.NewEncoder(), fixture.Graph, Direct, new GcNetOutputStageOptions { StateDim = 3 });

            foreach (var (net, potentials) in new (StageNetwork, Func<StageBatch, (Tensor Node, Tensor Pair)>)[] { (ebm, ebm.Potentials), (stage2, stage2.EbmPotentials) })
            {
                net.eval();
                SetConstant(net, 0);
                (Tensor Node, Tensor Pair) baseline;
                using (no_grad()) baseline = potentials(fixture.Batch());
                SetConstant(net, -1.5f);
                using (no_grad())
                {
                    var (node, pair) = potentials(fixture.Batch());
                    Assert.True(node.select(2, 0).sub(baseline.Node.select(2, 0)).abs().max().item<float>() < 1e-5); // f_i(0) unchanged
                    Assert.True(node.select(2, 1).sub(baseline.Node.select(2, 1)).add(1.5).abs().max().item<float>() < 1e-5); // f_i(1) − 1.5
                    Assert.True(pair.sub(baseline.Pair).abs().max().item<float>() < 1e-5); // pair potentials untouched
                }
            }
        }

        [Fact]
        public void Should_Be_Copied_With_The_Encoder_When_The_Next_Stage_Starts()
        {
            using var fixture = new Fixture();
            using var scope = NewDisposeScope();
            manual_seed(0);
            var sgnn = new SgnnNetwork("sgnn", fixture.NewEncoder(), fixture.Graph, Direct, stateDim: 3);
            var ebm = new SgnnEbmNetwork("ebm", fixture.NewEncoder(), fixture.Graph, Direct, new SgnnEbmStageOptions { StateDim = 3 });
            using var model = new SgnnEbmModel(sgnn, new SgnnStageOptions(), ebm, new SgnnEbmStageOptions());
            Assert.False(sgnn.Direct!.weight!.allclose(ebm.Direct!.weight!));

            model.BeforeStage(1);

            Assert.True(sgnn.Direct.weight!.eq(ebm.Direct.weight!).all().item<bool>());
            Assert.True(sgnn.Direct.bias!.eq(ebm.Direct.bias!).all().item<bool>());
        }
    }
}
