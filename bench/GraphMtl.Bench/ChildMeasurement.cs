using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace GraphMtl.Bench;

/// <summary>
/// Runs one <c>epoch</c> measurement in a fresh child process of this harness and returns its JSON line: a fresh
/// process is the only way to get an honest peak RSS per model (VmHWM never goes down, and libtorch's allocator keeps
/// freed memory).
/// </summary>
internal static class ChildMeasurement
{
    public static JsonObject Run(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot locate the harness executable.");
        info.FileName = self;
        // Started as `dotnet GraphMtl.Bench.dll`: the child needs the assembly path too.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        info.ArgumentList.Add("epoch");
        foreach (var a in arguments) info.ArgumentList.Add(a);

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the measurement process.");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string? line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.TrimStart().StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"Measurement failed (exit {process.ExitCode}): {string.Join(' ', info.ArgumentList)}\n{stderr.Result.Trim()}");
        return JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Reads a numeric array field of a measurement.</summary>
    public static double[] Values(JsonObject m, string key) =>
        m[key] is JsonArray a ? a.Select(v => v!.GetValue<double>()).ToArray() : [];

    public static double Value(JsonObject m, string key) => m[key]?.GetValue<double>() ?? double.NaN;
}
