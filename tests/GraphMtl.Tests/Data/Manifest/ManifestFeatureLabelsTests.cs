using GraphMtl.Configuration;
using GraphMtl.Data.Manifest;
using GraphMtl.Graphs;
using GraphMtl.Testing;
using static GraphMtl.Testing.ManifestToys;

namespace GraphMtl.Tests.Data.Manifest;

/// <summary><c>labels.from_features</c>: multi-label targets from feature columns, removed from the inputs.</summary>
public sealed class ManifestFeatureLabelsTests
{
    // 4 movies (sparse 4x4, a duplicate entry summed), 2 directors (dense 2x4, the mean of their movies), 2 tags (no features).
    private const string Manifest = """
        name: toy
        node_types:
          - name: movie
            features: m.coo.tsv
          - name: director
            features: d.tsv
          - name: tag
            count: 2
        relations:
          - name: directed_by
            src: movie
            dst: director
            file: md.txt
        tasks:
          - name: keywords
            node_type: movie
            kind: multilabel
            labels:
              from_features: {top: 2, remove_from: [director]}
            split: {fraction: [0.5, 0.25, 0.25], seed: 0}
        """;

    private static TempFolder Toy(string manifest = Manifest)
    {
        var folder = new TempFolder();
        // column counts above 0: col 0 -> 1 movie, col 1 -> 3, col 2 -> 2, col 3 -> 2 (movie 3 has 0.5 + 0.5 in col 3)
        folder.Write("m.coo.tsv", "# shape 4 4 nnz 9\n0\t1\t1\n0\t2\t2\n1\t1\t1\n1\t0\t1\n2\t1\t3\n2\t3\t1\n3\t3\t0.5\n3\t3\t0.5\n3\t2\t1\n");
        folder.Write("d.tsv", "0.5\t1\t1\t0\n0\t1\t0\t0.5\n");
        folder.Write("md.txt", "0\t0\n1\t0\n2\t1\n3\t1\n");
        folder.Write("dataset.yaml", manifest);
        return folder;
    }

    private static string LoadError(string manifest)
    {
        using var folder = Toy(manifest);
        return ManifestToys.LoadError(folder).Message;
    }

    [Fact]
    public void Should_Take_The_Most_Frequent_Columns_As_Labels_With_Ties_To_The_Lower_Column()
    {
        using var folder = Toy();

        var task = Load(folder).Task("keywords");

        // columns 1 (3 movies), then 2 and 3 tie at 2 movies: 2 wins
        Assert.Equal(["col 1", "col 2"], task.ClassNames!);
        Assert.Equal((TaskKind.MultiLabel, 2, 4), (task.Kind, task.NumClasses, task.LabelledCount));
        Assert.Equal([1, 1, 1, 0, 1, 0, 0, 1], task.Labels);
        Assert.Equal((2, 1, 1), (task.Split.Train.Length, task.Split.Val.Length, task.Split.Test.Length));
    }

    [Fact]
    public void Should_Remove_The_Label_Columns_From_The_Task_Type_And_The_Remove_From_Types()
    {
        using var folder = Toy();

        var graph = Load(folder);

        var movie = Assert.IsType<SparseFeatures>(graph.NodeType("movie").Features);
        Assert.Equal(2, movie.Dim); // columns 0 and 3 are left, renumbered 0 and 1
        Assert.Equal([(1, 0, 1f), (2, 1, 1f), (3, 1, 0.5f), (3, 1, 0.5f)], movie.RowIndex.Select((r, i) => (r, movie.ColIndex[i], movie.Values[i])));
        var director = Assert.IsType<DenseFeatures>(graph.NodeType("director").Features);
        Assert.Equal([0.5f, 0f, 0f, 0.5f], director.Values);
        Assert.Null(graph.NodeType("tag").Features);
    }

    [Fact]
    public void Should_Use_Listed_Columns_In_Their_Order_And_The_Threshold()
    {
        using var folder = Toy(Manifest.Replace("{top: 2, remove_from: [director]}", "{columns: [3, 1], threshold: 0.9}")
            .Replace("kind: multilabel", "kind: multilabel\n    class_names: [d, b]"));

        var graph = Load(folder);

        var task = graph.Task("keywords");
        Assert.Equal(["d", "b"], task.ClassNames!);
        Assert.Equal([0, 1, 0, 1, 1, 1, 1, 0], task.Labels); // movie 3's summed 1.0 in column 3 is above 0.9
        Assert.Equal(2, graph.NodeType("movie").Features!.Dim);
        Assert.Equal(4, graph.NodeType("director").Features!.Dim); // not in remove_from
    }

    [Fact]
    public void Should_Remove_Columns_Of_Two_Tasks_Once_By_The_File_Numbering()
    {
        using var folder = Toy(Manifest + """

              - name: rare
                node_type: movie
                kind: multilabel
                labels:
                  from_features: {columns: [0, 1]}
                split: {fraction: [0.5, 0.25, 0.25], seed: 0}
            """);

        var graph = Load(folder);

        Assert.Equal([0, 1, 1, 1, 0, 1, 0, 0], graph.Task("rare").Labels); // column 1 is still read from the file
        Assert.Equal(1, graph.NodeType("movie").Features!.Dim);             // 0, 1 and 2 removed; 3 left
    }

    [Theory]
    [InlineData("kind: multilabel", "kind: multiclass", @"tasks\[0\]\.kind: labels from feature columns need kind: multilabel \(got multiclass\)")]
    [InlineData("top: 2,", "top: 5,", @"tasks\[0\]\.labels\.from_features\.top: expected at most 4 columns")]
    [InlineData("top: 2,", "top: 4, threshold: 1.5,", @"tasks\[0\]\.labels\.from_features\.top: only 2 'movie' feature columns have a value above 1\.5 \(asked for 4\)")]
    [InlineData("top: 2,", "columns: [1, 4],", @"tasks\[0\]\.labels\.from_features\.columns\[1\]: column 4 is out of range \('movie' features have 4 columns\)")]
    [InlineData("[director]", "[tag]", @"tasks\[0\]\.labels\.from_features\.remove_from\[0\]: node type 'tag' has no features")]
    [InlineData("[director]", "[studio]", @"tasks\[0\]\.labels\.from_features\.remove_from\[0\]: unknown node type 'studio'")]
    [InlineData("node_type: movie", "node_type: tag", @"tasks\[0\]\.labels\.from_features: node type 'tag' has no features to take labels from")]
    [InlineData("kind: multilabel", "kind: multilabel\n    num_classes: 3", @"tasks\[0\]\.num_classes: expected 2 classes, one per chosen column \(got 3\)")]
    public void Should_Name_The_File_And_Key_Of_Bad_Input(string from, string to, string message)
    {
        Assert.Matches(@"dataset\.yaml:\d+: " + message, LoadError(Manifest.Replace(from, to)));
    }

    [Fact]
    public void Should_Reject_A_Remove_From_Type_Of_Another_Width()
    {
        using var folder = Toy();
        folder.Write("d.tsv", "0.5\t1\t1\n0\t1\t0\n");

        var e = ManifestToys.LoadError(folder);

        Assert.Matches(@"dataset\.yaml:\d+: tasks\[0\]\.labels\.from_features\.remove_from\[0\]: 'director' features have 3 columns \(expected 4", e.Message);
    }

    [Theory]
    [InlineData("{top: 2, columns: [1]}", "expected either top or columns (got both)")]
    [InlineData("{remove_from: [director]}", "expected either top or columns (got neither)")]
    [InlineData("{top: 0}", "expected at least one column (got 0)")]
    [InlineData("{columns: []}", "expected at least one column (got none)")]
    [InlineData("{columns: [1, -2]}", "expected column indices ≥ 0 (got -2)")]
    [InlineData("{columns: [1, 2, 1]}", "column 1 is listed twice")]
    [InlineData("{top: 1, threshold: -1}", "expected a threshold ≥ 0 (got -1)")]
    public void Should_Reject_A_Bad_Spec_When_Parsing(string spec, string message)
    {
        var e = Assert.Throws<ConfigException>(() => ManifestLoader.Parse(Manifest.Replace("{top: 2, remove_from: [director]}", spec), "toy.yaml"));

        Assert.Contains("toy.yaml:", e.Message);
        Assert.Contains("from_features", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Should_Reject_From_Features_Together_With_A_File()
    {
        var e = Assert.Throws<ConfigException>(() =>
            ManifestLoader.Parse(Manifest.Replace("from_features: {top: 2, remove_from: [director]}", "from_features: {top: 2}\n      file: x.txt"), "toy.yaml"));

        Assert.Contains("expected one of file, from_relation or from_features (got file and from_features)", e.Message);
    }
}
