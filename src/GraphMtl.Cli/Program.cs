using GraphMtl.Cli;
using GraphMtl.Training;

ThreadWaitPolicy.PreferPassive(); // before the engine loads
return Cli.Run(args, Console.Out, Console.Error);
