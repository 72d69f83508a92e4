using System.Globalization;
using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.Training;
using Spectre.Console;

namespace GraphMtl.Cli.Rendering;

/// <summary>Prints the per-task test results (mean ± std over runs) as a table, plus the mean over tasks.</summary>
public static class ResultTable
{
    /// <summary>Writes the table to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, ExperimentResult result)
    {
        var keys = TaskMetrics.Keys.Where(k => result.Seeds.Any(s => result.Tasks.Any(t => s.Evaluation.Get(t, SplitPart.Test).ContainsKey(k)))).ToList();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"test results: {Markup.Escape(result.Model)} on {Markup.Escape(result.Dataset)} ({result.Seeds.Count} run{(result.Seeds.Count == 1 ? "" : "s")})");
        table.AddColumn("task");
        foreach (var k in keys) table.AddColumn(new TableColumn(k).RightAligned());
        foreach (var task in result.Tasks)
            table.AddRow([task, .. keys.Select(k => Format(MeanStd.Of(result.Seeds.Select(s => s.Evaluation.Value(task, SplitPart.Test, k)))))]);
        if (result.Tasks.Count > 1)
            table.AddRow(["[bold]mean over tasks[/]", .. keys.Select(k => Format(MeanStd.Of(result.Seeds.Select(s =>
                MeanStd.Of(result.Tasks.Select(t => s.Evaluation.Value(t, SplitPart.Test, k))).Mean))))]);
        table.Caption($"median epoch {result.EpochSecondsMedian.ToString("0.000", CultureInfo.InvariantCulture)} s, peak RSS {result.PeakRssMb:0} MiB");

        ConsoleFactory.For(output).Write(table);
    }

    private static string Format(MeanStd ms) =>
        double.IsNaN(ms.Mean) ? "–" : ms.Values.Count > 1
            ? $"{ms.Mean.ToString("0.0000", CultureInfo.InvariantCulture)} ± {ms.Std.ToString("0.0000", CultureInfo.InvariantCulture)}"
            : ms.Mean.ToString("0.0000", CultureInfo.InvariantCulture);
}
