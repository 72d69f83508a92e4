using System.Text.Json.Nodes;

namespace GraphMtl.Tests.Cli;

[Collection(EngineCollection.Name)]
public sealed class TrainCommandTests
{
    [Fact]
    public void Should_Write_A_Complete_Run_Folder_And_Predict_From_It()
    {
        // Given a tiny manifest dataset and a config
        using var data = new TinyDataset();

        // When
        var (code, output, error) = TinyDataset.Run("train", "--config", data.Config, "--out", data.Out);

        // Then the run folder holds the resolved config, the log, two checkpoints and metrics.json
        Assert.True(code == 0, error);
        Assert.Contains("test results", output);
        foreach (var file in new[] { "config.yaml", "log.csv", "metrics.json", "model/run-0.safetensors", "model/run-1.safetensors", "model/checkpoints.json" })
            Assert.True(File.Exists(Path.Combine(data.Out, file)), file);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(data.Out, "metrics.json")))!;
        Assert.Equal(2, metrics["runs"]!.GetValue<int>());
        Assert.Equal(2, metrics["tasks"]!["field"]!["test"]!["macro_f1"]!["values"]!.AsArray().Count);
        Assert.NotNull(metrics["mean_over_tasks"]!["test"]!["accuracy"]!["mean"]);
        Assert.True(metrics["timing"]!["epoch_seconds_median"]!.GetValue<double>() > 0);
        Assert.Equal(1 + 2 * 15, File.ReadAllLines(Path.Combine(data.Out, "log.csv")).Length); // header + runs × epochs
        string config = File.ReadAllText(Path.Combine(data.Out, "config.yaml"));
        Assert.Contains($"spec: {data.Manifest}", config); // resolved to an absolute path
        Assert.Contains("weight_decay:", config);         // defaults written out

        // And predict loads the saved model from anywhere
        var predict = TinyDataset.Run("predict", "--run", data.Out);
        Assert.True(predict.Code == 0, predict.Err);
        var rows = File.ReadAllLines(Path.Combine(data.Out, "predictions.tsv"));
        Assert.Equal("task\tnode_type\tnode_id\tsplit\tprediction\tprobabilities", rows[0]);
        Assert.Equal(1 + 24, rows.Length);
        Assert.StartsWith("field\tauthor\t0\ttrain\t", rows[1]);
    }

    [Fact]
    public void Should_Train_On_The_Built_In_Synthetic_Dataset_Without_A_Config()
    {
        using var data = new TinyDataset();
        var (code, output, error) = TinyDataset.Run("train", "--out", data.Out,
            "--set", "dataset.synthetic.authors=150", "--set", "dataset.synthetic.papers=300", "--set", "dataset.synthetic.terms=100",
            "--set", "train.epochs=3", "--set", "model.hidden=8");
        Assert.True(code == 0, error);
        Assert.Contains("on synthetic", output);
        Assert.Contains("mean over tasks", output);
    }

    [Theory]
    [InlineData("train:\n  epochs: 3\n  wieght_decay: 1\n", "config.yaml:3: train.wieght_decay: unknown key")]
    [InlineData("train:\n  lr: fast\n", "config.yaml:2: train.lr: expected a number (got 'fast')")]
    [InlineData("train:\n  runs: 0\n", "config.yaml:2: train.runs: expected at least 1 run (got 0)")]
    [InlineData("model:\n  name: gcnn\n", "config.yaml:2: model.name: unknown backbone 'gcnn'")]
    [InlineData("dataset:\n  spec: nowhere.yaml\n", "nowhere.yaml")]
    public void Should_Reject_Bad_Configs_With_One_Line_And_No_Run_Folder(string yaml, string expected)
    {
        using var data = new TinyDataset();
        data.Folder.Write("config.yaml", yaml);

        var (code, _, error) = TinyDataset.Run("train", "--config", data.Config, "--out", data.Out);

        AssertUserError(code, error, expected);
        Assert.False(Directory.Exists(data.Out));
    }

    [Theory]
    [InlineData("writes.tsv", "0\t0\n1\n", "writes.tsv:2:")]                          // wrong column count
    [InlineData("writes.tsv", "0\t0\nx\t1\n", "writes.tsv:2:")]                       // non-numeric
    [InlineData("writes.tsv", "0\t0\n1\t99\n", "writes.tsv:2:")]                      // id out of range
    [InlineData("labels.txt", "0\n1\nabc\n", "labels.txt:3:")]                        // non-numeric label
    [InlineData("authors.tsv", "0.1\t0.2\n0.3\n", "authors.tsv:2:")]                  // ragged features
    [InlineData("train.txt", "", "train.txt: expected at least one node id for the train part")] // empty split
    public void Should_Reject_Bad_Data_Files_Naming_File_And_Line(string file, string content, string expected)
    {
        using var data = new TinyDataset();
        data.Folder.Write(file, content);

        var (code, _, error) = TinyDataset.Run("train", "--config", data.Config, "--out", data.Out);

        AssertUserError(code, error, expected);
        Assert.False(Directory.Exists(data.Out));
    }

    [Theory]
    [InlineData("dst: paper", "dst: venue", "venue")]            // unknown node type
    [InlineData("file: writes.tsv", "file: missing.tsv", "missing.tsv")] // missing file
    public void Should_Reject_Bad_Manifests_Naming_The_Problem(string from, string to, string expected)
    {
        using var data = new TinyDataset();
        data.Folder.Write("tiny.yaml", File.ReadAllText(data.Manifest).Replace(from, to));

        var (code, _, error) = TinyDataset.Run("train", "--config", data.Config, "--out", data.Out);

        AssertUserError(code, error, expected);
        Assert.Contains("tiny.yaml:", error);
        Assert.False(Directory.Exists(data.Out));
    }

    [Fact]
    public void Should_Reject_An_Unknown_Relation_In_A_Transform()
    {
        using var data = new TinyDataset();
        var (code, _, error) = TinyDataset.Run("train", "--config", data.Config, "--out", data.Out, "--set", "dataset.self_loops=[venue]");
        AssertUserError(code, error, "Unknown node type 'venue'");
    }

    [Fact]
    public void Should_Refuse_A_Non_Empty_Run_Folder()
    {
        using var data = new TinyDataset();
        data.Folder.Write("run/keep.txt", "mine");
        var (code, _, error) = TinyDataset.Run("train", "--config", data.Config, "--out", data.Out);
        AssertUserError(code, error, "already exists and is not empty");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(data.Out, "keep.txt")));
    }

    internal static void AssertUserError(int code, string error, string expected)
    {
        Assert.Equal(1, code);
        Assert.StartsWith("error: ", error);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd('\n').Split('\n')); // one line
        Assert.DoesNotContain("   at ", error);         // no stack trace
    }
}
