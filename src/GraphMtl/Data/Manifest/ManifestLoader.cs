using GraphMtl.Configuration;
using GraphMtl.Graphs;

namespace GraphMtl.Data.Manifest;

/// <summary>
/// Loads a dataset described by a <see cref="DatasetManifest"/> YAML file into a <see cref="HeteroGraph"/>: reads the
/// node counts and features, the edge files, the labels and the splits, then applies the manifest's transforms
/// (drop node types, add reverse relations, add self-loops, in that order). Mistakes in the manifest name
/// <c>file:line</c> and the key; mistakes in data files name the data file and line.
/// </summary>
public static class ManifestLoader
{
    /// <summary>Parses and binds a manifest without reading any data file.</summary>
    public static DatasetManifest Parse(string yaml, string source) =>
        ConfigBinder.Bind<DatasetManifest>(ConfigBinder.Parse(yaml, source), source);

    /// <summary>Loads the manifest file at <paramref name="path"/>; relative roots resolve against <paramref name="dataRoot"/>.</summary>
    public static HeteroGraph Load(string path, DataRoot dataRoot)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new GraphMtlException($"{full}: file not found");
        return LoadText(File.ReadAllText(full), full, dataRoot, Path.GetDirectoryName(full));
    }

    /// <summary>
    /// Loads a manifest from its text. <paramref name="source"/> names it in messages; <paramref name="manifestDirectory"/>
    /// is the root used when the manifest sets none (null for built-in manifests).
    /// </summary>
    public static HeteroGraph LoadText(string yaml, string source, DataRoot dataRoot, string? manifestDirectory)
    {
        var node = ConfigBinder.Parse(yaml, source);
        var manifest = ConfigBinder.Bind<DatasetManifest>(node, source);
        return new ManifestBuilder(manifest, new ManifestLocations(node, source), dataRoot, manifestDirectory).Build();
    }
}
