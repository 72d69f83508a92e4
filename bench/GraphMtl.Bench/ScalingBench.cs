using System.Globalization;
using System.Text.Json.Nodes;

namespace GraphMtl.Bench;

/// <summary>
/// How epoch time grows with edges: the synthetic academic graph scaled by one factor (authors, papers and terms
/// together, so degrees stay the same) from about 10^4 to 10^6+ edges, each size and backbone in its own process.
/// </summary>
internal static class ScalingBench
{
    /// <summary>Edges (with reverses) of the generator's default size (2,000 authors, 4,000 papers, 1,500 terms).</summary>
    internal const double DefaultEdges = 112_000;

    internal sealed record Settings(IReadOnlyList<double> TargetEdges, IReadOnlyList<string> Backbones, int Threads, int Warmup, int Epochs, string OutFolder, bool Collect = true);

    /// <summary>The dataset spec whose edge count is about <paramref name="targetEdges"/>.</summary>
    internal static string Spec(double targetEdges)
    {
        double f = targetEdges / DefaultEdges;
        int authors = Math.Max(20, (int)Math.Round(2000 * f));
        int papers = Math.Max(40, (int)Math.Round(4000 * f));
        int terms = Math.Max(15, (int)Math.Round(1500 * f));
        return string.Create(CultureInfo.InvariantCulture, $"synthetic:authors={authors},papers={papers},terms={terms}");
    }

    public static ResultTable Run(Settings s, TextWriter log)
    {
        var table = new ResultTable("Scaling with edges (synthetic academic graph, author task, hidden 64, 2 layers)",
            ["backbone", "nodes", "edges", "epoch s (median)", "epoch CPU s (median)", "µs per edge", "inference s (median)", "peak RSS MiB", "load avg (1 min)"]);
        using var raw = new StreamWriter(Path.Combine(s.OutFolder, "scaling.jsonl"));
        foreach (var backbone in s.Backbones)
        {
            var c = BackboneCase.Dblp().FirstOrDefault(b => b.Backbone == backbone)
                    ?? throw new ArgumentException($"Unknown backbone '{backbone}' (expected one of: {string.Join(", ", BackboneCase.Dblp().Select(b => b.Backbone))}).");
            foreach (double target in s.TargetEdges)
            {
                string spec = Spec(target);
                log.WriteLine($"scaling: {backbone}, {spec} (load {MachineInfo.LoadAverages()})");
                var sets = c.Sets.Where(v => !v.StartsWith("dataset.spec=", StringComparison.Ordinal))
                    .Prepend($"dataset.spec={spec}").Append("dataset.tasks=[author]");
                var args = new List<string>
                {
                    "--threads", s.Threads.ToString(CultureInfo.InvariantCulture),
                    "--warmup", s.Warmup.ToString(CultureInfo.InvariantCulture),
                    "--epochs", s.Epochs.ToString(CultureInfo.InvariantCulture),
                    "--inference", "3",
                };
                foreach (var v in sets) { args.Add("--set"); args.Add(v); }
                if (!s.Collect) args.Add("--no-collect");
                var m = ChildMeasurement.Run(args);
                m["backbone"] = backbone;
                raw.WriteLine(m.ToJsonString());
                raw.Flush();
                AddRow(table, backbone, m);
            }
        }
        table.Notes.Add($"One process per row; {s.Warmup} warm-up epochs, median of {s.Epochs}; {s.Threads} threads; {(s.Collect ? "GC after every epoch" : "no GC between epochs")}; 32-d dense features; " +
                        "sizes scale authors, papers and terms by one factor (20 venues), so the mean degree is constant.");
        return table;
    }

    internal static void AddRow(ResultTable table, string backbone, JsonObject m)
    {
        double epoch = Stats.Median(ChildMeasurement.Values(m, "epoch_seconds"));
        double edges = ChildMeasurement.Value(m, "edges");
        table.Add(backbone,
            m["nodes"]?.ToString() ?? "–",
            m["edges"]?.ToString() ?? "–",
            ResultTable.Number(epoch, 3),
            ResultTable.Number(Stats.Median(ChildMeasurement.Values(m, "epoch_cpu_seconds")), 3),
            ResultTable.Number(edges > 0 ? epoch / edges * 1e6 : double.NaN, 2),
            ResultTable.Number(Stats.Median(ChildMeasurement.Values(m, "inference_seconds")), 3),
            ResultTable.Number(ChildMeasurement.Value(m, "peak_rss_mib"), 0),
            ResultTable.Number(ChildMeasurement.Value(m, "load_average"), 2));
    }
}
