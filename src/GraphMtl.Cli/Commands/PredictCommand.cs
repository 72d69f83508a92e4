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
        var outFile = new Option<string?>("--out", "-o") { Description = "Output file (default: <run>/predictions.tsv, or <run>/predictions.csv with --input)" };
        var input = new Option<string?>("--input", "-i") { Description = "Multilabel runs: CSV of new examples with any labels already known (empty cells are predicted)" };
        var command = new Command("predict", "Predict with a trained run: one row per node and task with the predicted class and probabilities; multilabel runs: the --input table with its unknown labels filled") { run, outFile, input };
        command.SetAction(parse =>
        {
            var folder = RunFolder.Open(parse.GetValue(run)!);
            var options = ExperimentConfig.Load(folder.ConfigPath, []);
            var context = new ExperimentContext(DataRoot.Locate(parse.GetValue(Cli.DataRoot)), folder.Path);
            using var experiment = options.Prepare(context);
            if (parse.GetValue(input) is { } inputPath)
            {
                if (experiment is not IPredictsFromInput predictor)
                    throw new GraphMtlException($"--input: only multilabel runs predict from an input file ({folder.Path} is not one; omit --input).");
                var (files, invalid) = predictor.PredictFrom(folder, inputPath, parse.GetValue(outFile) ?? Path.Combine(folder.Path, "predictions.csv"));
                foreach (var file in files) output.WriteLine($"Wrote {file}");
                if (invalid > 0) output.WriteLine($"Skipped {invalid} row(s) that could not be read (see their error column).");
                return 0;
            }
            foreach (var file in experiment.Predict(folder, parse.GetValue(outFile) ?? Path.Combine(folder.Path, "predictions.tsv")))
                output.WriteLine($"Wrote {file}");
            return 0;
        });
        return command;
    }
}
