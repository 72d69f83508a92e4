namespace GraphMtl.Bench;

/// <summary>Sub-commands of the benchmark harness (see bench/README.md).</summary>
internal static class Cli
{
    public static int Run(string[] args)
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
                var a = new Args(rest, new HashSet<string> { "data-root", "set", "threads", "warmup", "epochs", "inference", "lr" });
                var result = EpochBench.Run(new EpochBench.Settings(a.Get("data-root", ""), a.Sets, a.Int("threads", 2),
                    a.Int("warmup", 5), a.Int("epochs", 30), a.Int("inference", 10), a.Double("lr", 1e-3)));
                Console.WriteLine(result.ToJsonString());
                return 0;
            }
            default:
                throw new ArgumentException($"Unknown command '{args[0]}'.\n{Usage}");
        }
    }

    public const string Usage = """
        GraphMtl.Bench COMMAND [options]
          all        backbones + micro + scaling; writes bench/results/*.md
          backbones  epoch time, inference time and peak RSS per backbone on DBLP (one process per trial)
          micro      aggregation primitives (sparse mm, index_select + index_add, edge softmax, blocked kernels)
          scaling    synthetic graphs from 10^4 to 10^6+ edges (one process per size and trial)
          epoch      one measurement in this process (used by the others; prints one JSON line)
        """;
}
