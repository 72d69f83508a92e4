using GraphMtl.Bench;
using BenchCli = GraphMtl.Bench.Cli;

namespace GraphMtl.Tests.Bench;

public class ArgsTests
{
    private static readonly HashSet<string> Known = ["data-root", "epochs", "set", "edges", "lr"];

    [Fact]
    public void ParsesValuesRepeatedSetsAndFlags()
    {
        var a = new Args(["--epochs", "40", "--set", "model.name=hgt", "--hgb-width", "--set", "model.hidden=8"], Known, new HashSet<string> { "hgb-width" });
        Assert.Equal(40, a.Int("epochs", 30));
        Assert.Equal(["model.name=hgt", "model.hidden=8"], a.Sets);
        Assert.True(a.Flag("hgb-width"));
        Assert.Equal("fallback", a.Get("data-root", "fallback"));
        Assert.Equal(1e-3, a.Double("lr", 1e-3));
    }

    [Fact]
    public void NumberListsAcceptScientificNotation()
    {
        var a = new Args(["--edges", "1e4, 2.5e5,1000000"], Known);
        Assert.Equal([1e4, 2.5e5, 1e6], a.Numbers("edges", []));
    }

    [Theory]
    [InlineData(new[] { "--unknown", "1" }, "Unknown argument '--unknown'")]
    [InlineData(new[] { "epochs", "1" }, "Unknown argument 'epochs'")]
    [InlineData(new[] { "--epochs" }, "Expected a value after --epochs")]
    [InlineData(new[] { "--epochs", "--set" }, "Expected a value after --epochs")]
    public void BadArgumentsAreOneLineErrors(string[] args, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new Args(args, Known));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("--epochs", "ten")]
    [InlineData("--epochs", "0")]
    [InlineData("--epochs", "-3")]
    public void MalformedOrTooSmallIntegersAreRejected(string key, string value)
    {
        var a = new Args([key, value], Known);
        var e = Assert.Throws<ArgumentException>(() => a.Int("epochs", 30, min: 1));
        Assert.Contains("--epochs expects an integer ≥ 1", e.Message);
    }

    [Theory]
    [InlineData("1e4,,1e5")]
    [InlineData("1e4,abc")]
    [InlineData("-5")]
    public void MalformedNumberListsAreRejected(string value)
    {
        var a = new Args(["--edges", value], Known);
        Assert.Throws<ArgumentException>(() => a.Numbers("edges", []));
    }

    [Fact]
    public void UnknownCommandNamesTheUsage()
    {
        var e = Assert.Throws<ArgumentException>(() => BenchCli.Run(["bogus"], TextWriter.Null));
        Assert.Contains("Unknown command 'bogus'", e.Message);
        Assert.Contains("backbones", e.Message);
    }

    [Fact]
    public void UnknownOptionOfACommandIsRejectedBeforeAnyWork()
    {
        var e = Assert.Throws<ArgumentException>(() => BenchCli.Run(["micro", "--epochs", "3"], TextWriter.Null));
        Assert.Contains("Unknown argument '--epochs'", e.Message);
    }
}
