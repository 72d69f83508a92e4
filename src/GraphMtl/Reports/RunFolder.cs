using System.Text.Json.Nodes;

namespace GraphMtl.Reports;

/// <summary>
/// A run folder: <c>config.yaml</c> (resolved), <c>log.csv</c>, <c>model/</c> (checkpoints) and <c>metrics.json</c>.
/// Creating one refuses a non-empty existing folder, so a run never mixes with another's files.
/// </summary>
public sealed class RunFolder
{
    /// <summary>The folder.</summary>
    public string Path { get; }

    private RunFolder(string path) => Path = path;

    /// <summary>The resolved configuration.</summary>
    public string ConfigPath => System.IO.Path.Combine(Path, "config.yaml");

    /// <summary>The per-epoch log.</summary>
    public string LogPath => System.IO.Path.Combine(Path, "log.csv");

    /// <summary>The metrics summary.</summary>
    public string MetricsPath => System.IO.Path.Combine(Path, "metrics.json");

    /// <summary>The checkpoint folder.</summary>
    public string ModelDirectory => System.IO.Path.Combine(Path, "model");

    /// <summary>Creates the folder (and <c>model/</c>); an existing non-empty folder is a user error.</summary>
    public static RunFolder Create(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
            throw new GraphMtlException($"{path}: the run folder already exists and is not empty (choose another --out).");
        Directory.CreateDirectory(System.IO.Path.Combine(path, "model"));
        return new RunFolder(path);
    }

    /// <summary>Opens an existing run folder (for prediction); it must hold a config and a model.</summary>
    public static RunFolder Open(string path)
    {
        if (!Directory.Exists(path)) throw new GraphMtlException($"{path}: run folder not found.");
        var folder = new RunFolder(path);
        if (!File.Exists(folder.ConfigPath)) throw new GraphMtlException($"{path}: not a run folder (no config.yaml).");
        if (!Directory.Exists(folder.ModelDirectory)) throw new GraphMtlException($"{path}: not a run folder (no model/).");
        return folder;
    }

    /// <summary>A default folder name under <c>runs/</c> from the current time.</summary>
    public static string DefaultPath() => System.IO.Path.Combine("runs", DateTime.Now.ToString("yyyyMMdd-HHmmss"));

    /// <summary>Writes a JSON document into the folder.</summary>
    public void WriteJson(string name, JsonObject doc) => MetricsReport.Write(System.IO.Path.Combine(Path, name), doc);
}
