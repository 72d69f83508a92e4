using Xunit.Abstractions;

namespace GraphMtl.Tests.Data.Molecules;

/// <summary>
/// Locates the shared real datasets: <c>GMTL_DATA_ROOT</c>, else <c>../shared/data</c> beside the repository root
/// (the first folder above the test assembly that holds <c>GraphMtl.slnx</c>). Tests that need them return early
/// with a message when they are absent.
/// </summary>
internal static class TestData
{
    public static string? Root()
    {
        var env = Environment.GetEnvironmentVariable("GMTL_DATA_ROOT");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "GraphMtl.slnx")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }
        return null;
    }

    /// <summary>Full path of <paramref name="relative"/> under the data root, or null (with a message) when absent.</summary>
    public static string? File(ITestOutputHelper output, string relative)
    {
        var root = Root();
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !System.IO.File.Exists(path))
        {
            output.WriteLine($"skipped: shared data file '{relative}' not found (set GMTL_DATA_ROOT or place shared/data beside the repository)");
            return null;
        }
        return path;
    }
}
