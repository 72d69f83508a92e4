using System.CommandLine;
using System.Text.Json.Nodes;
using GraphMtl.Configuration;
using GraphMtl.Data;
using GraphMtl.Experiments;
using GraphMtl.Reports;

namespace GraphMtl.Cli.Commands;

/// <summary>
/// <c>gmtl compare</c>: trains several configs (or the methods of a sweep file) over N seeds, each into its own run
/// folder under the output folder, and writes the per-task comparison (mean ± std of every metric, gain over the
/// single-task baseline per task and on average) as <c>comparison.md</c> and <c>comparison.json</c>, and prints it. A
/// method whose run folder already holds a finished run with the same resolved config is not trained again.
/// </summary>
public static class CompareCommand
{
    /// <summary>File names in the output folder.</summary>
    public const string MarkdownFile = "comparison.md", JsonFile = "comparison.json";

    /// <summary>The command.</summary>
    public static Command Create(TextWriter output)
    {
        var configs = new Argument<string[]>("configs") { Description = "Config files to compare (method name = file name without extension)", Arity = ArgumentArity.ZeroOrMore };
        var sweep = new Option<string?>("--sweep") { Description = "A sweep file listing the methods (name, config, set), the baseline and the metrics" };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder: one run folder per method plus the comparison (default: compare/<timestamp>)" };
        var sets = new Option<string[]>("--set") { Description = "Override a key of every config: --set train.epochs=100 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var runs = new Option<int?>("--runs", "-n") { Description = "Seeds per method (sets train.runs)" };
        var baseline = new Option<string?>("--baseline") { Description = "Method the gains are computed against (default: the first single-task method)" };
        var metrics = new Option<string?>("--metrics") { Description = "Comma-separated metrics to show and use for the gains (default: all but the loss)" };
        var retrain = new Option<bool>("--retrain") { Description = "Train every method again even when its run folder holds a finished run" };
        var command = new Command("compare", "Train several configs over N seeds and compare them per task against single-task learning")
            { configs, sweep, outDir, sets, runs, baseline, metrics, retrain };
        command.SetAction(parse =>
        {
            Compare(parse.GetValue(configs) ?? [], parse.GetValue(sweep), parse.GetValue(outDir), parse.GetValue(sets) ?? [], parse.GetValue(runs),
                parse.GetValue(baseline), parse.GetValue(metrics), parse.GetValue(retrain), parse.GetValue(Cli.DataRoot), output);
            return 0;
        });
        return command;
    }

    /// <summary>Runs (or reuses) every method and writes the comparison; returns it.</summary>
    public static JsonObject Compare(IReadOnlyList<string> configs, string? sweepPath, string? outDir, IReadOnlyList<string> sets, int? runs,
        string? baseline, string? metrics, bool retrain, string? dataRoot, TextWriter output)
    {
        var sweep = sweepPath is null ? new SweepOptions() : ConfigBinder.Bind<SweepOptions>(ConfigBinder.Load(sweepPath), sweepPath);
        string sweepDir = sweepPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(sweepPath))!;
        var entries = sweep.Configs.Select(e => (Name: e.Name.Length > 0 ? e.Name : Path.GetFileNameWithoutExtension(e.Config),
                Config: Path.GetFullPath(Path.Combine(sweepDir, e.Config)), Set: (IReadOnlyList<string>)[.. sweep.Set, .. e.Set]))
            .Concat(configs.Select(c => (Name: Path.GetFileNameWithoutExtension(c), Config: Path.GetFullPath(c), Set: (IReadOnlyList<string>)[])))
            .ToList();
        if (entries.Count == 0) throw new GraphMtlException("compare: expected config files or --sweep FILE (got neither).");
        var duplicate = entries.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new GraphMtlException($"compare: two methods are named '{duplicate.Key}'; use a sweep file to name them.");
        if (runs is < 1) throw new GraphMtlException($"--runs: expected at least 1 (got {runs}).");
        var metricList = metrics?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? sweep.Metrics?.ToList();

        string folder = outDir ?? Path.Combine("compare", DateTime.Now.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(folder);
        var root = DataRoot.Locate(dataRoot);
        var compared = new List<ComparedRun>();
        string? singleTask = null;
        foreach (var (name, config, entrySets) in entries)
        {
            IReadOnlyList<string> all = [.. entrySets, .. sets, .. runs is { } n ? new[] { $"train.runs={n}" } : []];
            var context = new ExperimentContext(root, Path.GetDirectoryName(config));
            var options = ExperimentConfig.Load(config, all).WithResolvedPaths(context);
            if (options is NodeExperimentOptions { Architecture.IndependentPerTask: true }) singleTask ??= name;
            string runFolder = Path.Combine(folder, name);
            var metricsPath = Path.Combine(runFolder, "metrics.json");
            bool done = File.Exists(metricsPath);
            if (done && !retrain)
            {
                string saved = File.ReadAllText(Path.Combine(runFolder, "config.yaml"));
                if (saved != ExperimentConfig.ToYaml(options))
                    throw new GraphMtlException($"{runFolder}: holds a run of a different config than {config} with the given overrides; pass --retrain or choose another --out.");
                output.WriteLine($"{name}: reusing the finished run in {runFolder}");
            }
            else
            {
                if (Directory.Exists(runFolder) && Directory.EnumerateFileSystemEntries(runFolder).Any())
                {
                    if (!retrain && !done)
                        throw new GraphMtlException($"{runFolder}: holds an unfinished run (no metrics.json); delete it or pass --retrain.");
                    Directory.Delete(runFolder, recursive: true);
                }
                output.WriteLine($"{name}: training {config}");
                if (TrainCommand.Train(config, all, runFolder, dataRoot, output) is null)
                    throw new GraphMtlException($"{name}: training failed.");
            }
            compared.Add(new ComparedRun(name, JsonNode.Parse(File.ReadAllText(metricsPath))!.AsObject()));
        }

        var comparison = Comparison.Build(compared, baseline ?? sweep.Baseline, metricList, singleTask);
        comparison["methods"] = new JsonArray(entries.Select(e => (JsonNode?)new JsonObject
        {
            ["name"] = e.Name,
            ["config"] = e.Config,
            ["set"] = new JsonArray(e.Set.Concat(sets).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["run_folder"] = Path.Combine(folder, e.Name),
        }).ToArray());
        MetricsReport.Write(Path.Combine(folder, JsonFile), comparison);
        string markdown = Comparison.Markdown(comparison);
        File.WriteAllText(Path.Combine(folder, MarkdownFile), markdown);
        output.WriteLine();
        output.Write(markdown);
        output.WriteLine($"Comparison: {Path.Combine(folder, MarkdownFile)}, {Path.Combine(folder, JsonFile)}");
        return comparison;
    }
}
