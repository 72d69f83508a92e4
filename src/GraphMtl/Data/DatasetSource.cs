namespace GraphMtl.Data;

/// <summary>What a dataset spec resolved to: its kind and where it was found (a path or a built-in name).</summary>
public sealed record DatasetSource(DatasetSourceKind Kind, string Location)
{
    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        DatasetSourceKind.Synthetic => "synthetic generator",
        DatasetSourceKind.BuiltInManifest => $"built-in manifest {Location}",
        DatasetSourceKind.Manifest => $"manifest {Location}",
        _ => $"HGB folder {Location}",
    };
}

/// <summary>The kinds of dataset a spec can name.</summary>
public enum DatasetSourceKind
{
    /// <summary>The built-in synthetic academic graph.</summary>
    Synthetic,
    /// <summary>A manifest YAML file (or a folder holding <c>dataset.yaml</c>).</summary>
    Manifest,
    /// <summary>A manifest embedded in the library.</summary>
    BuiltInManifest,
    /// <summary>An HGB node-classification folder.</summary>
    Hgb,
}
