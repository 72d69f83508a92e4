using GraphMtl.Configuration;
using GraphMtl.Experiments;

namespace GraphMtl.Tests.Experiments;

/// <summary>Every config under <c>configs/</c> binds and validates, so a renamed option cannot silently break a shipped recipe.</summary>
public sealed class ShippedConfigsTests
{
    private static string ConfigsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GraphMtl.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("GraphMtl.slnx not found above the test assembly"), "configs");
    }

    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        string root = ConfigsFolder();
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Should_Bind_And_Validate(string relativePath)
    {
        string path = Path.Combine(ConfigsFolder(), relativePath);
        if (Path.GetFileName(path) == "sweep.yaml")
            Assert.NotNull(ConfigBinder.Bind<SweepOptions>(ConfigBinder.Load(path), path));
        else
            Assert.NotNull(ExperimentConfig.Load(path, []));
    }
}
