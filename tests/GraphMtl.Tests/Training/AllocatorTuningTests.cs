using GraphMtl.Training;

namespace GraphMtl.Tests.Training;

[Collection(EngineCollection.Name)]
public sealed class AllocatorTuningTests
{
    [Fact]
    public void Should_Tune_Glibc_Unless_The_User_Opts_Out()
    {
        string? saved = Environment.GetEnvironmentVariable("GMTL_SYSTEM_ALLOCATOR");
        try
        {
            Environment.SetEnvironmentVariable("GMTL_SYSTEM_ALLOCATOR", "1");
            Assert.False(AllocatorTuning.KeepFreedMemory());

            Environment.SetEnvironmentVariable("GMTL_SYSTEM_ALLOCATOR", null);
            bool glibc = OperatingSystem.IsLinux() && File.Exists("/usr/bin/ldd") && !File.ReadAllText("/usr/bin/ldd").Contains("musl");
            bool userTuned = Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("malloc") == true;
            Assert.Equal(glibc && !userTuned, AllocatorTuning.KeepFreedMemory());

            // tensors still allocate, free and compute correctly afterwards
            using var a = torch.ones(1 << 22);
            Assert.Equal(1 << 22, a.sum().item<float>());
        }
        finally
        {
            Environment.SetEnvironmentVariable("GMTL_SYSTEM_ALLOCATOR", saved);
        }
    }
}
