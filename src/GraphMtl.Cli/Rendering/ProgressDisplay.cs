using System.Globalization;
using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.Training;
using Spectre.Console;

namespace GraphMtl.Cli.Rendering;

/// <summary>
/// Shows training progress: a live progress bar on an interactive terminal (epoch, losses, validation metric), plain
/// periodic lines when output is redirected or <c>CI</c> is set.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="train"/> with a progress callback suited to the terminal.</summary>
    public static T Run<T>(TextWriter output, TrainOptions options, IReadOnlyList<string> tasks, Func<ITrainingCallback, T> train)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
                           && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                           && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive) return train(new PlainLines(output, options));

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx => result = train(new Bars(ctx, options)));
        return result;
    }

    private static string Describe(RunInfo run, TrainOptions options, EpochRecord? record, string metric)
    {
        var ci = CultureInfo.InvariantCulture;
        string label = $"run {run.Index + 1}/{options.Runs}" + (run.Label.Length > 0 ? $" [{run.Label}]" : "");
        if (record is null) return label;
        string losses = string.Join(" ", run.Tasks.Select((t, k) => $"{t} {record.TrainLoss[k].ToString("0.000", ci)}"));
        string text = $"{label} epoch {record.Epoch + 1}/{run.MaxEpochs}  loss {losses}";
        if (record.Evaluation != null)
        {
            double v = MeanStd.Of(run.Tasks.Select(t => record.Evaluation.Value(t, SplitPart.Val, metric))).Mean;
            text += $"  val {metric} {v.ToString("0.0000", ci)}{(record.Improved ? " *" : "")}";
        }
        return text;
    }

    private sealed class Bars(ProgressContext context, TrainOptions options) : ITrainingCallback
    {
        private ProgressTask? _task;

        public void OnRunStart(RunInfo run) => _task = context.AddTask(Markup.Escape(Describe(run, options, null, "")), maxValue: run.MaxEpochs);

        public void OnEpoch(RunInfo run, EpochRecord record)
        {
            if (_task is null) return;
            _task.Value = record.Epoch + 1;
            _task.Description = Markup.Escape(Describe(run, options, record, options.Selection.Metric));
        }

        public void OnRunEnd(RunInfo run, RunResult result)
        {
            if (_task is null) return;
            _task.Value = _task.MaxValue; // early stopping ends the bar
            _task.Description = Markup.Escape($"run {run.Index + 1}/{options.Runs}{(run.Label.Length > 0 ? $" [{run.Label}]" : "")}: best epoch {result.BestEpoch + 1}, stopped after {result.EpochsRun}");
            _task.StopTask();
        }
    }

    private sealed class PlainLines(TextWriter output, TrainOptions options) : ITrainingCallback
    {
        public void OnEpoch(RunInfo run, EpochRecord record)
        {
            int every = Math.Max(1, run.MaxEpochs / 10);
            if ((record.Epoch + 1) % every == 0 && record.Evaluation != null || record.Epoch == 0)
                output.WriteLine(Describe(run, options, record, options.Selection.Metric));
        }

        public void OnRunEnd(RunInfo run, RunResult result)
        {
            var ci = CultureInfo.InvariantCulture;
            var test = string.Join(" ", run.Tasks.Select(t => $"{t} {result.Best.Value(t, SplitPart.Test, options.Selection.Metric == "loss" ? "accuracy" : options.Selection.Metric).ToString("0.0000", ci)}"));
            output.WriteLine($"run {run.Index + 1}/{options.Runs}{(run.Label.Length > 0 ? $" [{run.Label}]" : "")} done: best epoch {result.BestEpoch + 1} of {result.EpochsRun}; test {test}");
        }
    }
}
