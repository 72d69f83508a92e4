using System.Globalization;
using System.Text;
using GraphMtl.Graphs;
using GraphMtl.Metrics;
using GraphMtl.Training;

namespace GraphMtl.Reports;

/// <summary>
/// Writes <c>log.csv</c>: one row per run and epoch with each task's training loss and weight, and on evaluated epochs
/// its validation loss and metrics. Columns are fixed for all tasks, so single-task runs leave other tasks' cells empty.
/// </summary>
public sealed class CsvLog : ITrainingCallback, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly IReadOnlyList<string> _tasks;
    private readonly string[] _metrics = ["loss", .. TaskMetrics.Keys];

    /// <summary>Creates the file and writes the header.</summary>
    public CsvLog(string path, IReadOnlyList<string> tasks)
    {
        _tasks = tasks;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { AutoFlush = false };
        var header = new List<string> { "run", "seed", "epoch", "seconds", "improved" };
        foreach (var t in tasks)
        {
            header.Add($"{t}_train_loss");
            header.Add($"{t}_weight");
            header.AddRange(_metrics.Select(m => $"{t}_val_{m}"));
        }
        _writer.WriteLine(string.Join(',', header.Select(Quote)));
    }

    /// <inheritdoc/>
    public void OnEpoch(RunInfo run, EpochRecord record)
    {
        var ci = CultureInfo.InvariantCulture;
        var cells = new List<string> { run.Index.ToString(ci), run.Seed.ToString(ci), record.Epoch.ToString(ci), record.Seconds.ToString("G6", ci), record.Improved ? "1" : "0" };
        foreach (var t in _tasks)
        {
            int k = run.Tasks.ToList().IndexOf(t);
            cells.Add(k >= 0 ? record.TrainLoss[k].ToString("G6", ci) : "");
            cells.Add(k >= 0 ? record.Weights[k].ToString("G6", ci) : "");
            foreach (var m in _metrics)
            {
                double v = k >= 0 && record.Evaluation != null ? record.Evaluation.Value(t, SplitPart.Val, m) : double.NaN;
                cells.Add(double.IsFinite(v) ? v.ToString("G6", ci) : "");
            }
        }
        _writer.WriteLine(string.Join(',', cells));
    }

    /// <inheritdoc/>
    public void OnRunEnd(RunInfo run, RunResult result) => _writer.Flush();

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
