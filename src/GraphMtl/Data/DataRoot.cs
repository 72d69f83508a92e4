namespace GraphMtl.Data;

/// <summary>
/// The folder that relative dataset paths are resolved against. Chosen, in this order, from the <c>--data-root</c>
/// command-line value, the <c>GMTL_DATA_ROOT</c> environment variable, and finally <c>./data</c> (relative to the
/// current directory). The folder need not exist until a dataset is read from it.
/// </summary>
public sealed class DataRoot
{
    /// <summary>The environment variable consulted when no command-line value is given.</summary>
    public const string EnvironmentVariable = "GMTL_DATA_ROOT";

    /// <summary>The default folder, relative to the current directory.</summary>
    public const string DefaultPath = "data";

    /// <summary>The absolute path of the data root.</summary>
    public string Path { get; }

    /// <summary>Where the path came from: <c>--data-root</c>, <c>GMTL_DATA_ROOT</c> or <c>default</c>.</summary>
    public string Origin { get; }

    /// <summary>A data root at <paramref name="path"/> (made absolute against the current directory).</summary>
    public DataRoot(string path, string origin = "explicit")
    {
        if (string.IsNullOrWhiteSpace(path)) throw new GraphMtlException("Expected a data root folder (got an empty path).");
        Path = System.IO.Path.GetFullPath(path);
        Origin = origin;
    }

    /// <summary>
    /// Picks the data root: <paramref name="commandLineValue"/> when given, else <c>GMTL_DATA_ROOT</c> when set and
    /// non-empty, else <c>./data</c>. <paramref name="getEnvironment"/> replaces <see cref="Environment.GetEnvironmentVariable(string)"/> in tests.
    /// </summary>
    public static DataRoot Locate(string? commandLineValue = null, Func<string, string?>? getEnvironment = null)
    {
        if (!string.IsNullOrWhiteSpace(commandLineValue)) return new DataRoot(commandLineValue, "--data-root");
        string? env = (getEnvironment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return new DataRoot(env, EnvironmentVariable);
        return new DataRoot(DefaultPath, "default");
    }

    /// <summary>An absolute path: <paramref name="path"/> itself when absolute, else combined with the data root.</summary>
    public string Resolve(string path) =>
        System.IO.Path.IsPathRooted(path) ? System.IO.Path.GetFullPath(path) : System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, path));

    /// <inheritdoc/>
    public override string ToString() => $"{Path} (from {Origin})";
}
