using System.Diagnostics;
using GraphMtl.Data;
using GraphMtl.Data.Manifest;
using GraphMtl.Graphs;
using GraphMtl.Testing;
using Xunit.Abstractions;

namespace GraphMtl.Tests.Data.Manifest;

public sealed class BuiltInManifestsTests
{
    public sealed class TheNamesProperty
    {
        [Fact]
        public void Should_List_The_Shipped_Manifests()
        {
            Assert.Equal(["dblp-hgb", "dblp-mtl", "heco-dblp", "imdb-mtl", "magnn-imdb"], BuiltInManifests.Names);
        }

        [Fact]
        public void Should_Match_The_Repository_Files()
        {
            // Given the repository's datasets/ folder (two levels above tests/GraphMtl.Tests)
            var repo = new DirectoryInfo(AppContext.BaseDirectory);
            while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "GraphMtl.slnx"))) repo = repo.Parent;
            Assert.NotNull(repo);

            // Then each embedded manifest is the repository file
            foreach (var name in BuiltInManifests.Names)
                Assert.Equal(File.ReadAllText(Path.Combine(repo.FullName, "datasets", name + ".yaml")), BuiltInManifests.TryGetText(name));
        }

        [Fact]
        public void Should_Bind_Every_Shipped_Manifest()
        {
            foreach (var name in BuiltInManifests.Names)
                Assert.Equal(name, ManifestLoader.Parse(BuiltInManifests.TryGetText(name)!, name).Name);
        }
    }

    public sealed class TheLoadMethod(ITestOutputHelper output)
    {
        private HeteroGraph Load(string name)
        {
            var watch = Stopwatch.StartNew();
            var graph = BuiltInManifests.Load(name, SharedData.DataRoot);
            output.WriteLine($"{name}: loaded in {watch.ElapsedMilliseconds} ms: {graph}");
            return graph;
        }

        [Fact]
        public void Should_Name_The_Choices_For_An_Unknown_Name()
        {
            var e = Assert.Throws<GraphMtlException>(() => BuiltInManifests.Load("dblp", new DataRoot("/nonexistent")));

            Assert.Equal("Unknown built-in dataset 'dblp' (expected one of: dblp-hgb, dblp-mtl, heco-dblp, imdb-mtl, magnn-imdb).", e.Message);
        }

        [SharedDataFact]
        public void Should_Load_Heco_Dblp()
        {
            var graph = Load("heco-dblp");

            Assert.Equal([("author", 4057, 334), ("paper", 14328, 4231), ("term", 7723, 50), ("venue", 20, 0)],
                graph.NodeTypes.Select(t => (t.Name, t.Count, t.Features?.Dim ?? 0)));
            Assert.IsType<SparseFeatures>(graph.NodeType("paper").Features);
            Assert.IsType<DenseFeatures>(graph.NodeType("term").Features);
            Assert.Equal(19645, graph.Relation("author__writes__paper").EdgeCount);
            Assert.Equal(19645, graph.Relation("paper__rev_writes__author").EdgeCount);
            Assert.Equal(85810, graph.Relation("has_term").EdgeCount);
            Assert.Equal(14328, graph.Relation("published_in").EdgeCount);
            var author = graph.Task("author");
            Assert.Equal([1197, 745, 1109, 1006], author.ClassCounts());
            Assert.Equal((80, 1000, 1000), (author.Split.Train.Length, author.Split.Val.Length, author.Split.Test.Length));
        }

        [SharedDataFact]
        public void Should_Load_Dblp_Hgb_With_The_Hgb_Split()
        {
            var graph = Load("dblp-hgb");

            var split = graph.Task("author").Split;
            Assert.Equal((974, 243, 2840), (split.Train.Length, split.Val.Length, split.Test.Length));
            var hgbTrain = File.ReadLines(Path.Combine(SharedData.Folder("hgb-dblp"), "label.dat")).Select(l => int.Parse(l.Split('\t')[0]));
            Assert.Equal(hgbTrain.Order(), split.Train.Concat(split.Val).Order());
        }

        [SharedDataFact]
        public void Should_Agree_With_Every_Hgb_Label()
        {
            var author = Load("dblp-hgb").Task("author");

            foreach (var file in new[] { "label.dat", "label.dat.test" })
                foreach (var fields in File.ReadLines(Path.Combine(SharedData.Folder("hgb-dblp"), file)).Select(l => l.Split('\t')))
                    Assert.Equal(int.Parse(fields[3]), author.Labels[int.Parse(fields[0])]);
        }

        [SharedDataFact]
        public void Should_Load_Dblp_Mtl()
        {
            var graph = Load("dblp-mtl");

            Assert.Equal(["author", "paper", "term"], graph.NodeTypes.Select(t => t.Name));
            Assert.Equal(
                ["author__writes__paper", "paper__has_term__term", "paper__rev_writes__author", "term__rev_has_term__paper", "author__self__author", "paper__self__paper"],
                graph.Relations.Select(r => r.Type.ToString()));
            Assert.All(graph.Relations.Skip(4), r => Assert.Equal(RelationKind.SelfLoop, r.Kind));
            Assert.Equal(["author", "paper"], graph.Tasks.Select(t => t.Name));
            var a = graph.Task("author").Split;
            Assert.Equal((974, 243, 2840), (a.Train.Length, a.Val.Length, a.Test.Length));
            var paper = graph.Task("paper");
            Assert.Equal((TaskKind.MultiClass, 20, 14328), (paper.Kind, paper.NumClasses, paper.LabelledCount));
            Assert.Equal((8596, 2866, 2866), (paper.Split.Train.Length, paper.Split.Val.Length, paper.Split.Test.Length));
        }

        [SharedDataFact]
        public void Should_Load_Magnn_Imdb()
        {
            var graph = Load("magnn-imdb");

            Assert.Equal([("movie", 4278, 3066), ("director", 2081, 3066), ("actor", 5257, 3066)],
                graph.NodeTypes.Select(t => (t.Name, t.Count, t.Features?.Dim ?? 0)));
            int directed = graph.Relation("directed_by").EdgeCount, stars = graph.Relation("stars").EdgeCount;
            Assert.Equal(17106, directed + stars);
            Assert.Equal(4278, directed); // one director per movie
            Assert.Equal(4, graph.Relations.Count);
            var movie = graph.Task("movie");
            Assert.Equal([1135, 1584, 1559], movie.ClassCounts());
            Assert.Equal((400, 400, 3478), (movie.Split.Train.Length, movie.Split.Val.Length, movie.Split.Test.Length));
        }

        [SharedDataFact]
        public void Should_Load_Imdb_Mtl_Without_The_Keyword_Columns_In_Any_Input()
        {
            // Given the plain IMDB graph and its 20 most frequent movie keyword columns (ties: lower column first)
            var plain = Load("magnn-imdb");
            var movies = plain.NodeType("movie").Features!;
            var counts = FeatureColumns.CountAbove(movies, 0);
            int[] top = [.. Enumerable.Range(0, movies.Dim).OrderByDescending(c => counts[c]).ThenBy(c => c).Take(20)];

            // When
            var graph = Load("imdb-mtl");

            // Then the keyword task is those columns, 60/20/20 over all movies, and the genre task is magnn-imdb's
            Assert.Equal(["genre", "keywords"], graph.Tasks.Select(t => t.Name));
            var keywords = graph.Task("keywords");
            Assert.Equal((TaskKind.MultiLabel, 20, 4278), (keywords.Kind, keywords.NumClasses, keywords.LabelledCount));
            Assert.Equal((2566, 856, 856), (keywords.Split.Train.Length, keywords.Split.Val.Length, keywords.Split.Test.Length));
            Assert.Equal(FeatureColumns.Above(movies, top, 0), keywords.Labels);
            Assert.Equal((231, 121), (keywords.ClassCounts()[0], keywords.ClassCounts()[^1])); // counted from the file with a script
            Assert.Equal(top.Select(c => $"col {c}"), keywords.ClassNames!);
            var genre = graph.Task("genre");
            Assert.Equal(plain.Task("movie").Labels, genre.Labels);
            Assert.Equal((400, 400, 3478), (genre.Split.Train.Length, genre.Split.Val.Length, genre.Split.Test.Length));

            // and every node type's features are magnn-imdb's without exactly those columns (directors and actors
            // average their movies' rows, so keeping the columns there would leak the labels through one edge)
            var drop = top.ToHashSet();
            foreach (var type in new[] { "movie", "director", "actor" })
            {
                var expected = Dense(FeatureColumns.Without(plain.NodeType(type).Features!, drop));
                var actual = Dense(graph.NodeType(type).Features!);
                Assert.Equal(3046, graph.NodeType(type).Features!.Dim);
                Assert.Equal(expected, actual);
            }
            Assert.Equal(RelationKind.SelfLoop, graph.Relation("movie__self__movie").Kind);
        }

        private static float[] Dense(NodeFeatures features)
        {
            var sparse = Assert.IsType<SparseFeatures>(features);
            var values = new float[sparse.Rows * sparse.Dim];
            for (int i = 0; i < sparse.Values.Length; i++) values[sparse.RowIndex[i] * sparse.Dim + sparse.ColIndex[i]] += sparse.Values[i];
            return values;
        }
    }
}
