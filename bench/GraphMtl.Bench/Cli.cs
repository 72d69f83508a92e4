using System.Globalization;
using System.Text;

namespace GraphMtl.Bench;

/// <summary>Sub-commands of the benchmark harness (see bench/README.md).</summary>
internal static class Cli
{
    private static readonly string[] Common = ["data-root", "threads", "out"];

    public static int Run(string[] args, TextWriter log)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var rest = args.Skip(1);
        switch (args[0])
        {
            case "epoch":
            {
                var a = new Args(rest, new HashSet<string> { "data-root", "set", "threads", "warmup", "epochs", "inference", "lr" }, new HashSet<string> { "no-collect" });
                var result = EpochBench.Run(new EpochBench.Settings(a.Get("data-root", ""), a.Sets, a.Int("threads", 2),
                    a.Int("warmup", 5), a.Int("epochs", 30, min: 1), a.Int("inference", 10, min: 1), a.Double("lr", 1e-3), !a.Flag("no-collect")));
                Console.WriteLine(result.ToJsonString());
                return 0;
            }
            case "backbones":
            {
                var a = new Args(rest, Known(BackboneKeys), new HashSet<string> { "hgb-width", "no-collect" });
                string out_ = OutFolder(a);
                var table = BackboneBench.Run(Backbones(a, out_), log);
                Write(out_, "backbones", [table], log);
                return 0;
            }
            case "micro":
            {
                var a = new Args(rest, Known(MicroKeys));
                string out_ = OutFolder(a);
                Write(out_, "micro", [MicroBench.Run(Micro(a), log)], log);
                return 0;
            }
            case "scaling":
            {
                var a = new Args(rest, Known(ScalingKeys), new HashSet<string> { "no-collect" });
                string out_ = OutFolder(a);
                Write(out_, "scaling", [ScalingBench.Run(Scaling(a, out_), log)], log);
                return 0;
            }
            case "all":
            {
                var a = new Args(rest, Known([.. BackboneKeys, .. MicroKeys, .. ScalingKeys]), new HashSet<string> { "hgb-width", "no-collect" });
                string out_ = OutFolder(a);
                var started = DateTime.UtcNow;
                var machine = MachineInfo.Describe();
                var tables = new List<ResultTable>
                {
                    BackboneBench.Run(Backbones(a, out_), log),
                    MicroBench.Run(Micro(a), log),
                    ScalingBench.Run(Scaling(a, out_), log),
                };
                Write(out_, "backbones", [tables[0]], log);
                Write(out_, "micro", [tables[1]], log);
                Write(out_, "scaling", [tables[2]], log);
                var summary = new StringBuilder("# GraphMtl benchmarks\n\n");
                foreach (var line in machine) summary.Append(line).Append('\n');
                summary.Append(CultureInfo.InvariantCulture, $"- load average at end (1/5/15 min): {MachineInfo.LoadAverages()}\n");
                summary.Append(CultureInfo.InvariantCulture, $"- harness wall time: {(DateTime.UtcNow - started).TotalMinutes:F1} min\n\n");
                foreach (var t in tables) summary.Append(t.ToMarkdown()).Append('\n');
                File.WriteAllText(Path.Combine(out_, "summary.md"), summary.ToString());
                log.WriteLine($"wrote {Path.Combine(out_, "summary.md")}");
                return 0;
            }
            default:
                throw new ArgumentException($"Unknown command '{args[0]}'.\n{Usage}");
        }
    }

    private static readonly string[] BackboneKeys = ["warmup", "epochs", "inference", "trials"];
    private static readonly string[] MicroKeys = ["micro-warmup", "repeats"];
    private static readonly string[] ScalingKeys = ["edges", "backbones", "scaling-warmup", "scaling-epochs"];

    private static HashSet<string> Known(IEnumerable<string> keys) => [.. Common, .. keys];

    private static BackboneBench.Settings Backbones(Args a, string out_) => new(a.Get("data-root", ""), a.Int("threads", 2),
        a.Int("warmup", 5), a.Int("epochs", 30, min: 1), a.Int("inference", 10, min: 1), a.Int("trials", 1, min: 1), a.Flag("hgb-width"), out_, !a.Flag("no-collect"));

    private static MicroBench.Settings Micro(Args a) => new(a.Get("data-root", ""), "dblp-hgb", a.Int("threads", 2),
        a.Int("micro-warmup", 3), a.Int("repeats", 20, min: 1));

    private static ScalingBench.Settings Scaling(Args a, string out_) => new(
        a.Numbers("edges", [1e4, 1e5, 1e6, 2e6]), a.List("backbones", ["rgcn", "hgt", "simple-hgn"]), a.Int("threads", 2),
        a.Int("scaling-warmup", 2), a.Int("scaling-epochs", 10, min: 1), out_, !a.Flag("no-collect"));

    /// <summary>--out, else bench/results of the repository containing the working directory, else ./bench-results.</summary>
    internal static string OutFolder(Args a)
    {
        string? given = a.Get("out", "");
        string folder = given.Length > 0 ? given : Path.Combine(RepositoryRoot(Directory.GetCurrentDirectory()) ?? ".", "bench", "results");
        Directory.CreateDirectory(folder);
        return Path.GetFullPath(folder);
    }

    internal static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphMtl.slnx"))) return dir.FullName;
        return null;
    }

    private static void Write(string folder, string name, IReadOnlyList<ResultTable> tables, TextWriter log)
    {
        foreach (var t in tables) t.Write(folder, name);
        log.WriteLine($"wrote {Path.Combine(folder, name)}.md and .csv");
        foreach (var t in tables) log.WriteLine(t.ToMarkdown());
    }

    public const string Usage = """
        GraphMtl.Bench COMMAND [options]         (results in bench/results/ unless --out DIR)
          all        backbones + micro + scaling, and summary.md with the machine description
          backbones  epoch time, inference time and peak RSS per backbone on DBLP (one process per model)
                     [--warmup 5] [--epochs 30] [--inference 10] [--trials 1] [--hgb-width] [--no-collect]
          micro      aggregation primitives on DBLP (sparse mm, index_select + index_add, blocked kernels, edge softmax)
                     [--micro-warmup 3] [--repeats 20]
          scaling    synthetic graphs from 10^4 to 2·10^6 edges (one process per size and backbone)
                     [--edges 1e4,1e5,1e6,2e6] [--backbones rgcn,hgt,simple-hgn] [--scaling-warmup 2] [--scaling-epochs 10] [--no-collect]
          epoch      one measurement in this process (used by the others; prints one JSON line)
                     [--set key=value]... [--warmup 5] [--epochs 30] [--inference 10] [--lr 0.001] [--no-collect]
        --no-collect: no .NET GC between epochs (shows RSS growth from tensors freed only by finalizers).
        Common: --data-root DIR (DBLP: dblp-hgb under it), --threads N (default 2), --out DIR.
        """;
}
