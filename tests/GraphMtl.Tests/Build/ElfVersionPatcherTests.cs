using GraphMtl.Build;

namespace GraphMtl.Tests.Build;

/// <summary>The build step that weakens libLibTorchSharp.so's unused GLIBCXX_3.4.32 need, run on a copy of the pristine library.</summary>
public sealed class ElfVersionPatcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gmtl-elf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string? PristineLibrary()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }

    [Fact]
    public void Should_Set_Only_The_Weak_Flag_And_Be_Idempotent()
    {
        string? pristine = PristineLibrary();
        Assert.NotNull(pristine); // restored by this very build
        string copy = Path.Combine(_dir, "libLibTorchSharp.so");
        File.Copy(pristine!, copy);
        byte[] before = File.ReadAllBytes(copy);

        Assert.Equal(ElfPatchOutcome.Patched, ElfVersionPatcher.Patch(copy));
        byte[] after = File.ReadAllBytes(copy);
        Assert.Equal(ElfPatchOutcome.AlreadyPatched, ElfVersionPatcher.Patch(copy));

        // Exactly one byte differs (vna_flags 0 -> 2), and it gained the VER_FLG_WEAK bit.
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Single(changed);
        Assert.Equal(0x2, after[changed[0]] & ~before[changed[0]]);
        Assert.Equal(after, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Should_Leave_Non_Elf_Files_Alone()
    {
        string path = Path.Combine(_dir, "not-a-library.so");
        File.WriteAllText(path, "hello");
        Assert.Equal(ElfPatchOutcome.NotElf64, ElfVersionPatcher.Patch(path));
        Assert.Equal("hello", File.ReadAllText(path));
    }

    [Fact]
    public void Should_Read_Version_Definitions_Of_The_System_Library()
    {
        string? libstdcxx = ElfVersionPatcher.FindSystemLibStdCxx();
        if (libstdcxx is null) return; // not a glibc Linux system
        Assert.True(ElfVersionPatcher.DefinesVersion(libstdcxx, "GLIBCXX_3.4"));
        Assert.False(ElfVersionPatcher.DefinesVersion(libstdcxx, "GLIBCXX_9.9.99"));
    }
}
