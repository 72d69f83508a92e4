using GraphMtl.Graphs;

namespace GraphMtl.Testing;

/// <summary>Tiny heterogeneous graphs with known structure for unit tests.</summary>
public static class TinyGraphs
{
    /// <summary>
    /// Authors (featureless) write papers (features = noisy one-hot of the paper's topic). Task <c>topic</c> (papers,
    /// 3 classes) is solvable from features; task <c>field</c> (authors, 3 classes = the topic of most of their papers)
    /// needs message passing from papers to authors. Relations: author→paper <c>writes</c> and its reverse.
    /// </summary>
    public static HeteroGraph AuthorsAndPapers(int authors = 60, int papersPerAuthor = 4, int seed = 1, double featureNoise = 0.3, bool addReverse = true)
    {
        var rng = new Random(seed);
        int papers = authors * papersPerAuthor;
        int classes = 3;
        var field = Enumerable.Range(0, authors).Select(a => a % classes).ToArray();
        var topic = new int[papers];
        var src = new int[papers];
        var dst = new int[papers];
        for (int p = 0; p < papers; p++)
        {
            int a = p / papersPerAuthor;
            // three of four papers follow the author's field, the fourth is random
            topic[p] = p % papersPerAuthor == 0 ? rng.Next(classes) : field[a];
            src[p] = a;
            dst[p] = p;
        }
        var feats = new float[papers * classes];
        for (int p = 0; p < papers; p++)
            for (int c = 0; c < classes; c++)
                feats[p * classes + c] = (c == topic[p] ? 1f : 0f) + (float)(featureNoise * NextGaussian(rng));

        var nodeTypes = new List<NodeType>
        {
            new("author", authors),
            new("paper", papers, new DenseFeatures(papers, classes, feats)),
        };
        var relations = new List<Relation> { new(new EdgeType("author", "writes", "paper"), src, dst) };
        var tasks = new List<NodeTask>
        {
            new("field", "author", TaskKind.MultiClass, classes, field, Enumerable.Repeat(true, authors).ToArray(), Split(authors, rng)),
            new("topic", "paper", TaskKind.MultiClass, classes, topic, Enumerable.Repeat(true, papers).ToArray(), Split(papers, rng)),
        };
        var graph = new HeteroGraph("tiny", nodeTypes, relations, tasks);
        return addReverse ? graph.AddReverseRelations() : graph;
    }

    /// <summary>A 50/25/25 random split of ids 0..n-1.</summary>
    public static NodeSplit Split(int n, Random rng)
    {
        var ids = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        int train = n / 2, val = n / 4;
        return new NodeSplit(ids[..train], ids[train..(train + val)], ids[(train + val)..]);
    }

    private static double NextGaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
