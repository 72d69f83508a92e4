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

    /// <summary>
    /// A small graph exercising the corner cases of message passing: node types <c>a</c> (5, featureless), <c>b</c>
    /// (6, 4-d features) and <c>c</c> (3, 2-d features, reached by no relation); relations <c>a→b</c> (random, node
    /// b5 gets none of them), <c>b→a</c> (random), <c>b→b</c> (random with a duplicate edge) and <c>c→b</c> (two edges).
    /// Edges are drawn from <paramref name="seed"/>.
    /// </summary>
    public static HeteroGraph Mixed(int seed = 0, int edgesPerRelation = 9)
    {
        var rng = new Random(seed);
        float[] Features(int rows, int dim) => Enumerable.Range(0, rows * dim).Select(_ => (float)NextGaussian(rng)).ToArray();
        (int[] Src, int[] Dst) Random(int nSrc, int nDst, int count) =>
            (Enumerable.Range(0, count).Select(_ => rng.Next(nSrc)).ToArray(), Enumerable.Range(0, count).Select(_ => rng.Next(nDst)).ToArray());
        var ab = Random(5, 5, edgesPerRelation); // destinations b0..b4 only
        var ba = Random(6, 5, edgesPerRelation);
        var bb = Random(6, 6, edgesPerRelation);
        var nodeTypes = new List<NodeType>
        {
            new("a", 5),
            new("b", 6, new DenseFeatures(6, 4, Features(6, 4))),
            new("c", 3, new DenseFeatures(3, 2, Features(3, 2))),
        };
        var relations = new List<Relation>
        {
            new(new EdgeType("a", "to", "b"), ab.Src, ab.Dst),
            new(new EdgeType("b", "to", "a"), ba.Src, ba.Dst),
            new(new EdgeType("b", "cites", "b"), [.. bb.Src, bb.Src[0]], [.. bb.Dst, bb.Dst[0]]),
            new(new EdgeType("c", "to", "b"), [0, 2], [1, 1]),
        };
        return new HeteroGraph("mixed", nodeTypes, relations, []);
    }

    /// <summary>
    /// Two tasks on one node type that need different relations: every <c>item</c> (3-d noise features) has
    /// <paramref name="fanIn"/> <c>left</c> neighbours (relation <c>left__l__item</c>) whose features are a noisy one-hot of
    /// the item's label for task <c>a</c>, and <paramref name="fanIn"/> <c>right</c> neighbours (<c>right__r__item</c>)
    /// carrying its label for task <c>b</c>, drawn independently of <c>a</c>. So task a needs only relation l, task b
    /// only relation r. Left and right nodes have one item each and no incoming relation; 3 classes per task.
    /// </summary>
    public static HeteroGraph TwoRelations(int items = 48, int fanIn = 2, int seed = 1, double featureNoise = 0.3)
    {
        var rng = new Random(seed);
        const int classes = 3;
        var a = Enumerable.Range(0, items).Select(_ => rng.Next(classes)).ToArray();
        var b = Enumerable.Range(0, items).Select(_ => rng.Next(classes)).ToArray();
        int n = items * fanIn;
        float[] OneHots(int[] labels) => Enumerable.Range(0, n)
            .SelectMany(i => Enumerable.Range(0, classes).Select(c => (c == labels[i / fanIn] ? 1f : 0f) + (float)(featureNoise * NextGaussian(rng))))
            .ToArray();
        var itemFeatures = Enumerable.Range(0, items * 3).Select(_ => (float)NextGaussian(rng)).ToArray();
        var nodeTypes = new List<NodeType>
        {
            new("item", items, new DenseFeatures(items, 3, itemFeatures)),
            new("left", n, new DenseFeatures(n, classes, OneHots(a))),
            new("right", n, new DenseFeatures(n, classes, OneHots(b))),
        };
        var sources = Enumerable.Range(0, n).ToArray();
        var targets = Enumerable.Range(0, n).Select(i => i / fanIn).ToArray();
        var relations = new List<Relation>
        {
            new(new EdgeType("left", "l", "item"), sources, targets),
            new(new EdgeType("right", "r", "item"), (int[])sources.Clone(), (int[])targets.Clone()),
        };
        var all = Enumerable.Repeat(true, items).ToArray();
        var tasks = new List<NodeTask>
        {
            new("a", "item", TaskKind.MultiClass, classes, a, all, Split(items, rng)),
            new("b", "item", TaskKind.MultiClass, classes, b, (bool[])all.Clone(), Split(items, rng)),
        };
        return new HeteroGraph("two-relations", nodeTypes, relations, tasks);
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
