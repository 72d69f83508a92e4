using System.Globalization;
using GraphMtl.Data;
using Spectre.Console;

namespace GraphMtl.Cli.Rendering;

/// <summary>Renders a <see cref="GraphSummary"/> as three tables: node types, relations, tasks.</summary>
public static class SummaryTables
{
    /// <summary>Writes the tables to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, GraphSummary summary, string source)
    {
        var console = ConsoleFactory.For(output);
        var ci = CultureInfo.InvariantCulture;
        console.WriteLine($"{summary.Name}: {summary.NodeCount.ToString("N0", ci)} nodes, {summary.EdgeCount.ToString("N0", ci)} edges — {source}");

        var nodes = new Table().Border(TableBorder.Rounded).Title("node types");
        nodes.AddColumns("type", "nodes", "features", "storage", "density");
        foreach (var t in summary.NodeTypes)
            nodes.AddRow(t.Name, t.Count.ToString("N0", ci), t.FeatureDim == 0 ? "–" : t.FeatureDim.ToString(ci),
                t.Storage.ToString().ToLowerInvariant(), t.FeatureDim == 0 ? "–" : t.Density.ToString("0.####", ci));
        console.Write(nodes);

        var relations = new Table().Border(TableBorder.Rounded).Title("relations");
        relations.AddColumns("relation", "edges", "kind", "mean out-degree");
        foreach (var r in summary.Relations)
            relations.AddRow(Markup.Escape(r.Type.ToString()), r.Edges.ToString("N0", ci),
                r.ReverseOf is { } of ? (r.Kind == GraphMtl.Graphs.RelationKind.Reverse ? "reverse" : "original") + $" of {Markup.Escape(of.ToString())}" : r.Kind.ToString().ToLowerInvariant(),
                r.MeanOutDegree.ToString("0.##", ci));
        console.Write(relations);

        var tasks = new Table().Border(TableBorder.Rounded).Title("tasks");
        tasks.AddColumns("task", "node type", "kind", "classes", "labelled", "train / val / test", "class counts");
        foreach (var t in summary.Tasks)
            tasks.AddRow(t.Name, t.NodeType, t.Kind.ToString().ToLowerInvariant(), t.NumClasses.ToString(ci), t.Labelled.ToString("N0", ci),
                $"{t.Train.ToString("N0", ci)} / {t.Val.ToString("N0", ci)} / {t.Test.ToString("N0", ci)}",
                string.Join(" ", t.ClassCounts.Select(c => c.ToString(ci))));
        console.Write(tasks);
    }
}
