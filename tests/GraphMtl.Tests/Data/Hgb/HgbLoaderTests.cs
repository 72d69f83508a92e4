using GraphMtl.Data;
using GraphMtl.Data.Hgb;
using GraphMtl.Graphs;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Data.Hgb;

public sealed class HgbLoaderTests
{
    // Two authors (0-1, no attributes), three papers (2-4, 2-d attributes); link types 0 a->p, 1 p->a (its reverse).
    private const string NodeDat =
        "0\tAlice\t0\n1\t\t0\n2\tP one\t1\t0.5,1\n3\tP two\t1\t0,0\n4\tP three\t1\t1,2.5\n";
    private const string LinkDat =
        "0\t2\t0\t1.0\n1\t3\t0\t1\n1\t4\t0\t1\n2\t0\t1\t1.0\n3\t1\t1\t1.0\n4\t1\t1\t1.0\n";
    private const string InfoDat = """
        {"node.dat": {"node type": {"0": "author", "1": "paper"}},
         "link.dat": {"link type": {"0": {"start": "0", "end": "1", "meaning": "author-paper"},
                                    "1": {"start": 1, "end": 0, "meaning": "paper-author"}}},
         "label.dat": {"node type": {"1": {"0": "Red", "1": "Green", "2": "Blue"}}}}
        """;

    private static TempFolder Folder(string? nodeDat = NodeDat, string linkDat = LinkDat, string? info = InfoDat,
        string label = "2\tP one\t1\t0\n3\t\t1\t1\n", string test = "4\tP three\t1\t2\n")
    {
        var folder = new TempFolder();
        if (nodeDat is not null) folder.Write("node.dat", nodeDat);
        folder.Write("link.dat", linkDat);
        if (info is not null) folder.Write("info.dat", info);
        folder.Write("label.dat", label);
        folder.Write("label.dat.test", test);
        folder.Write("meta.dat", "{ \"Node Type_0\": , }"); // invalid, like IMDB's: never read
        return folder;
    }

    public sealed class TheLoadMethod
    {
        [Fact]
        public void Should_Read_Node_Types_Features_Relations_And_Labels()
        {
            // Given
            using var folder = Folder();

            // When
            var graph = HgbLoader.Load(folder.Path);

            // Then
            Assert.Equal(["author", "paper"], graph.NodeTypes.Select(t => t.Name));
            Assert.Equal([2, 3], graph.NodeTypes.Select(t => t.Count));
            Assert.Null(graph.NodeType("author").Features);
            var paper = Assert.IsType<DenseFeatures>(graph.NodeType("paper").Features);
            Assert.Equal([0.5f, 1f, 0f, 0f, 1f, 2.5f], paper.Values);
            Assert.Equal(["author__to__paper", "paper__to__author"], graph.Relations.Select(r => r.Type.ToString()));
            var ap = graph.Relation("author__to__paper");
            Assert.Equal([0, 1, 1], ap.Src);
            Assert.Equal([0, 1, 2], ap.Dst); // local paper ids
            var task = Assert.Single(graph.Tasks);
            Assert.Equal(("paper", "paper", TaskKind.MultiClass, 3), (task.Name, task.NodeType, task.Kind, task.NumClasses));
            Assert.Equal(["Red", "Green", "Blue"], task.ClassNames!);
            Assert.Equal([0, 1, 2], task.Labels);
            Assert.Equal([2], task.Split.Test);
        }

        [Fact]
        public void Should_Handle_Crlf_Empty_Names_And_Multiple_Labels()
        {
            // Given CRLF test labels (as IMDB's), an empty name and comma-separated label lists
            using var folder = Folder(label: "2\t\t1\t0,2\n3\tP two\t1\t1\n", test: "4\t\t1\t2,1,0\r\n");

            // When
            var task = HgbLoader.Load(folder.Path).Tasks[0];

            // Then
            Assert.Equal(TaskKind.MultiLabel, task.Kind);
            Assert.Equal(3, task.NumClasses);
            Assert.Equal([1, 0, 1, 0, 1, 0, 1, 1, 1], task.Labels);
        }

        [Fact]
        public void Should_Force_Multilabel_When_Configured()
        {
            using var folder = Folder();

            var task = HgbLoader.Load(folder.Path, new HgbOptions { Multilabel = true }).Tasks[0];

            Assert.Equal(TaskKind.MultiLabel, task.Kind);
            Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 1], task.Labels);
        }

        [Fact]
        public void Should_Reject_Several_Labels_When_Configured_Single_Label()
        {
            using var folder = Folder(label: "2\tP one\t1\t0\n3\t\t1\t1,2\n");

            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path, new HgbOptions { Multilabel = false }));

            Assert.Equal(2, e.Line);
            Assert.Contains("label.dat:2:", e.Message);
        }

        [Fact]
        public void Should_Reject_Node_Types_Out_Of_Type_Order()
        {
            // Given a paper between two authors
            using var folder = Folder(nodeDat: "0\ta\t0\n1\tp\t1\t1,1\n2\tb\t0\n3\tq\t1\t1,1\n4\tr\t1\t1,1\n");

            // When
            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path));

            // Then
            Assert.Contains("node.dat:3:", e.Message);
            Assert.Contains("contiguous", e.Message);
        }

        [Fact]
        public void Should_Reject_Attributes_Of_Another_Dimension()
        {
            using var folder = Folder(nodeDat: "0\ta\t0\n1\tb\t0\n2\tp\t1\t1,1\n3\tq\t1\t1\n4\tr\t1\t1,1\n");

            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path));

            Assert.Contains("node.dat:4: expected 2 attributes", e.Message);
        }

        [Fact]
        public void Should_Reject_A_Link_Type_Whose_Edges_Change_Endpoint_Types()
        {
            // Given link type 0 (author->paper by info.dat) with one paper->author line
            using var folder = Folder(linkDat: "0\t2\t0\t1.0\n3\t1\t0\t1.0\n");

            // When
            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path));

            // Then
            Assert.Contains("link.dat:2: link type 0 goes from 'author' to 'paper' (from info.dat)", e.Message);
        }

        [Fact]
        public void Should_Check_Endpoint_Types_Against_The_First_Edge_Without_Info()
        {
            using var folder = Folder(info: null, linkDat: "0\t2\t0\n1\t3\t0\n4\t1\t0\n");

            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path));

            Assert.Contains("link.dat:3:", e.Message);
            Assert.Contains("first edge, line 1", e.Message);
        }

        [Fact]
        public void Should_Name_The_Line_Of_A_Non_Numeric_Id()
        {
            using var folder = Folder(linkDat: "0\t2\t0\t1.0\nx\t3\t0\t1.0\n");

            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path));

            Assert.Equal("link.dat:2: expected an integer source node id (got 'x')", Path.GetFileName(e.Message));
        }

        [Fact]
        public void Should_Infer_Types_From_Info_When_Node_Dat_Is_Absent()
        {
            using var folder = Folder(nodeDat: null);

            var graph = HgbLoader.Load(folder.Path);

            Assert.Equal([2, 3], graph.NodeTypes.Select(t => t.Count));
            Assert.All(graph.NodeTypes, t => Assert.Null(t.Features));
        }

        [Fact]
        public void Should_Infer_Types_From_Id_Ranges_Without_Node_Dat_Or_Info()
        {
            using var folder = Folder(nodeDat: null, info: null);

            var graph = HgbLoader.Load(folder.Path);

            Assert.Equal(["type0", "type1"], graph.NodeTypes.Select(t => t.Name));
            Assert.Equal([2, 3], graph.NodeTypes.Select(t => t.Count));
            Assert.Equal(["type0__link0__type1", "type1__link1__type0"], graph.Relations.Select(r => r.Type.ToString()));
        }

        [Fact]
        public void Should_Reject_Overlapping_Inferred_Type_Ranges()
        {
            // Given info.dat says link type 1 goes paper->author but its source 1 is an author id
            using var folder = Folder(nodeDat: null, linkDat: LinkDat + "1\t0\t1\t1.0\n");

            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path));

            Assert.Contains("contiguous", e.Message);
        }

        [Fact]
        public void Should_Not_Duplicate_Reverse_Link_Types()
        {
            using var folder = Folder();

            var graph = HgbLoader.Load(folder.Path).AddReverseRelations();

            Assert.Equal(2, graph.Relations.Count);
        }

        [Fact]
        public void Should_Split_Label_Dat_By_Seeded_Shuffle()
        {
            // Given 10 training rows and 2 test rows over 12 papers
            var nodes = "0\ta\t0\n1\tb\t0\n" + string.Concat(Enumerable.Range(2, 12).Select(i => $"{i}\tp\t1\t1,1\n"));
            var label = string.Concat(Enumerable.Range(2, 10).Select(i => $"{i}\t\t1\t{i % 3}\n"));
            using var folder = Folder(nodeDat: nodes, label: label, test: "12\t\t1\t0\n13\t\t1\t1\n");

            // When
            var a = HgbLoader.Load(folder.Path, new HgbOptions { ValFraction = 0.25, SplitSeed = 7 }).Tasks[0].Split;
            var b = HgbLoader.Load(folder.Path, new HgbOptions { ValFraction = 0.25, SplitSeed = 7 }).Tasks[0].Split;
            var c = HgbLoader.Load(folder.Path, new HgbOptions { ValFraction = 0.25, SplitSeed = 8 }).Tasks[0].Split;

            // Then floor(0.25 * 10) = 2 validation nodes, chosen by the seed
            Assert.Equal((8, 2, 2), (a.Train.Length, a.Val.Length, a.Test.Length));
            Assert.Equal(a.Val, b.Val);
            Assert.NotEqual(a.Val, c.Val);
            Assert.Equal([10, 11], a.Test);
        }

        [Fact]
        public void Should_Read_Test_Full_Only_On_Request()
        {
            using var folder = Folder();
            folder.Write("label.dat.test_full", "4\t\t1\t0\n");

            var byDefault = HgbLoader.Load(folder.Path).Tasks[0];
            var requested = HgbLoader.Load(folder.Path, new HgbOptions { TestFile = "label.dat.test_full" }).Tasks[0];

            Assert.Equal(2, byDefault.Labels[2]);
            Assert.Equal(0, requested.Labels[2]);
        }

        [Fact]
        public void Should_Load_No_Task_Without_Label_Dat()
        {
            using var folder = Folder();
            File.Delete(Path.Combine(folder.Path, "label.dat"));

            Assert.Empty(HgbLoader.Load(folder.Path).Tasks);
        }

        [Fact]
        public void Should_Report_A_Missing_Test_File()
        {
            using var folder = Folder();

            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path, new HgbOptions { TestFile = "label.dat.test_full" }));

            Assert.EndsWith("label.dat.test_full: file not found", e.Message);
        }

        [Fact]
        public void Should_Reject_Labels_Of_Two_Node_Types()
        {
            using var folder = Folder(test: "0\t\t0\t1\n");

            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path));

            Assert.Contains("label.dat.test:1: expected node type 1", e.Message);
        }

        [Fact]
        public void Should_Reject_A_Node_Labelled_Twice()
        {
            using var folder = Folder(test: "3\t\t1\t1\n");

            var e = Assert.Throws<DataFormatException>(() => HgbLoader.Load(folder.Path));

            Assert.Contains("label.dat.test:1: node 3 is labelled twice (first at label.dat:2)", e.Message);
        }

        [SharedDataFact]
        public void Should_Load_The_Shared_Hgb_Dblp()
        {
            // When
            var graph = HgbLoader.Load(SharedData.Folder("hgb-dblp"));

            // Then
            Assert.Equal(["author", "paper", "term", "venue"], graph.NodeTypes.Select(t => t.Name));
            Assert.Equal([4057, 14328, 7723, 20], graph.NodeTypes.Select(t => t.Count));
            Assert.Equal(
                ["author__to__paper", "paper__to__term", "paper__to__venue", "paper__to__author", "term__to__paper", "venue__to__paper"],
                graph.Relations.Select(r => r.Type.ToString()));
            Assert.Equal([19645, 85810, 14328, 19645, 85810, 14328], graph.Relations.Select(r => r.EdgeCount));
            Assert.Equal(6, graph.AddReverseRelations().Relations.Count);
            var task = graph.Task("author");
            Assert.Equal((TaskKind.MultiClass, 4), (task.Kind, task.NumClasses));
            Assert.Equal(["Database", "Data Mining", "AI", "Information Retrieval"], task.ClassNames!);
            Assert.Equal((974, 243, 1420), (task.Split.Train.Length, task.Split.Val.Length, task.Split.Test.Length));
        }
    }
}
