using System.Globalization;
using GraphMtl.MultiTask.Gates;
using ScottPlot;

namespace GraphMtl.Reports;

/// <summary>Heatmap pictures of gate weights (ScottPlot): one row per gate and relation, one column per expert, values written in the cells.</summary>
public static class GateHeatmap
{
    /// <summary>
    /// Expert gates: rows <c>L{level} {node type} → {receiver} [relation]</c>, columns the union of the experts (in
    /// first-seen order); cells an expert is not offered to stay blank.
    /// </summary>
    public static void Save(string path, IReadOnlyList<GateRecord> gates, string title)
    {
        var columns = gates.SelectMany(g => g.Columns).Distinct().ToList();
        var rows = new List<(string Label, double[] Values)>();
        foreach (var g in gates)
            for (int r = 0; r < g.Rows.Count; r++)
            {
                var values = Enumerable.Repeat(double.NaN, columns.Count).ToArray();
                for (int c = 0; c < g.Columns.Count; c++) values[columns.IndexOf(g.Columns[c])] = g.Weights[r][c];
                string relation = g.Rows.Count == 1 && g.Rows[0] == "all" ? "" : $" [{g.Rows[r]}]";
                rows.Add(($"L{g.Level} {g.NodeType} → {g.Gate}{relation}", values));
            }
        Render(path, rows, columns, title, "experts");
    }

    /// <summary>Relation attentions: rows <c>L{level} {node type} {stream}</c>, columns the relations.</summary>
    public static void SaveRelations(string path, IReadOnlyList<GateRecord> attentions, string title)
    {
        var columns = attentions.SelectMany(g => g.Rows).Distinct().ToList();
        var rows = attentions.Select(g =>
        {
            var values = Enumerable.Repeat(double.NaN, columns.Count).ToArray();
            for (int r = 0; r < g.Rows.Count; r++) values[columns.IndexOf(g.Rows[r])] = g.Weights[r][0];
            return ($"L{g.Level} {g.NodeType} ({g.Gate})", values);
        }).ToList();
        Render(path, rows, columns, title, "relations");
    }

    private static void Render(string path, IReadOnlyList<(string Label, double[] Values)> rows, IReadOnlyList<string> columns, string title, string xLabel)
    {
        var data = new double[rows.Count, columns.Count];
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < columns.Count; c++) data[r, c] = rows[r].Values[c];

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = Colors.White;
        plot.Add.ColorBar(heatmap);
        // Cell (r, c) is centred at x = c and y = rows − 1 − r: the first row is drawn at the top.
        var ci = CultureInfo.InvariantCulture;
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < columns.Count; c++)
            {
                if (double.IsNaN(data[r, c])) continue;
                var text = plot.Add.Text(data[r, c].ToString("0.00", ci), c, rows.Count - 1 - r);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 11;
                text.LabelFontColor = data[r, c] > 0.6 ? Colors.Black : Colors.White;
            }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Count).Select(r => (double)(rows.Count - 1 - r)).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, columns.Count).Select(c => (double)c).ToArray(), columns.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = columns.Max(c => c.Length) > 8 ? 30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = columns.Max(c => c.Length) > 8 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Title(title);
        plot.Axes.SetLimits(-0.5, columns.Count - 0.5, -0.5, rows.Count - 0.5);
        int longest = rows.Max(r => r.Label.Length);
        int width = Math.Max(520, 7 * longest + 90 * columns.Count + 200);
        int height = Math.Max(300, 26 * rows.Count + 160);
        plot.SavePng(path, width, height);
    }
}
