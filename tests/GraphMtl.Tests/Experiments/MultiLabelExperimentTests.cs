using GraphMtl.Configuration;
using GraphMtl.Experiments;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Experiments;

[Collection(EngineCollection.Name)]
public sealed class MultiLabelExperimentTests
{
    private const string Config = """
        experiment: multilabel
        dataset:
          path: mols.csv
          split: {kind: scaffold, train: 0.6, valid: 0.2}
        encoder: {name: mpnn, hidden: 8, layers: 1}
        head: {name: metalink}
        setting: {reveal: 0.3}
        batch_size: 8
        train: {epochs: 2, lr: 0.01, patience: 0, runs: 2, threads: 1, selection: {metric: roc_auc}}
        """;

    private static (int Code, string Output, string Error) Gmtl(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = GraphMtl.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public sealed class TheGmtlTrainAndPredictCommands
    {
        [Fact]
        public void Should_Train_A_Tiny_Molecule_Run_And_Predict_New_Molecules_With_Known_Labels()
        {
            // Given a tiny MoleculeNet CSV and a config in a temp folder
            using var folder = new TempFolder();
            folder.Write("data/mols.csv", MultiLabelToys.MoleculeCsv());
            string config = folder.Write("metalink.yaml", Config);
            string run = Path.Combine(folder.Path, "run");

            // When
            var train = Gmtl("train", "--config", config, "--data-root", Path.Combine(folder.Path, "data"), "--out", run);

            // Then the run folder holds the resolved config, log, checkpoints and per-task and mean test ROC-AUC
            Assert.True(train.Code == 0, train.Error);
            foreach (var file in new[] { "config.yaml", "log.csv", "metrics.json", "data.json", "model/checkpoints.json", "model/run-0.safetensors", "model/run-1.safetensors" })
                Assert.True(File.Exists(Path.Combine(run, file)), file);
            var metrics = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!;
            Assert.NotNull(metrics["mean_over_tasks"]!["test"]!["roc_auc"]);
            Assert.NotNull(metrics["tasks"]!["a"]!["test"]);

            // When new molecules arrive with some labels known, one of them unparsable
            string input = folder.Write("new.csv", "smiles,a,b\nCCOc1ccccc1,1,\nC1CC,,\nCCN,,0\n");
            string output = Path.Combine(folder.Path, "out.csv");
            var predict = Gmtl("predict", "--run", run, "--input", input, "--out", output, "--data-root", Path.Combine(folder.Path, "data"));

            // Then known cells are copied, the others are probabilities, and the bad row says why
            Assert.True(predict.Code == 0, predict.Error);
            var lines = File.ReadAllLines(output);
            Assert.Equal("smiles,a,b,c,error", lines[0]);
            var first = lines[1].Split(',');
            Assert.Equal("1", first[1]);
            Assert.InRange(double.Parse(first[2], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
            Assert.StartsWith("C1CC,,,,invalid SMILES", lines[2]);
            Assert.Equal("0", lines[3].Split(',')[2]);
            Assert.Contains("1 row", predict.Output);
        }

        [Fact]
        public void Should_Name_File_Line_And_Key_Of_A_Bad_Setting()
        {
            using var folder = new TempFolder();
            folder.Write("data/mols.csv", MultiLabelToys.MoleculeCsv());
            string config = folder.Write("bad.yaml", Config.Replace("setting: {reveal: 0.3}", "setting: {reveal: 1.5}"));

            var result = Gmtl("train", "--config", config, "--data-root", Path.Combine(folder.Path, "data"), "--out", Path.Combine(folder.Path, "run"));

            Assert.Equal(1, result.Code);
            Assert.Contains($"{config}:7: setting.reveal: expected a probability in [0, 1) (got 1.5)", result.Error);
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "run")));
        }
    }

    public sealed class ThePrepareMethod
    {
        private static ExperimentOptions Load(TempFolder folder, string yaml) =>
            ConfigBinder.Bind<ExperimentOptions>(ConfigBinder.Parse(yaml, "test.yaml"), "test.yaml");

        [Fact]
        public void Should_Reject_An_Unknown_Key_In_A_Multilabel_Section()
        {
            using var folder = new TempFolder();

            var error = Assert.Throws<ConfigException>(() => Load(folder, Config.Replace("head: {name: metalink}", "head: {name: metalink, depth: 2}")));

            Assert.StartsWith("test.yaml:6: head.depth: unknown key", error.Message);
        }

        [Fact]
        public void Should_Reject_An_Encoder_That_Cannot_Read_The_Data_Before_Training()
        {
            using var folder = new TempFolder();
            folder.Write("mols.csv", MultiLabelToys.MoleculeCsv());
            var options = Load(folder, Config.Replace("name: mpnn, hidden: 8", "name: mlp, hidden: 8"));

            var error = Assert.Throws<GraphMtlException>(() => options.Prepare(new ExperimentContext(new GraphMtl.Data.DataRoot(folder.Path), folder.Path)));

            Assert.StartsWith("encoder.name: 'mlp' reads tabular features (got a dataset of molecules)", error.Message);
        }

        [Fact]
        public void Should_Reject_An_Unknown_Held_Out_Task()
        {
            using var folder = new TempFolder();
            folder.Write("mols.csv", MultiLabelToys.MoleculeCsv());
            var options = Load(folder, Config.Replace("setting: {reveal: 0.3}", "setting: {meta: true, meta_tasks: [z]}"));

            var error = Assert.Throws<GraphMtlException>(() => options.Prepare(new ExperimentContext(new GraphMtl.Data.DataRoot(folder.Path), folder.Path)));

            Assert.StartsWith("setting.meta_tasks: unknown task 'z' (expected one of: a, b, c)", error.Message);
        }
    }
}
