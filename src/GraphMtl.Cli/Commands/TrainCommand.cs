using System.CommandLine;
using GraphMtl.Cli.Rendering;
using GraphMtl.Data;
using GraphMtl.Experiments;
using GraphMtl.Reports;
using GraphMtl.Training;

namespace GraphMtl.Cli.Commands;

/// <summary><c>gmtl train</c>: trains the configured experiment over its seeds and writes a run folder.</summary>
public static class TrainCommand
{
    /// <summary>The command.</summary>
    public static Command Create(TextWriter output)
    {
        var config = new Option<string?>("--config", "-c") { Description = "YAML config (default: the built-in synthetic dataset with an RGCN)" };
        var sets = new Option<string[]>("--set") { Description = "Override a config key: --set train.lr=0.001 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var outDir = new Option<string?>("--out", "-o") { Description = "Run folder (default: runs/<timestamp>)" };
        var command = new Command("train", "Train a model and write config.yaml, log.csv, model/ and metrics.json to a run folder") { config, sets, outDir };
        command.SetAction(parse =>
        {
            var result = Train(parse.GetValue(config), parse.GetValue(sets) ?? [], parse.GetValue(outDir), parse.GetValue(Cli.DataRoot), output);
            return result is null ? 1 : 0;
        });
        return command;
    }

    /// <summary>Runs training end to end; user errors surface before the run folder is created.</summary>
    public static (ExperimentResult Result, RunFolder Folder)? Train(string? configPath, IReadOnlyList<string> sets, string? outDir, string? dataRoot, TextWriter output)
    {
        var context = new ExperimentContext(DataRoot.Locate(dataRoot), configPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(configPath)));
        var options = ExperimentConfig.Load(configPath, sets).WithResolvedPaths(context);
        using var experiment = options.Prepare(context);

        string path = outDir ?? RunFolder.DefaultPath();
        bool existed = Directory.Exists(path);
        var folder = RunFolder.Create(path);
        try
        {
            File.WriteAllText(folder.ConfigPath, ExperimentConfig.ToYaml(options));
            output.WriteLine($"Training {experiment.Description}: {options.Train.Runs} run(s), up to {options.Train.Epochs} epochs → {folder.Path}");
            ExperimentResult result;
            using (var log = new CsvLog(folder.LogPath, experiment.Tasks))
            {
                result = ProgressDisplay.Run(output, options.Train, experiment.Tasks, progress => experiment.Run([log, progress], folder));
            }
            var metrics = MetricsReport.Build(result);
            folder.WriteJson("metrics.json", metrics);
            ResultTable.Write(output, result);
            output.WriteLine($"Run folder: {folder.Path}");
            return (result, folder);
        }
        catch
        {
            // Nothing half-written: a failed run leaves no folder behind (unless it existed, empty, before).
            try
            {
                if (existed) foreach (var e in Directory.EnumerateFileSystemEntries(path)) DeleteEntry(e);
                else Directory.Delete(path, recursive: true);
            }
            catch (IOException) { }
            throw;
        }
    }

    private static void DeleteEntry(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, true);
        else File.Delete(path);
    }
}
