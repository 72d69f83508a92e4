namespace GraphMtl.Data;

/// <summary>A data file that cannot be read as its format says; the message reads "file:line: what was expected (got what)".</summary>
public sealed class DataFormatException : GraphMtlException
{
    /// <summary>The file that was being read.</summary>
    public string File { get; }

    /// <summary>1-based line number, or 0 when the problem is not tied to one line.</summary>
    public int Line { get; }

    /// <summary>Creates the exception; <paramref name="line"/> is 1-based, 0 for the whole file.</summary>
    public DataFormatException(string file, int line, string message)
        : base(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}")
    {
        File = file;
        Line = line;
    }
}
