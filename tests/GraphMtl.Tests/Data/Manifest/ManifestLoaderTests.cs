using GraphMtl.Configuration;
using GraphMtl.Data;
using GraphMtl.Data.Manifest;
using GraphMtl.Graphs;
using GraphMtl.Testing;
using static GraphMtl.Testing.ManifestToys;

namespace GraphMtl.Tests.Data.Manifest;

public sealed class ManifestLoaderTests
{
    // A tiny dataset: 3 authors (dense 2-d), 4 papers (sparse 4x3, gzipped), 2 venues; pa.txt is paper<TAB>author.
    private const string Manifest = """
        name: toy
        node_types:
          - name: author
            features: a.tsv
          - name: paper
            features: p.coo.tsv.gz
          - name: venue
            count: 2
        relations:
          - name: writes
            src: author
            dst: paper
            file: pa.txt
            columns: [1, 0]
          - name: in
            src: paper
            dst: venue
            file: pv.txt
        tasks:
          - name: field
            node_type: author
            labels: {file: a_labels.txt}
            class_names: [x, y]
            split:
              train: train.txt
              test: rest
          - name: venue
            node_type: paper
            labels: {from_relation: in}
            split: {fraction: [0.5, 0.25, 0.25], seed: 1}
        """;

    private static TempFolder Toy(string manifest = Manifest)
    {
        var folder = new TempFolder();
        folder.Write("a.tsv", "0.5\t1\n2\t-1\r\n0\t0\n");
        folder.Write("p.coo.tsv.gz", "# shape 4 3 nnz 3 ; row col value\n0\t1\t1\n2\t0\t2.5\n3\t2\t1\n");
        folder.Write("pa.txt", "0\t0\n0\t1\n1\t1\n2\t2\n3\t2\n");
        folder.Write("pv.txt", "0\t0\n1\t1\n2\t1\n3\t0\n");
        folder.Write("a_labels.txt", "1\n0\n-1\n");
        folder.Write("train.txt", "0\n");
        folder.Write("dataset.yaml", manifest);
        return folder;
    }

    private static GraphMtlException LoadError(string manifest, Action<TempFolder>? change = null)
    {
        using var folder = Toy(manifest);
        change?.Invoke(folder);
        return ManifestToys.LoadError(folder);
    }

    public sealed class TheLoadMethod
    {
        [Fact]
        public void Should_Load_Node_Types_Features_Relations_And_Tasks()
        {
            // Given
            using var folder = Toy();

            // When
            var graph = Load(folder);

            // Then counts come from the feature files, and pa.txt's columns are swapped
            Assert.Equal([3, 4, 2], graph.NodeTypes.Select(t => t.Count));
            var a = Assert.IsType<DenseFeatures>(graph.NodeType("author").Features);
            Assert.Equal([0.5f, 1f, 2f, -1f, 0f, 0f], a.Values);
            var p = Assert.IsType<SparseFeatures>(graph.NodeType("paper").Features);
            Assert.Equal(3, p.Dim);
            Assert.Equal([0, 2, 3], p.RowIndex);
            Assert.Equal([1, 0, 2], p.ColIndex);
            Assert.Equal([1f, 2.5f, 1f], p.Values);
            var writes = graph.Relation("author__writes__paper");
            Assert.Equal([0, 1, 1, 2, 2], writes.Src);
            Assert.Equal([0, 0, 1, 2, 3], writes.Dst);
            Assert.Equal(4, graph.Relations.Count); // two reverses added (add_reverse defaults to true)

            var field = graph.Task("field");
            Assert.Equal([true, true, false], field.Labelled);
            Assert.Equal([0], field.Split.Train);
            Assert.Empty(field.Split.Val);
            Assert.Equal([1], field.Split.Test);
            Assert.Equal(["x", "y"], field.ClassNames!);

            var venue = graph.Task("venue");
            Assert.Equal(2, venue.NumClasses);
            Assert.Equal([0, 1, 1, 0], venue.Labels);
            Assert.Equal((2, 1, 1), (venue.Split.Train.Length, venue.Split.Val.Length, venue.Split.Test.Length));
        }

        [Fact]
        public void Should_Apply_Transforms_In_Order()
        {
            using var folder = Toy(Manifest + """

                drop_node_types: [venue]
                add_reverse: false
                self_loops: [author]
                """);

            var graph = Load(folder);

            Assert.Equal(["author", "paper"], graph.NodeTypes.Select(t => t.Name));
            Assert.Equal(["author__writes__paper", "author__self__author"], graph.Relations.Select(r => r.Type.ToString()));
            Assert.Equal(RelationKind.SelfLoop, graph.Relations[1].Kind);
            Assert.Equal(4, graph.Task("venue").Labels.Length); // derived before the venues were dropped
        }

        [Fact]
        public void Should_Route_A_Typed_Global_Edge_File_To_Its_Relations()
        {
            // Given global ids 0-1 movies, 2 director, 3-4 actors (types interleaved in the file), one undirected edge file
            using var folder = new TempFolder();
            folder.Write("types.txt", "0\n0\ndirector\n2\n2\n");
            folder.Write("edges.tsv", "0\t2\n1\t2\n0\t3\n1\t4\n4\t0\n");
            folder.Write("labels.txt", "2\n0\n");
            folder.Write("dataset.yaml", """
                name: imdb-like
                global_ids: {file: types.txt}
                node_types:
                  - {name: movie}
                  - {name: director}
                  - {name: actor}
                relations:
                  - {name: directed_by, src: movie, dst: director, file: edges.tsv, ids: global, undirected: true}
                  - {name: stars, src: movie, dst: actor, file: edges.tsv, ids: global, undirected: true}
                tasks:
                  - name: genre
                    node_type: movie
                    labels: {file: labels.txt}
                    split: {train: rest}
                add_reverse: false
                """);

            // When
            var graph = Load(folder);

            // Then
            Assert.Equal([2, 1, 2], graph.NodeTypes.Select(t => t.Count));
            var directed = graph.Relation("directed_by");
            Assert.Equal([0, 1], directed.Src);
            Assert.Equal([0, 0], directed.Dst);
            var stars = graph.Relation("stars");
            Assert.Equal([0, 1, 0], stars.Src); // "4 0" flipped to movie 0 -> actor 1
            Assert.Equal([0, 1, 1], stars.Dst);
            Assert.Equal(3, graph.Task("genre").NumClasses);
        }

        [Fact]
        public void Should_Reject_A_Typed_Line_That_Matches_No_Relation()
        {
            using var folder = new TempFolder();
            folder.Write("types.txt", "0\n0\n1\n");
            folder.Write("edges.tsv", "0\t2\n0\t1\n");
            folder.Write("dataset.yaml", """
                name: x
                global_ids: {file: types.txt}
                node_types: [{name: movie}, {name: director}]
                relations:
                  - {name: directed_by, src: movie, dst: director, file: edges.tsv, ids: global}
                """);

            var e = Assert.Throws<DataFormatException>(() => Load(folder));

            Assert.Contains("edges.tsv:2: an edge from 'movie' 0 to 'movie' 1 matches no relation", e.Message);
        }

        [Fact]
        public void Should_Map_Global_Ids_By_Type_Ranges()
        {
            // Given HGB-style numbering: authors 0-2, papers 3-6; a split file of global ids with extra columns
            using var folder = Toy(Manifest.Replace("train: train.txt", "train: hgb_train.dat\n      ids: global"));
            folder.Write("hgb_train.dat", "1\tBob\t0\t0\r\n");

            var field = Load(folder).Task("field");

            Assert.Equal([1], field.Split.Train);
            Assert.Equal([0], field.Split.Test);
        }

        [Fact]
        public void Should_Reject_A_Global_Id_Of_Another_Type()
        {
            var e = LoadError(Manifest.Replace("train: train.txt", "train: g.txt\n      ids: global"), f => f.Write("g.txt", "0\n4\n"));

            Assert.Contains("g.txt:2: global node id 4 is a 'paper' (expected a 'author')", e.Message);
        }

        [Fact]
        public void Should_Read_Pairs_And_Hgb_Label_Files_With_Multiple_Labels()
        {
            // Given two label files in two formats, merged
            using var folder = Toy(Manifest
                .Replace("labels: {file: a_labels.txt}", "kind: multilabel\n    labels: {file: [pairs.txt, hgb.dat]}")
                .Replace("class_names: [x, y]", "num_classes: 3"));
            folder.Write("pairs.txt", "0\t0,2\n");
            folder.Write("hgb.dat", "1\t\t0\t1\n2\tCarol\t0\t\n");

            var field = Load(folder).Task("field");

            Assert.Equal(TaskKind.MultiLabel, field.Kind);
            Assert.Equal([1, 0, 1, 0, 1, 0, 0, 0, 0], field.Labels);
            Assert.Equal([true, true, false], field.Labelled);
        }

        [Fact]
        public void Should_Divide_The_Train_File_By_Val_Fraction()
        {
            using var folder = Toy(Manifest
                .Replace("train: train.txt", "train: train.txt\n      val_fraction: 0.5\n      seed: 3")
                .Replace("      test: rest\n", "")
                .Replace("a_labels.txt", "all.txt"));
            folder.Write("all.txt", "0\n1\n1\n");
            folder.Write("train.txt", "0\n1\n2\n");

            var split = Load(folder).Task("field").Split;

            Assert.Equal((2, 1), (split.Train.Length, split.Val.Length)); // floor(0.5 * 3) = 1
            Assert.Equal([0, 1, 2], split.Train.Concat(split.Val).Order());
        }

        [Fact]
        public void Should_Take_The_First_Edge_When_Configured()
        {
            using var folder = Toy(Manifest.Replace("labels: {from_relation: in}", "labels: {from_relation: paper__in__venue, multiple: first}"));
            folder.Write("pv.txt", "0\t0\n0\t1\n1\t1\n2\t1\n3\t0\n");

            Assert.Equal([0, 1, 1, 0], Load(folder).Task("venue").Labels);
        }

        [Fact]
        public void Should_Reject_Several_Edges_For_A_Derived_Label()
        {
            var e = LoadError(Manifest, f => f.Write("pv.txt", "0\t0\n0\t1\n1\t1\n2\t1\n3\t0\n"));

            Assert.Matches(@"dataset\.yaml:\d+: tasks\[1\]\.labels\.from_relation: 'paper' 0 has several edges", e.Message);
        }

        [Fact]
        public void Should_Report_A_Missing_File_With_Its_Key()
        {
            var e = LoadError(Manifest, f => File.Delete(Path.Combine(f.Path, "pa.txt")));

            Assert.IsType<ConfigException>(e);
            Assert.Matches(@"dataset\.yaml:13: relations\[0\]\.file: file not found: .*pa\.txt$", e.Message);
        }

        [Fact]
        public void Should_Report_A_Wrong_Column_Count_With_File_And_Line()
        {
            var e = LoadError(Manifest, f => f.Write("pa.txt", "0\t0\n1\n"));

            Assert.Matches(@"pa\.txt:2: expected at least 2 tab-separated fields \(got 1\)$", e.Message);
        }

        [Fact]
        public void Should_Report_A_Non_Numeric_Value_With_File_And_Line()
        {
            var e = LoadError(Manifest, f => f.Write("a.tsv", "0.5\t1\n2\tabc\n0\t0\n"));

            Assert.Matches(@"a\.tsv:2: expected a number in column 1 \(got 'abc'\)$", e.Message);
        }

        [Fact]
        public void Should_Report_An_Id_Out_Of_Range_With_File_And_Line()
        {
            var e = LoadError(Manifest, f => f.Write("pa.txt", "0\t0\n0\t3\n"));

            Assert.Matches(@"pa\.txt:2: author id 3 in column 1 is out of range \(expected 0\.\.2\)$", e.Message);
        }

        [Fact]
        public void Should_Report_An_Unknown_Node_Type_With_Its_Key()
        {
            var e = LoadError(Manifest.Replace("dst: venue", "dst: conference"));

            Assert.Matches(@"dataset\.yaml:17: relations\[1\]\.dst: unknown node type 'conference' \(expected one of: author, paper, venue\)$", e.Message);
        }

        [Fact]
        public void Should_Report_An_Unknown_Relation_With_Its_Key()
        {
            var e = LoadError(Manifest.Replace("from_relation: in", "from_relation: venue_of"));

            Assert.Matches(@"dataset\.yaml:\d+: tasks\[1\]\.labels\.from_relation: unknown relation 'venue_of'", e.Message);
        }

        [Fact]
        public void Should_Report_An_Empty_Split_File()
        {
            var e = LoadError(Manifest, f => f.Write("train.txt", "\n"));

            Assert.Matches(@"train\.txt: expected at least one node id for the train part \(got an empty file\)$", e.Message);
        }

        [Fact]
        public void Should_Report_An_Empty_Rest_Part_With_Its_Key()
        {
            var e = LoadError(Manifest, f => f.Write("train.txt", "0\n1\n"));

            Assert.Matches(@"dataset\.yaml:\d+: tasks\[0\]\.split\.test: 'rest' is empty", e.Message);
        }

        [Fact]
        public void Should_Report_An_Unknown_Manifest_Key_With_File_And_Line()
        {
            var e = LoadError(Manifest.Replace("    columns: [1, 0]", "    columns: [1, 0]\n    weight_column: 2"));

            Assert.IsType<ConfigException>(e);
            Assert.Matches(@"dataset\.yaml:15: relations\[0\]\.weight_column: unknown key \(expected one of: name, src, dst, file, columns", e.Message);
        }

        [Fact]
        public void Should_Report_An_Unlabelled_Split_Node_With_File_And_Line()
        {
            var e = LoadError(Manifest, f => f.Write("train.txt", "0\n2\n"));

            Assert.Matches(@"train\.txt:2: author 2 has no label for task 'field'$", e.Message);
        }

        [Fact]
        public void Should_Report_A_Node_In_Two_Split_Parts()
        {
            var e = LoadError(Manifest.Replace("test: rest", "test: test.txt"), f => f.Write("test.txt", "1\n0\n"));

            Assert.Matches(@"test\.txt:2: author 0 is already in the train part \(train\.txt:1\)$", e.Message);
        }

        [Fact]
        public void Should_Report_Disagreeing_Node_Counts()
        {
            var e = LoadError(Manifest.Replace("features: a.tsv", "features: a.tsv\n    count: 5"));

            Assert.Matches(@"node_types\[0\]: 'author' has 5 nodes by count but 3 by features \(a\.tsv\)$", e.Message);
        }

        [Fact]
        public void Should_Report_A_Label_List_Of_The_Wrong_Length()
        {
            var e = LoadError(Manifest, f => f.Write("a_labels.txt", "1\n0\n"));

            Assert.Matches(@"a_labels\.txt: expected 3 lines, one per 'author' node \(got 2\)$", e.Message);
        }

        [Fact]
        public void Should_Report_A_Missing_Data_Folder_With_The_Data_Root()
        {
            var e = LoadError(Manifest.Replace("name: toy", "name: toy\nroot: no-such-folder"));

            Assert.Matches(@"dataset\.yaml:2: root: folder not found: .*no-such-folder \(data root", e.Message);
        }
    }

    public sealed class TheParseMethod
    {
        [Fact]
        public void Should_Bind_Defaults()
        {
            var manifest = ManifestLoader.Parse(Manifest, "toy.yaml");

            Assert.True(manifest.AddReverse);
            Assert.Equal((1, 0), manifest.Relations[0].ColumnPair);
            Assert.Equal((0, 1), manifest.Relations[1].ColumnPair);
            Assert.Equal(TaskKind.MultiClass, manifest.Tasks[0].Kind);
        }

        [Fact]
        public void Should_Reject_Unusable_Columns()
        {
            var e = Assert.Throws<ConfigException>(() => ManifestLoader.Parse(Manifest.Replace("columns: [1, 0]", "columns: [1, 1000]"), "toy.yaml"));

            Assert.Equal("toy.yaml:14: relations[0].columns: expected two different columns in 0..255 (got 1 and 1000)", e.Message);
        }

        [Fact]
        public void Should_Reject_Both_Labels_File_And_Relation()
        {
            var e = Assert.Throws<ConfigException>(() =>
                ManifestLoader.Parse(Manifest.Replace("labels: {from_relation: in}", "labels: {from_relation: in, file: x.txt}"), "toy.yaml"));

            Assert.Contains("expected one of file, from_relation or from_features (got file and from_relation)", e.Message);
        }
    }
}
