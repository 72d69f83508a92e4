using System.IO.Compression;
using System.Text;

namespace GraphMtl.Testing;

/// <summary>A temporary folder for tiny data files, deleted on dispose. Files are written byte-exact (LF unless the text has CR).</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>The folder's absolute path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gmtl-test-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Creates the folder.</summary>
    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>Writes <paramref name="text"/> to a file (sub-folders created; <c>.gz</c> names are gzipped) and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        string path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var file = File.Create(path);
            using var gz = new GZipStream(file, CompressionLevel.Fastest);
            gz.Write(bytes);
        }
        else File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind is harmless
        }
    }
}
