using GraphMtl.Testing;

namespace GraphMtl.Tests.Cli;

/// <summary>
/// A tiny valid manifest dataset in a temp folder (authors with dense features write papers; an author task), and a
/// config that trains on it in a second. Tests break one file at a time to check the error paths.
/// </summary>
internal sealed class TinyDataset : IDisposable
{
    public TempFolder Folder { get; } = new();

    public string Manifest => System.IO.Path.Combine(Folder.Path, "tiny.yaml");

    public string Config => System.IO.Path.Combine(Folder.Path, "config.yaml");

    public string Out => System.IO.Path.Combine(Folder.Path, "run");

    public TinyDataset()
    {
        var rng = new Random(5);
        int authors = 24, papers = 30;
        var labels = Enumerable.Range(0, authors).Select(a => a % 2).ToArray();
        Folder.Write("authors.tsv", string.Join("\n", labels.Select(l => $"{l + 0.3 * rng.NextDouble():0.###}\t{1 - l + 0.3 * rng.NextDouble():0.###}")) + "\n");
        Folder.Write("writes.tsv", string.Join("\n", Enumerable.Range(0, papers).Select(p => $"{p % authors}\t{p}")) + "\n");
        Folder.Write("labels.txt", string.Join("\n", labels) + "\n");
        Folder.Write("train.txt", string.Join("\n", Enumerable.Range(0, 12)) + "\n");
        Folder.Write("val.txt", string.Join("\n", Enumerable.Range(12, 6)) + "\n");
        Folder.Write("tiny.yaml", """
            name: tiny
            node_types:
              - name: author
                features: authors.tsv
              - name: paper
                count: 30
            relations:
              - name: writes
                src: author
                dst: paper
                file: writes.tsv
            tasks:
              - name: field
                node_type: author
                labels:
                  file: labels.txt
                split:
                  train: train.txt
                  val: val.txt
                  test: rest
            """);
        Folder.Write("config.yaml", """
            dataset:
              spec: tiny.yaml
            model:
              name: rgcn
              hidden: 8
            train:
              epochs: 15
              patience: 0
              runs: 2
            """);
    }

    /// <summary>Runs gmtl with the args; returns exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GraphMtl.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Folder.Dispose();
}
