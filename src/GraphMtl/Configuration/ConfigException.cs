namespace GraphMtl.Configuration;

/// <summary>A configuration mistake; the message names the file and line (or <c>--set</c>) and the key path.</summary>
public sealed class ConfigException : GraphMtlException
{
    /// <summary>The dotted key path, e.g. <c>train.lr</c>.</summary>
    public string Key { get; }

    /// <summary>Creates the exception from a location (<c>file:line</c>), a key path and what was wrong.</summary>
    public ConfigException(string location, string key, string message)
        : base(string.IsNullOrEmpty(key) ? $"{location}: {message}" : $"{location}: {key}: {message}")
    {
        Key = key;
    }
}
