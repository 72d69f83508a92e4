using System.Globalization;

namespace GraphMtl.Bench;

/// <summary>What the numbers were measured on: CPU model, cores, memory, load, runtime (from /proc where available).</summary>
internal static class MachineInfo
{
    public static IReadOnlyList<string> Describe()
    {
        string cpu = ReadFirst("/proc/cpuinfo", "model name") ?? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
        string mem = ReadFirst("/proc/meminfo", "MemTotal") is string m && long.TryParse(m.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kib)
            ? (kib / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " GiB"
            : "unknown";
        return
        [
            $"- CPU: {cpu}, {Environment.ProcessorCount} logical cores visible",
            $"- memory: {mem}",
            $"- OS: {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}; TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}",
            $"- load average at start (1/5/15 min): {LoadAverages()}",
            $"- date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}",
        ];
    }

    public static string LoadAverages()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
            if (line.StartsWith(key, StringComparison.Ordinal) && line.IndexOf(':') is int i and >= 0)
                return line[(i + 1)..].Trim();
        return null;
    }
}
