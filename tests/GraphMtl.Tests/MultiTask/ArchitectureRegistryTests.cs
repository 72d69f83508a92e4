using GraphMtl.Configuration;
using GraphMtl.Experiments;
using GraphMtl.MultiTask;

namespace GraphMtl.Tests.MultiTask;

public sealed class ArchitectureRegistryTests
{
    [Theory]
    [InlineData("mmoe", typeof(MmoeOptions))]
    [InlineData("CGC", typeof(CgcOptions))]
    [InlineData("ple", typeof(PleOptions))]
    [InlineData("inline", typeof(InlineOptions))]
    [InlineData("InLINE", typeof(InlineOptions))]
    [InlineData("struchis", typeof(InlineOptions))]
    [InlineData("single_task", typeof(SingleTaskOptions))]
    public void Should_Resolve_Names_And_Aliases(string name, Type expected) =>
        Assert.Equal(expected, ArchitectureRegistry.Instance.TryResolve(name));

    [Fact]
    public void Should_Bind_Architecture_Options_And_The_Shared_Head_From_Yaml()
    {
        // Given
        var yaml = "architecture:\n  name: inline\n  levels: 2\n  shared_expert: true\n  head:\n    kind: linear\n";

        // When
        var options = (NodeExperimentOptions)ConfigBinder.Bind<ExperimentOptions>(ConfigBinder.Parse(yaml, "c.yaml"), "c.yaml");

        // Then
        var inline = Assert.IsType<InlineOptions>(options.Architecture);
        Assert.Equal(2, inline.Levels);
        Assert.True(inline.SharedExpert);
        Assert.Equal(HeadKind.Linear, inline.Head.Kind);
        Assert.True(inline.Head.L2Normalize); // the rest of InLINE's head default stays
    }

    [Fact]
    public void Should_Name_The_Key_Of_A_Bad_Expert_Count()
    {
        var yaml = "architecture:\n  name: ple\n  task_experts: -1\n";
        var e = Assert.Throws<ConfigException>(() => ConfigBinder.Bind<ExperimentOptions>(ConfigBinder.Parse(yaml, "c.yaml"), "c.yaml"));
        Assert.Contains("architecture.task_experts", e.Message);
    }
}
