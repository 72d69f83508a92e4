using GraphMtl.Cli;
using GraphMtl.Training;

ThreadWaitPolicy.PreferPassive(); // before the engine loads
AllocatorTuning.KeepFreedMemory(); // reuse freed tensor buffers instead of page-faulting them in again
return Cli.Run(args, Console.Out, Console.Error);
