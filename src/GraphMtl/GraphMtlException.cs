namespace GraphMtl;

/// <summary>
/// A mistake in the user's input (data file, configuration, command line). The CLI prints <see cref="Exception.Message"/>
/// as one line and exits non-zero without a stack trace; anything else is a bug and keeps its trace.
/// </summary>
public class GraphMtlException : Exception
{
    /// <summary>Creates the exception with a message that names the file and line, or the configuration key.</summary>
    public GraphMtlException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public GraphMtlException(string message, Exception inner) : base(message, inner) { }
}
