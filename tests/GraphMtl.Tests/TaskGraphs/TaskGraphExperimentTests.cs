using System.Text.Json.Nodes;
using GraphMtl.Testing;

namespace GraphMtl.Tests.TaskGraphs;

[Collection(EngineCollection.Name)]
public sealed class TaskGraphExperimentTests
{
    private static string Config(string head, string extra = "") => $$$"""
        experiment: multilabel
        dataset:
          spec: synthetic-dag
          synthetic_dag: {seed: 1, tasks: 6, examples: 240, features: 4, expected_parents: 1}
          split: {kind: random_filtered, train: 0.6, valid: 0.2}
        encoder: {name: mlp, hidden: 8, layers: 1, readout: false, normalize: false}
        head: {{{head}}}
        setting: {reveal: 0}
        batch_size: 32
        train: {epochs: 1, lr: 0.01, weight_decay: 0, patience: 0, runs: 2, threads: 1, selection: {metric: roc_auc}}
        {{{extra}}}
        """;

    private const string Small = "task_dim: 4, state_hidden: [8], pretrain: {epochs: 2, hidden: [8]}";

    private static (int Code, string Output, string Error) Gmtl(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = GraphMtl.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static JsonNode Train(TempFolder folder, string config, out string run)
    {
        string path = folder.Write("config.yaml", config);
        run = Path.Combine(folder.Path, "run");
        var result = Gmtl("train", "--config", path, "--out", run);
        Assert.True(result.Code == 0, result.Error + result.Output);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!;
    }

    public sealed class TheGcNetHead
    {
        [Fact]
        public void Should_Train_Without_A_Data_Root_And_Report_Structure_Graphs_And_Checkpoints()
        {
            // Given a tiny GCNet config on the generated benchmark (no --data-root)
            using var folder = new TempFolder();

            // When
            var metrics = Train(folder, Config($"{{name: gcnet, {Small}, stage1: {{state_dim: 4}}, stage2: {{state_dim: 4}}}}"), out string run);

            // Then metrics.json carries the mean test ROC-AUC and the structure of the learned, prior and heuristic graphs
            Assert.NotNull(metrics["mean_over_tasks"]!["test"]!["roc_auc"]!["mean"]);
            var structure = metrics["structure"]!;
            foreach (var graph in new[] { "learned", "prior", "heuristic" })
                foreach (var key in new[] { "edge_auroc", "edge_auprc", "skeleton_auroc", "orientation", "shd" })
                    Assert.Equal(2, structure[graph]![key]!["values"]!.AsArray().Count);
            Assert.NotNull(structure["prior_separation"]!["auroc"]);
            // and the run folder holds the graphs (edge lists, pictures) and one checkpoint per run
            foreach (var file in new[] { "graphs/true-dag.tsv", "graphs/run-0/heuristic.tsv", "graphs/run-0/prior.tsv", "graphs/run-0/learned.tsv",
                         "graphs/run-1/graphs.png", "model/run-1.safetensors", "model/checkpoints.json" })
                Assert.True(File.Exists(Path.Combine(run, file)), file);
            Assert.Equal("source\ttarget\tweight", File.ReadLines(Path.Combine(run, "graphs/run-0/learned.tsv")).First());
        }

        [Theory]
        [InlineData("labels", "last", false)]
        [InlineData("marginals", "best", true)]
        public void Should_Pretrain_The_Encoder_Then_Train_Both_Stages_With_Either_Scm(string scm, string structureEpoch, bool direct)
        {
            // Given MTL pre-training of the encoder for 2 epochs, then 1 epoch per stage, tilted inference
            using var folder = new TempFolder();
            string head = $"{{name: gcnet, {Small}, encoder_pretrain: {{epochs: 2}}, direct_term: {direct.ToString().ToLowerInvariant()}, stage1: {{state_dim: 4}}, " +
                          $"stage2: {{state_dim: 4, scm: {scm}, tilt: true, structure_epoch: {structureEpoch}, adjacency_scale: 5}}}}";

            var metrics = Train(folder, Config(head), out string run);

            // Then each of the 2 runs logs 2 pre-training epochs + 1 + 1 stage epochs, and the learned graph is scored
            Assert.Equal(1 + 2 * 4, File.ReadLines(Path.Combine(run, "log.csv")).Count());
            Assert.Equal(2, metrics["structure"]!["learned"]!["skeleton_auroc"]!["values"]!.AsArray().Count);
            Assert.Contains($"scm: {scm}", File.ReadAllText(Path.Combine(run, "config.yaml")));
        }

        [Fact]
        public void Should_Train_On_Interventional_Data()
        {
            // Given a benchmark where 30 % of the label cells were set by interventions
            using var folder = new TempFolder();
            string config = Config($"{{name: gcnet, {Small}, stage1: {{state_dim: 4}}, stage2: {{state_dim: 4}}}}")
                .Replace("expected_parents: 1}", "expected_parents: 1, interventions: 0.3}");

            var metrics = Train(folder, config, out _);

            Assert.NotNull(metrics["mean_over_tasks"]!["test"]!["roc_auc"]!["mean"]);
            Assert.Equal(2, metrics["structure"]!["learned"]!["edge_auroc"]!["values"]!.AsArray().Count);
        }

        [Fact]
        public void Should_Train_With_Revealed_Labels_And_Score_By_The_Label_Scm()
        {
            // Given GCNet scoring by Gibbs sampling in its label SCM (fitted with sampled missing parents), with 30% of
            // the evaluated labels revealed
            using var folder = new TempFolder();
            string config = Config($"{{name: gcnet, {Small}, stage1: {{state_dim: 4}}, stage2: {{state_dim: 4, inference: scm, scm_sweeps: 3, scm_missing: sample}}}}")
                .Replace("reveal: 0}", "reveal: 0.3}");

            var metrics = Train(folder, config, out _);

            Assert.Equal(2, metrics["mean_over_tasks"]!["test"]!["roc_auc"]!["values"]!.AsArray().Count);
            Assert.Equal(2, metrics["structure"]!["learned"]!["edge_auroc"]!["values"]!.AsArray().Count);
        }

        [Theory]
        [InlineData("reveal: 0}", "reveal: 0, meta: true}", "setting.meta: the gcnet head")]
        [InlineData("head: {name: gcnet,", "head: {name: gcnet, stage2: {scm: marginals, inference: scm},", "expected scm: labels for inference: scm")]
        [InlineData("expected_parents: 1}", "expected_parents: 1, interventions: 1.5}", "interventions: expected a share in [0, 1)")]
        public void Should_Refuse_A_Bad_Setting_Naming_It_Without_A_Stack_Trace_Or_A_Run_Folder(string from, string to, string message)
        {
            using var folder = new TempFolder();
            string path = folder.Write("config.yaml", Config($"{{name: gcnet, {Small}}}").Replace(from, to));

            var result = Gmtl("train", "--config", path, "--out", Path.Combine(folder.Path, "run"));

            Assert.NotEqual(0, result.Code);
            Assert.Contains(message, result.Error);
            Assert.DoesNotContain("   at ", result.Error);
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "run")));
        }
    }

    public sealed class TheOtherSchemes
    {
        [Theory]
        [InlineData("sgnn", "sgnn: {state_dim: 4}")]
        [InlineData("sgnn-ebm", "sgnn: {state_dim: 4}, ebm: {state_dim: 4, inference_chains: 2, domain: log}")]
        [InlineData("sgnn-ebm", "direct_term: true, encoder_pretrain: {epochs: 1}, sgnn: {state_dim: 4}, ebm: {state_dim: 4, inference_chains: 2}")]
        public void Should_Train_The_Baseline_Structured_Models(string name, string stages)
        {
            using var folder = new TempFolder();

            var metrics = Train(folder, Config($"{{name: {name}, {Small}, {stages}}}"), out _);

            Assert.Equal(2, metrics["mean_over_tasks"]!["test"]!["roc_auc"]!["values"]!.AsArray().Count);
            Assert.NotNull(metrics["structure"]!["heuristic"]!["edge_auroc"]!["mean"]);
            Assert.Null(metrics["structure"]!["learned"]);
        }

        [Fact]
        public void Should_Train_One_Model_Per_Task_For_Single_Task_Learning()
        {
            using var folder = new TempFolder();

            var metrics = Train(folder, Config("{name: single-task}"), out _);

            // Then every task is reported and each run trained 6 parts (one best epoch per task and run)
            Assert.Equal(6, metrics["tasks"]!.AsObject().Count);
            Assert.Equal(12, metrics["best_epochs"]!.AsArray().Count);
        }
    }
}
