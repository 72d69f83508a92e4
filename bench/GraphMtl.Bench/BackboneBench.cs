using System.Text.Json.Nodes;

namespace GraphMtl.Bench;

/// <summary>
/// Per backbone on DBLP: median training-epoch seconds, median inference seconds and peak RSS, each model measured in
/// its own process (best median over <c>trials</c> processes, the least disturbed by other load), beside the peer.
/// </summary>
internal static class BackboneBench
{
    internal sealed record Settings(string DataRoot, int Threads, int Warmup, int Epochs, int Inference, int Trials, bool HgbWidth, string OutFolder, bool Collect = true);

    public static ResultTable Run(Settings s, TextWriter log)
    {
        var cases = BackboneCase.Dblp().ToList();
        if (s.HgbWidth) cases.Add(BackboneCase.SimpleHgnHgbWidth());
        var measured = new List<(BackboneCase Case, JsonObject Best, IReadOnlyList<JsonObject> All)>();
        using var raw = new StreamWriter(Path.Combine(s.OutFolder, "backbones.jsonl"));
        foreach (var c in cases)
        {
            var trials = new List<JsonObject>();
            for (int t = 0; t < s.Trials; t++)
            {
                log.WriteLine($"backbones: {c.Label}, trial {t + 1}/{s.Trials} (load {MachineInfo.LoadAverages()})");
                var m = ChildMeasurement.Run(Arguments(s, c));
                m["label"] = c.Label;
                m["load_average_start"] = MachineInfo.LoadAverages();
                raw.WriteLine(m.ToJsonString());
                raw.Flush();
                trials.Add(m);
            }
            var best = trials.MinBy(m => Stats.Median(ChildMeasurement.Values(m, "epoch_seconds")))!;
            measured.Add((c, best, trials));
        }
        return Table(measured.Select(m => (m.Case, m.Best, m.All.Max(a => ChildMeasurement.Value(a, "peak_rss_mib")))).ToList(), s);
    }

    /// <summary>The comparison table: our figures, the peer's, and the ratios (ours / peer; goal ≤ 0.8 time, ≤ 1 memory).</summary>
    internal static ResultTable Table(IReadOnlyList<(BackboneCase Case, JsonObject Best, double PeakRss)> measured, Settings s)
    {
        var table = new ResultTable("Backbones on DBLP (full batch, author task, hidden 64, 2 layers)",
        [
            "model", "epoch s (median)", "epoch CPU s (median)", "inference s (median)", "peak RSS MiB", "parameters",
            "peer model (PyG 2.4)", "peer epoch s", "peer RSS MiB", "time ratio", "memory ratio", "load avg (1 min)",
        ]);
        foreach (var (c, m, peak) in measured)
        {
            double epoch = Stats.Median(ChildMeasurement.Values(m, "epoch_seconds"));
            double cpu = Stats.Median(ChildMeasurement.Values(m, "epoch_cpu_seconds"));
            double inference = Stats.Median(ChildMeasurement.Values(m, "inference_seconds"));
            bool hasPeer = PeerFigures.ByBackbone.TryGetValue(c.Backbone, out var peer);
            table.Add(
                c.Label,
                ResultTable.Number(epoch, 3),
                ResultTable.Number(cpu, 3),
                ResultTable.Number(inference, 3),
                ResultTable.Number(peak, 0),
                m["parameters"]?.ToString() ?? "–",
                hasPeer ? peer.Model : "–",
                hasPeer ? ResultTable.Number(peer.EpochSeconds, 3) : "–",
                hasPeer ? ResultTable.Number(peer.PeakRssMiB, 0) : "–",
                hasPeer ? ResultTable.Number(PeerFigures.Ratio(epoch, peer.EpochSeconds), 2) : "–",
                hasPeer ? ResultTable.Number(PeerFigures.Ratio(peak, peer.PeakRssMiB), 2) : "–",
                ResultTable.Number(ChildMeasurement.Value(m, "load_average"), 2));
        }
        table.Notes.Add($"Each model in its own process; {s.Warmup} warm-up epochs, then the median of {s.Epochs} training epochs " +
                        $"(forward, cross-entropy on the training authors, backward, Adam step, lr 1e-3) and of {s.Inference} inference passes " +
                        $"(no_grad forward of the whole graph); {s.Threads} threads; best median over {s.Trials} process(es); peak RSS = VmHWM, " +
                        "the largest over the trials; " +
                        (s.Collect ? "a .NET GC after every epoch, outside the timing" : "no GC between epochs (--no-collect)") + ". Goal: time ratio ≤ " + PeerFigures.TimeGoal.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                        ", memory ratio ≤ 1. Load average: the machine's 1-minute load when the measurement ended.");
        return table;
    }

    private static List<string> Arguments(Settings s, BackboneCase c)
    {
        var args = new List<string>
        {
            "--data-root", s.DataRoot, "--threads", s.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--warmup", s.Warmup.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--epochs", s.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inference", s.Inference.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var set in c.Sets) { args.Add("--set"); args.Add(set); }
        if (!s.Collect) args.Add("--no-collect");
        return args;
    }
}
