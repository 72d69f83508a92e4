using System.CommandLine;
using GraphMtl.Data;
using GraphMtl.Experiments;
using GraphMtl.Reports;

namespace GraphMtl.Cli.Commands;

/// <summary><c>gmtl predict</c>: loads a run's best checkpoint per task and writes per-node predictions.</summary>
public static class PredictCommand
{
    /// <summary>The command.</summary>
    public static Command Create(TextWriter output)
    {
        var run = new Option<string>("--run", "-r") { Description = "Run folder written by gmtl train", Required = true };
        var outFile = new Option<string?>("--out", "-o") { Description = "Output file (default: <run>/predictions.tsv)" };
        var command = new Command("predict", "Predict with a trained run: one row per node and task with the predicted class and probabilities") { run, outFile };
        command.SetAction(parse =>
        {
            var folder = RunFolder.Open(parse.GetValue(run)!);
            var options = ExperimentConfig.Load(folder.ConfigPath, []);
            var context = new ExperimentContext(DataRoot.Locate(parse.GetValue(Cli.DataRoot)), folder.Path);
            using var experiment = options.Prepare(context);
            foreach (var file in experiment.Predict(folder, parse.GetValue(outFile) ?? Path.Combine(folder.Path, "predictions.tsv")))
                output.WriteLine($"Wrote {file}");
            return 0;
        });
        return command;
    }
}
