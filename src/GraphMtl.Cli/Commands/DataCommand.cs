using System.CommandLine;
using GraphMtl.Cli.Rendering;
using GraphMtl.Data;

namespace GraphMtl.Cli.Commands;

/// <summary><c>gmtl data info SPEC</c>: node types, relations and tasks of a dataset as training would see it.</summary>
public static class DataCommand
{
    /// <summary>The command group.</summary>
    public static Command Create(TextWriter output)
    {
        var spec = new Argument<string>("spec")
        {
            Description = "A manifest file, an HGB folder (with link.dat), a built-in manifest name (heco-dblp, dblp-hgb, dblp-mtl, imdb-mtl, magnn-imdb), " +
                          "or synthetic[:key=value,...]",
        };
        var raw = new Option<bool>("--raw") { Description = "Show the relations as read, without added reverse relations" };
        var info = new Command("info", "Describe a dataset: node types and counts, relations and edge counts, tasks with class counts and split sizes") { spec, raw };
        info.SetAction(parse =>
        {
            var root = DataRoot.Locate(parse.GetValue(Cli.DataRoot));
            string value = parse.GetValue(spec)!;
            var source = DatasetLoader.Resolve(value, root, Directory.GetCurrentDirectory());
            var options = new DatasetOptions { Spec = value, AddReverse = !parse.GetValue(raw) };
            var graph = DatasetLoader.Load(options, root, Directory.GetCurrentDirectory());
            SummaryTables.Write(output, GraphSummary.Of(graph), $"{source} (data root {root})");
            return 0;
        });
        return new Command("data", "Inspect datasets") { info };
    }
}
