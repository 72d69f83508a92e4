using System.CommandLine;
using System.Runtime.InteropServices;
using GraphMtl.Cli.Commands;

namespace GraphMtl.Cli;

/// <summary>
/// The command tree and the one error boundary: a user mistake (<see cref="GraphMtlException"/>) prints one line and
/// exits 1; anything else is a bug and prints its trace (exit 70).
/// </summary>
public static class Cli
{
    /// <summary>Option shared by every command that reads data.</summary>
    public static readonly Option<string?> DataRoot = new("--data-root")
    {
        Description = "Folder that relative dataset paths resolve against (default: $GMTL_DATA_ROOT, else ./data)",
        Recursive = true,
    };

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand("gmtl: multi-task learning on heterogeneous graphs (InLINE, MetaLink, GCNet and baselines)");
        root.Options.Add(DataRoot);
        root.Subcommands.Add(TrainCommand.Create(output));
        root.Subcommands.Add(DataCommand.Create(output));
        root.Subcommands.Add(PredictCommand.Create(output));
        root.Subcommands.Add(CompareCommand.Create(output));
        return root;
    }

    /// <summary>Parses and runs; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Build(output).Parse(args);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (GraphMtlException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (ExternalException e) when (e.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"error: the engine ran out of memory ({e.Message.Split('\n')[0]}); try a smaller model or dataset.");
            return 1;
        }
        catch (Exception e)
        {
            error.WriteLine($"internal error (please report): {e}");
            return 70;
        }
    }
}
