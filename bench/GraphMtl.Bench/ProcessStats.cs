using System.Globalization;

namespace GraphMtl.Bench;

/// <summary>Memory and load figures of this process and machine, read from <c>/proc</c> (Linux) with .NET fallbacks.</summary>
internal static class ProcessStats
{
    /// <summary>Peak resident set size of this process (VmHWM) in MiB.</summary>
    public static double PeakRssMiB() => StatusKiB("VmHWM:") is long k ? k / 1024.0 : Environment.WorkingSet / 1048576.0;

    /// <summary>Current resident set size (VmRSS) in MiB.</summary>
    public static double RssMiB() => StatusKiB("VmRSS:") is long k ? k / 1024.0 : Environment.WorkingSet / 1048576.0;

    /// <summary>Resets the peak (VmHWM) to the current RSS (<c>echo 5 &gt; /proc/self/clear_refs</c>); false when not allowed.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The 1-minute load average, or NaN.</summary>
    public static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    /// <summary>CPU seconds (user + system) this process has used so far.</summary>
    public static double CpuSeconds()
    {
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return p.TotalProcessorTime.TotalSeconds;
    }

    private static long? StatusKiB(string key)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith(key, StringComparison.Ordinal))
                    return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { }
        return null;
    }
}
