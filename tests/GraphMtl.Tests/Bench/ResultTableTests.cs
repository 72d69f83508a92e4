using System.Text.Json.Nodes;
using GraphMtl.Bench;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Bench;

public class ResultTableTests
{
    [Fact]
    public void MarkdownHasHeaderSeparatorRowsAndNotes()
    {
        var t = new ResultTable("Title", ["a", "b"]);
        t.Add("1", "x|y");
        t.Notes.Add("note");
        var lines = t.ToMarkdown().Split('\n');
        Assert.Equal("## Title", lines[0]);
        Assert.Equal("| a | b |", lines[2]);
        Assert.Equal("|---|---|", lines[3]);
        Assert.Equal("| 1 | x\\|y |", lines[4]);
        Assert.Contains("note", lines);
    }

    [Fact]
    public void CsvQuotesCommasQuotesAndNewlines()
    {
        var t = new ResultTable("T", ["name", "value"]);
        t.Add("a, b", "say \"hi\"");
        t.Add("plain", "line\nbreak");
        Assert.Equal("name,value\n\"a, b\",\"say \"\"hi\"\"\"\nplain,\"line\nbreak\"\n", t.ToCsv());
    }

    [Fact]
    public void RowsMustMatchTheColumns()
    {
        var t = new ResultTable("T", ["a", "b"]);
        Assert.Throws<ArgumentException>(() => t.Add("only one"));
    }

    [Fact]
    public void NumbersUseInvariantCultureAndDashForMissing()
    {
        Assert.Equal("0.454", ResultTable.Number(0.4541, 3));
        Assert.Equal("–", ResultTable.Number(double.NaN, 2));
    }

    [Fact]
    public void WriteCreatesMarkdownAndCsv()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "nested");
        var t = new ResultTable("T", ["a"]);
        t.Add("1");
        t.Write(folder, "table");
        Assert.Equal(t.ToMarkdown(), File.ReadAllText(Path.Combine(folder, "table.md")));
        Assert.Equal("a\n1\n", File.ReadAllText(Path.Combine(folder, "table.csv")));
    }

    [Fact]
    public void BackboneTableComputesMediansAndRatiosToThePeer()
    {
        var m = new JsonObject
        {
            ["epoch_seconds"] = new JsonArray(0.3, 0.1, 0.2, 9.0),
            ["epoch_cpu_seconds"] = new JsonArray(0.4),
            ["inference_seconds"] = new JsonArray(0.05),
            ["parameters"] = 1234,
            ["load_average"] = 1.5,
        };
        var rgcn = BackboneCase.Dblp().Single(c => c.Backbone == "rgcn");
        var settings = new BackboneBench.Settings("", 2, 5, 30, 10, 1, false, "");
        var table = BackboneBench.Table([(rgcn, m, 529.0)], settings);
        var row = Assert.Single(table.Rows);
        var cell = (string column) => row[table.Columns.ToList().IndexOf(column)];
        Assert.Equal("0.250", cell("epoch s (median)"));        // median of an even count: mean of the middle two
        Assert.Equal("0.454", cell("peer epoch s"));
        Assert.Equal("0.55", cell("time ratio"));               // 0.25 / 0.454
        Assert.Equal("0.50", cell("memory ratio"));             // 529 / 1058
        Assert.Equal("1234", cell("parameters"));
    }

    [Fact]
    public void BackboneWithoutPeerHasDashes()
    {
        var m = new JsonObject { ["epoch_seconds"] = new JsonArray(1.0), ["load_average"] = 0.5 };
        var table = BackboneBench.Table([(BackboneCase.SimpleHgnHgbWidth(), m, 100.0)], new BackboneBench.Settings("", 2, 5, 30, 10, 1, true, ""));
        var row = Assert.Single(table.Rows);
        Assert.Equal("–", row[table.Columns.ToList().IndexOf("time ratio")]);
        Assert.Equal("–", row[table.Columns.ToList().IndexOf("inference s (median)")]);
    }

    [Fact]
    public void ScalingSpecsScaleAllTypesTogether()
    {
        Assert.Equal("synthetic:authors=2000,papers=4000,terms=1500", ScalingBench.Spec(ScalingBench.DefaultEdges));
        Assert.Equal("synthetic:authors=20000,papers=40000,terms=15000", ScalingBench.Spec(ScalingBench.DefaultEdges * 10));
        Assert.Equal("synthetic:authors=20,papers=40,terms=15", ScalingBench.Spec(1));   // floors keep a valid graph
    }

    [Fact]
    public void MedianOfOddAndEmpty()
    {
        Assert.Equal(2.0, Stats.Median([3.0, 1.0, 2.0]));
        Assert.True(double.IsNaN(Stats.Median([])));
    }
}
