using GraphMtl.Configuration;

namespace GraphMtl.Experiments;

/// <summary>Reads a configuration file (or the defaults) with <c>--set</c> overrides into <see cref="ExperimentOptions"/>.</summary>
public static class ExperimentConfig
{
    /// <summary>Binds <paramref name="path"/> (null: all defaults, i.e. the synthetic dataset) plus overrides; errors name file:line and key.</summary>
    public static ExperimentOptions Load(string? path, IEnumerable<string> overrides)
    {
        var node = path is null ? ConfigBinder.Parse("{}", "defaults") : ConfigBinder.Load(path);
        ConfigBinder.ApplyOverrides(node, overrides);
        return ConfigBinder.Bind<ExperimentOptions>(node, path ?? "defaults");
    }

    /// <summary>The resolved configuration as YAML (every option, defaults included).</summary>
    public static string ToYaml(ExperimentOptions options) => ConfigBinder.ToYaml(options);
}
