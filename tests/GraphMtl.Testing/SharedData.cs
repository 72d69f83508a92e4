using GraphMtl.Data;

namespace GraphMtl.Testing;

/// <summary>
/// Locates the shared real datasets (<c>shared/data</c>: hgb-dblp, heco-dblp, magnn-imdb, …) for tests: the
/// <c>GMTL_DATA_ROOT</c> environment variable when it names an existing folder, else <c>../shared/data</c> beside the
/// folder holding <c>GraphMtl.slnx</c>, found by walking up from the test assembly's folder. Null when neither exists.
/// </summary>
public static class SharedData
{
    /// <summary>The shared data folder, or null when it is absent (tests over real data then skip).</summary>
    public static string? Root { get; } = Locate(AppContext.BaseDirectory, Environment.GetEnvironmentVariable);

    /// <summary>Why tests over real data skip, when they do.</summary>
    public const string SkipReason = "shared data folder not found (set GMTL_DATA_ROOT or place it at ../shared/data beside GraphMtl.slnx)";

    /// <summary>The shared data folder as a <see cref="DataRoot"/>; only call when <see cref="Root"/> is set.</summary>
    public static DataRoot DataRoot => new(Root ?? throw new InvalidOperationException(SkipReason), "shared data");

    /// <summary>The path of a dataset folder under <see cref="Root"/>.</summary>
    public static string Folder(string name) => Path.Combine(Root ?? throw new InvalidOperationException(SkipReason), name);

    /// <summary>The locating rule, with the start folder and environment passed in (for tests of the rule).</summary>
    public static string? Locate(string startDirectory, Func<string, string?> getEnvironment)
    {
        string? env = getEnvironment(DataRoot.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "GraphMtl.slnx"))) continue;
            string shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            return Directory.Exists(shared) ? shared : null;
        }
        return null;
    }
}
