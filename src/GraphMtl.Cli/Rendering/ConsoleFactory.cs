using Spectre.Console;

namespace GraphMtl.Cli.Rendering;

/// <summary>A Spectre console writing to the command's output: colours on a terminal, plain text when redirected or captured.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole For(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal) console.Profile.Width = 160;
        return console;
    }
}
