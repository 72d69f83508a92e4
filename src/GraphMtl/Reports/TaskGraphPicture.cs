using GraphMtl.TaskGraphs;
using ScottPlot;

namespace GraphMtl.Reports;

/// <summary>
/// Draws task graphs as a PNG with ScottPlot: tasks on a circle, the heuristic graph on the left and the learned graph
/// (when there is one) on the right. With a known true DAG, edges are coloured by truth: green = a true edge (in the
/// learned panel: with the true direction), orange = a true edge drawn against its direction, red = spurious; true edges
/// a graph lacks are dashed grey. The learned panel draws the directed edges with |w| ≥ threshold · max |w| as arrows
/// whose width grows with |w|; the heuristic panel draws every edge.
/// </summary>
public static class TaskGraphPicture
{
    private const double NodeRadius = 0.075;

    /// <summary>Writes the picture to <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyList<string> taskNames, TaskGraph heuristic, TaskGraph? learned, TaskGraph? truth, double relativeThreshold)
    {
        int panels = learned is null ? 1 : 2;
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var positions = Enumerable.Range(0, taskNames.Count)
            .Select(k => new Coordinates(Math.Cos(Math.PI / 2 - 2 * Math.PI * k / taskNames.Count), Math.Sin(Math.PI / 2 - 2 * Math.PI * k / taskNames.Count)))
            .ToArray();

        var left = multiplot.GetPlot(0);
        DrawMissing(left, heuristic, truth, positions);
        for (int e = 0; e < heuristic.EdgeCount; e++)
        {
            int a = heuristic.Source[e], b = heuristic.Target[e];
            if (heuristic.IsSymmetric && a > b) continue;
            var line = left.Add.Line(positions[a], positions[b]);
            line.LineWidth = 2;
            line.LineColor = truth is null ? Colors.SteelBlue : Adjacent(truth, a, b) ? Colors.ForestGreen : Colors.Crimson;
        }
        Finish(left, $"heuristic task graph ({heuristic.PairCount} pairs)", taskNames, positions);

        if (learned is not null)
        {
            var right = multiplot.GetPlot(1);
            double max = learned.Weight.Select(w => Math.Abs((double)w)).DefaultIfEmpty(0).Max();
            var kept = Enumerable.Range(0, learned.EdgeCount).Where(e => max > 0 && Math.Abs(learned.Weight[e]) >= relativeThreshold * max).ToList();
            var keptGraph = TaskGraph.Directed(learned.TaskCount, kept.Select(e => (learned.Source[e], learned.Target[e], learned.Weight[e])));
            DrawMissing(right, keptGraph, truth, positions);
            foreach (int e in kept.OrderBy(e => Math.Abs(learned.Weight[e])))
            {
                int a = learned.Source[e], b = learned.Target[e];
                var (from, to) = Shorten(positions[a], positions[b]);
                var arrow = right.Add.Arrow(from, to);
                var color = truth is null ? Colors.SteelBlue : truth.HasEdge(a, b) ? Colors.ForestGreen : truth.HasEdge(b, a) ? Colors.DarkOrange : Colors.Crimson;
                arrow.ArrowFillColor = color;
                arrow.ArrowLineColor = color;
                arrow.ArrowLineWidth = 0;
                arrow.ArrowWidth = (float)(1.5 + 4 * Math.Abs(learned.Weight[e]) / max);
                arrow.ArrowheadWidth = 12;
                arrow.ArrowheadLength = 12;
            }
            Finish(right, $"learned task graph (|A| ≥ {relativeThreshold:0.##}·max: {kept.Count} edges)", taskNames, positions);
        }
        multiplot.SavePng(path, 760 * panels, 800);
    }

    private static bool Adjacent(TaskGraph truth, int a, int b) => truth.HasEdge(a, b) || truth.HasEdge(b, a);

    // True edges that the drawn graph lacks (in either direction), dashed grey.
    private static void DrawMissing(Plot plot, TaskGraph drawn, TaskGraph? truth, Coordinates[] positions)
    {
        if (truth is null) return;
        for (int e = 0; e < truth.EdgeCount; e++)
        {
            int a = truth.Source[e], b = truth.Target[e];
            if (drawn.HasEdge(a, b) || drawn.HasEdge(b, a)) continue;
            var line = plot.Add.Line(positions[a], positions[b]);
            line.LineWidth = 1.5f;
            line.LineColor = Colors.Gray.WithAlpha(0.7);
            line.LinePattern = LinePattern.Dashed;
        }
    }

    private static (Coordinates From, Coordinates To) Shorten(Coordinates a, Coordinates b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y, length = Math.Sqrt(dx * dx + dy * dy);
        if (length <= 2 * NodeRadius) return (a, b);
        double ux = dx / length, uy = dy / length;
        return (new Coordinates(a.X + ux * NodeRadius, a.Y + uy * NodeRadius), new Coordinates(b.X - ux * NodeRadius, b.Y - uy * NodeRadius));
    }

    private static void Finish(Plot plot, string title, IReadOnlyList<string> taskNames, Coordinates[] positions)
    {
        for (int k = 0; k < positions.Length; k++)
        {
            var marker = plot.Add.Marker(positions[k]);
            marker.MarkerStyle.Shape = MarkerShape.FilledCircle;
            marker.MarkerStyle.Size = 26;
            marker.MarkerStyle.FillColor = Colors.White;
            marker.MarkerStyle.OutlineColor = Colors.Black;
            marker.MarkerStyle.OutlineWidth = 1;
            var label = plot.Add.Text(taskNames[k], positions[k]);
            label.LabelFontSize = 10;
            label.LabelAlignment = Alignment.MiddleCenter;
        }
        plot.Title(title);
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.HideGrid();
        plot.Axes.SetLimits(-1.25, 1.25, -1.25, 1.25);
        plot.Axes.SquareUnits();
    }
}
