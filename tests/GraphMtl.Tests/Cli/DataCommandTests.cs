using GraphMtl.Testing;

namespace GraphMtl.Tests.Cli;

public sealed class DataCommandTests
{
    [Fact]
    public void Should_Describe_Node_Types_Relations_And_Tasks()
    {
        using var data = new TinyDataset();
        var (code, output, error) = TinyDataset.Run("data", "info", data.Manifest);
        Assert.True(code == 0, error);
        Assert.Contains("author__writes__paper", output);
        Assert.Contains("paper__rev_writes__author", output);
        Assert.Contains("12 / 6 / 6", output);
    }

    [SharedDataFact]
    public void Should_Report_The_Heco_Dblp_Counts()
    {
        var (code, output, error) = TinyDataset.Run("data", "info", "heco-dblp", "--data-root", SharedData.Root!);
        Assert.True(code == 0, error);
        foreach (var expected in new[] { "4,057", "14,328", "7,723", "│ 20 ", "19,645" })
            Assert.Contains(expected, output);
    }

    [SharedDataFact]
    public void Should_Read_An_Hgb_Folder()
    {
        var (code, output, error) = TinyDataset.Run("data", "info", "hgb-dblp", "--data-root", SharedData.Root!);
        Assert.True(code == 0, error);
        Assert.Contains("HGB folder", output);
        Assert.Contains("974 / 243 / 1,420", output);
    }

    [Fact]
    public void Should_Name_What_Was_Tried_For_An_Unknown_Spec()
    {
        var (code, _, error) = TinyDataset.Run("data", "info", "no-such-dataset", "--data-root", "/nonexistent");
        TrainCommandTests.AssertUserError(code, error, "no-such-dataset");
    }
}
