using GraphMtl.Bench;

try
{
    return Cli.Run(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
