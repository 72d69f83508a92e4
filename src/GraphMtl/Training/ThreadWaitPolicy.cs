using System.Runtime.InteropServices;

namespace GraphMtl.Training;

/// <summary>
/// Makes libtorch's OpenMP threads sleep instead of spin while they wait (<c>OMP_WAIT_POLICY=PASSIVE</c>) unless the
/// user chose a policy. Why: on a machine whose cores are busy with other work, spinning threads steal the time the
/// descheduled ones need, and every small parallel region waits; the default synthetic job took 51 s with two
/// spinning threads at load 4 and 18 s with passive ones (16.8 s with one thread). Must run before the engine loads,
/// because OpenMP reads the variable once, at start-up; .NET's own environment block is not the C library's on Unix,
/// so the variable is set with <c>setenv</c>.
/// </summary>
public static class ThreadWaitPolicy
{
    private const string Variable = "OMP_WAIT_POLICY";

    /// <summary>Sets <c>OMP_WAIT_POLICY=PASSIVE</c> for this process unless it is already set (Linux and macOS).</summary>
    public static void PreferPassive()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || Environment.GetEnvironmentVariable(Variable) is not null) return;
        Environment.SetEnvironmentVariable(Variable, "PASSIVE");
        _ = SetEnv(Variable, "PASSIVE", 0);
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
