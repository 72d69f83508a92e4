using GraphMtl.Configuration;
using GraphMtl.Data.Hgb;
using GraphMtl.Data.Manifest;
using GraphMtl.Data.Synthetic;
using GraphMtl.Graphs;

namespace GraphMtl.Data;

/// <summary>
/// Turns a dataset spec into a <see cref="HeteroGraph"/>. A spec is <c>synthetic</c> (the generated academic graph,
/// optionally <c>synthetic:key=value,key=value</c> to override <see cref="SyntheticGraphOptions"/>), a manifest YAML
/// file, an HGB folder (it holds <c>link.dat</c>), a folder holding <c>dataset.yaml</c>, or the name of a built-in
/// manifest. A relative spec is tried, in order: relative to the current directory, relative to the config file's
/// folder, as a built-in manifest name, and under the data root; when nothing matches, the error lists every attempt.
/// </summary>
public static class DatasetLoader
{
    /// <summary>The spec of the generated dataset.</summary>
    public const string SyntheticSpec = "synthetic";

    /// <summary>The manifest file name that marks a folder as a manifest dataset.</summary>
    public const string FolderManifestName = "dataset.yaml";

    /// <summary>
    /// Loads <see cref="DatasetOptions.Spec"/> and applies the options' transforms. <paramref name="configDirectory"/>
    /// is the folder of the config file that named the spec (null when it came from the command line).
    /// </summary>
    public static HeteroGraph Load(DatasetOptions options, DataRoot root, string? configDirectory = null) =>
        ApplyTransforms(LoadSource(Resolve(options.Spec, root, configDirectory), options, root), options);

    /// <summary>Loads a resolved source without the options' transforms (a manifest's own transforms do apply).</summary>
    public static HeteroGraph LoadSource(DatasetSource source, DatasetOptions options, DataRoot root) => source.Kind switch
    {
        DatasetSourceKind.Synthetic => SyntheticAcademicGraph.Generate(ParseSyntheticSpec(source.Location, options.Synthetic)),
        DatasetSourceKind.BuiltInManifest => BuiltInManifests.Load(source.Location, root),
        DatasetSourceKind.Manifest => ManifestLoader.Load(source.Location, root),
        _ => HgbLoader.Load(source.Location, options.Hgb),
    };

    /// <summary>Finds what <paramref name="spec"/> names; a user error lists what was tried when nothing matches.</summary>
    public static DatasetSource Resolve(string spec, DataRoot root, string? configDirectory = null)
    {
        spec = spec.Trim();
        if (spec == SyntheticSpec || spec.StartsWith(SyntheticSpec + ":", StringComparison.Ordinal))
            return new DatasetSource(DatasetSourceKind.Synthetic, spec);

        var tried = new List<string>();
        if (Path.IsPathRooted(spec))
            return TryPath(spec, tried) ?? throw NotFound(spec, tried);

        if (TryPath(Path.GetFullPath(spec), tried) is { } cwd) return cwd;
        if (configDirectory is not null && TryPath(Path.GetFullPath(Path.Combine(configDirectory, spec)), tried) is { } besideConfig)
            return besideConfig;
        if (BuiltInManifests.TryGetText(spec) is not null)
            return new DatasetSource(DatasetSourceKind.BuiltInManifest, spec.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? spec[..^5] : spec);
        tried.Add($"built-in manifest '{spec}' (none; built-in: {string.Join(", ", BuiltInManifests.Names)})");
        if (TryPath(root.Resolve(spec), tried) is { } underRoot) return underRoot;
        throw NotFound(spec, tried, root);
    }

    private static DatasetSource? TryPath(string path, List<string> tried)
    {
        if (File.Exists(path))
        {
            if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                return new DatasetSource(DatasetSourceKind.Manifest, path);
            tried.Add($"{path} (a file, but not a .yaml manifest)");
            return null;
        }
        if (Directory.Exists(path))
        {
            if (HgbLoader.IsHgbFolder(path)) return new DatasetSource(DatasetSourceKind.Hgb, path);
            string manifest = Path.Combine(path, FolderManifestName);
            if (File.Exists(manifest)) return new DatasetSource(DatasetSourceKind.Manifest, manifest);
            tried.Add($"{path} (a folder without {HgbLoader.LinkFileName} or {FolderManifestName})");
            return null;
        }
        tried.Add($"{path} (not found)");
        return null;
    }

    private static GraphMtlException NotFound(string spec, List<string> tried, DataRoot? root = null) =>
        new($"Cannot find dataset '{spec}'. Tried: {string.Join("; ", tried)}."
            + (root is null ? "" : $" The data root is {root}; set --data-root or {DataRoot.EnvironmentVariable}."));

    /// <summary>
    /// The synthetic options for a <c>synthetic[:key=value,…]</c> spec: <paramref name="defaults"/> with the listed
    /// keys (snake_case, as in YAML) overridden. Unknown keys and bad values are user errors naming the spec.
    /// </summary>
    public static SyntheticGraphOptions ParseSyntheticSpec(string spec, SyntheticGraphOptions defaults)
    {
        int colon = spec.IndexOf(':');
        if (colon < 0) return defaults;
        var items = spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var node = ConfigBinder.ToNode(defaults);
        try
        {
            ConfigBinder.ApplyOverrides(node, items);
            return ConfigBinder.Bind<SyntheticGraphOptions>(node, $"dataset spec '{spec}'");
        }
        catch (ConfigException e)
        {
            throw new GraphMtlException($"Dataset spec '{spec}': {e.Message}", e);
        }
    }

    /// <summary>Applies the options' transforms: drop node types, drop features, add reverses, add self-loops, drop relations, select tasks.</summary>
    public static HeteroGraph ApplyTransforms(HeteroGraph graph, DatasetOptions options)
    {
        graph = Keyed("drop_node_types", () => options.DropNodeTypes.Count > 0 ? graph.DropNodeTypes(options.DropNodeTypes) : graph);
        graph = Keyed("drop_features", () => options.DropFeatures.Count > 0 ? graph.DropFeatures(options.DropFeatures) : graph);
        if (options.AddReverse) graph = graph.AddReverseRelations();
        graph = Keyed("self_loops", () => options.SelfLoops.Count > 0 ? graph.AddSelfLoops(options.SelfLoops) : graph);
        graph = Keyed("drop_relations", () => options.DropRelations.Count > 0 ? graph.DropRelations(options.DropRelations) : graph);
        graph = Keyed("tasks", () => options.Tasks is { } tasks ? graph.SelectTasks(tasks) : graph);
        return graph;
    }

    private static HeteroGraph Keyed(string key, Func<HeteroGraph> transform)
    {
        try
        {
            return transform();
        }
        catch (GraphMtlException e) when (e is not ConfigException)
        {
            throw new GraphMtlException($"dataset.{key}: {e.Message}", e);
        }
    }
}
