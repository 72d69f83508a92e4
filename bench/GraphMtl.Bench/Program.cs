using GraphMtl;
using GraphMtl.Bench;
using GraphMtl.Training;

ThreadWaitPolicy.PreferPassive(); // before the engine loads (child measurement processes inherit it)
AllocatorTuning.KeepFreedMemory(); // as gmtl does: reuse freed tensor buffers

try
{
    return Cli.Run(args, Console.Error);
}
catch (Exception e) when (e is ArgumentException or GraphMtlException or InvalidOperationException)
{
    // One line (or the child's message), no stack trace: these are usage or data errors.
    Console.Error.WriteLine(e.Message);
    return 2;
}
