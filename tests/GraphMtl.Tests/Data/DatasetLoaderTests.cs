using GraphMtl.Data;
using GraphMtl.Data.Synthetic;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Data;

public sealed class DatasetLoaderTests
{
    private const string TinyManifest = """
        name: tiny
        node_types: [{name: a, count: 3}, {name: b, count: 2}]
        relations: [{name: r, src: a, dst: b, file: e.txt}]
        tasks:
          - {name: t, node_type: a, labels: {file: l.txt}, split: {train: rest}}
        """;

    private static TempFolder Tiny()
    {
        var folder = new TempFolder();
        folder.Write("data/e.txt", "0\t1\n2\t0\n");
        folder.Write("data/l.txt", "0\n1\n1\n");
        folder.Write("data/tiny.yaml", TinyManifest);
        folder.Write("hgb/link.dat", "0\t1\t0\t1\n");
        return folder;
    }

    public sealed class TheResolveMethod
    {
        [Fact]
        public void Should_Recognise_Synthetic_Specs()
        {
            var root = new DataRoot("/nowhere");

            Assert.Equal(DatasetSourceKind.Synthetic, DatasetLoader.Resolve("synthetic", root).Kind);
            Assert.Equal(DatasetSourceKind.Synthetic, DatasetLoader.Resolve("synthetic:authors=10", root).Kind);
        }

        [Fact]
        public void Should_Find_A_Built_In_Manifest_By_Name()
        {
            var source = DatasetLoader.Resolve("heco-dblp", new DataRoot("/nowhere"));

            Assert.Equal(new DatasetSource(DatasetSourceKind.BuiltInManifest, "heco-dblp"), source);
        }

        [Fact]
        public void Should_Find_A_Manifest_Beside_The_Config()
        {
            using var folder = Tiny();

            var source = DatasetLoader.Resolve("tiny.yaml", new DataRoot("/nowhere"), Path.Combine(folder.Path, "data"));

            Assert.Equal(new DatasetSource(DatasetSourceKind.Manifest, Path.Combine(folder.Path, "data", "tiny.yaml")), source);
        }

        [Fact]
        public void Should_Find_Folders_Under_The_Data_Root()
        {
            using var folder = Tiny();
            folder.Write("data/dataset.yaml", TinyManifest);
            var root = new DataRoot(folder.Path);

            Assert.Equal(DatasetSourceKind.Hgb, DatasetLoader.Resolve("hgb", root).Kind);
            Assert.Equal(Path.Combine(folder.Path, "data", "dataset.yaml"), DatasetLoader.Resolve("data", root).Location);
        }

        [Fact]
        public void Should_List_What_Was_Tried()
        {
            using var folder = Tiny();

            var e = Assert.Throws<GraphMtlException>(() => DatasetLoader.Resolve("nope", new DataRoot(folder.Path), "/configs"));

            Assert.StartsWith("Cannot find dataset 'nope'. Tried: ", e.Message);
            Assert.Contains(Path.GetFullPath("nope") + " (not found)", e.Message);
            Assert.Contains("/configs/nope (not found)", e.Message);
            Assert.Contains("built-in manifest 'nope' (none; built-in: dblp-hgb, dblp-mtl, heco-dblp, imdb-mtl, magnn-imdb)", e.Message);
            Assert.Contains(Path.Combine(folder.Path, "nope") + " (not found)", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    public sealed class TheLoadMethod
    {
        [Fact]
        public void Should_Load_The_Synthetic_Graph_With_Spec_Overrides()
        {
            var options = new DatasetOptions { Spec = "synthetic:authors=300,papers=500, terms=100", Synthetic = new() { Seed = 3 } };

            var graph = DatasetLoader.Load(options, new DataRoot("/nowhere"));

            Assert.Equal([300, 500, 100, 20], graph.NodeTypes.Select(t => t.Count));
            Assert.Equal(8, graph.Relations.Count); // reverses added
        }

        [Fact]
        public void Should_Apply_The_Transforms_In_Order()
        {
            var options = new DatasetOptions
            {
                Spec = "synthetic:authors=100,papers=200,terms=50",
                DropNodeTypes = ["venue"],
                AddReverse = false,
                SelfLoops = ["paper"],
                Tasks = ["paper"],
            };

            var graph = DatasetLoader.Load(options, new DataRoot("/nowhere"));

            Assert.Equal(["author", "paper", "term"], graph.NodeTypes.Select(t => t.Name));
            Assert.Equal(["author__writes__paper", "paper__cites__paper", "paper__has_term__term", "paper__self__paper"],
                graph.Relations.Select(r => r.Type.ToString()));
            Assert.Equal(["paper"], graph.Tasks.Select(t => t.Name));
        }

        [Fact]
        public void Should_Name_The_Key_Of_A_Bad_Transform()
        {
            var options = new DatasetOptions { Spec = "synthetic:authors=100,papers=200,terms=50", Tasks = ["venue"] };

            var e = Assert.Throws<GraphMtlException>(() => DatasetLoader.Load(options, new DataRoot("/nowhere")));

            Assert.Equal("dataset.tasks: Unknown task 'venue' (expected one of: author, paper).", e.Message);
        }

        [Fact]
        public void Should_Load_A_Manifest_File()
        {
            using var folder = Tiny();

            var graph = DatasetLoader.Load(new DatasetOptions { Spec = Path.Combine(folder.Path, "data", "tiny.yaml") }, new DataRoot("/nowhere"));

            Assert.Equal(("tiny", 2), (graph.Name, graph.Relations.Count));
        }

        [SharedDataFact]
        public void Should_Load_An_Hgb_Folder_Under_The_Data_Root()
        {
            var options = new DatasetOptions { Spec = "hgb-dblp", Hgb = new() { SplitSeed = 1 } };

            var graph = DatasetLoader.Load(options, SharedData.DataRoot);

            Assert.Equal(26128, graph.NodeTypes.Sum(t => t.Count));
            Assert.Equal(6, graph.Relations.Count);
        }
    }

    public sealed class TheParseSyntheticSpecMethod
    {
        [Fact]
        public void Should_Keep_The_Defaults_Without_Overrides()
        {
            var defaults = new SyntheticGraphOptions { Seed = 9 };

            Assert.Same(defaults, DatasetLoader.ParseSyntheticSpec("synthetic", defaults));
        }

        [Fact]
        public void Should_Override_Listed_Keys()
        {
            var options = DatasetLoader.ParseSyntheticSpec("synthetic:authors=5000,conflict=0.9", new() { Seed = 4 });

            Assert.Equal((5000, 0.9, 4), (options.Authors, options.Conflict, options.Seed));
        }

        [Fact]
        public void Should_Name_The_Spec_For_An_Unknown_Key()
        {
            var e = Assert.Throws<GraphMtlException>(() => DatasetLoader.ParseSyntheticSpec("synthetic:writers=5", new()));

            Assert.StartsWith("Dataset spec 'synthetic:writers=5': ", e.Message);
            Assert.Contains("writers: unknown key (expected one of: seed, authors,", e.Message);
        }

        [Fact]
        public void Should_Name_The_Spec_For_A_Bad_Value()
        {
            var e = Assert.Throws<GraphMtlException>(() => DatasetLoader.ParseSyntheticSpec("synthetic:conflict=2", new()));

            Assert.Contains("conflict: expected a value in [0, 1] (got 2)", e.Message);
        }
    }
}
