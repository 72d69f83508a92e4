using GraphMtl.Graphs;

namespace GraphMtl.Data.Synthetic;

/// <summary>
/// Generates an academic heterogeneous graph with two node-level tasks whose conflict is a knob: the default dataset,
/// and a controlled benchmark for negative transfer in multi-task GNNs.
/// </summary>
/// <remarks>
/// <para><b>Schema.</b> Node types <c>author</c>, <c>paper</c>, <c>term</c> (dense features) and <c>venue</c> (no
/// features); relations <c>author__writes__paper</c>, <c>paper__cites__paper</c>, <c>paper__has_term__term</c>,
/// <c>paper__published_in__venue</c> (reverses are added by the dataset transforms). Tasks: <c>author</c> (the
/// author's research field, K classes) and <c>paper</c> (the paper's topic, K classes).</para>
/// <para><b>Latent structure.</b> Each author has a field f. Each paper has a <i>community</i> κ, the field of its lead
/// author, and a topic τ: with probability 1 − <see cref="SyntheticGraphOptions.Conflict"/> the topic is κ, otherwise
/// it is drawn uniformly. Each edge follows its rule with probability <see cref="SyntheticGraphOptions.Homophily"/>
/// (else it goes to a random endpoint, degree-weighted):
/// co-authors share the paper's community (<c>writes</c>), papers appear in a venue of their community
/// (<c>published_in</c>), papers cite papers of the same topic (<c>cites</c>) and use terms of their topic
/// (<c>has_term</c>). Authors, papers and terms get log-normal activity/popularity weights, so degrees are skewed.</para>
/// <para><b>Features.</b> K random prototype directions M[k] serve every type. Authors: s·M[f] + noise; terms:
/// s·M[topic] + noise; papers: s·M[τ] + s·M[κ] + noise (unit Gaussian noise per entry, s = <see cref="SyntheticGraphOptions.FeatureSignal"/>).</para>
/// <para><b>Why sharing hurts at high conflict.</b> The author task's signal travels along <c>writes</c> and
/// <c>published_in</c> (same community), the paper task's along <c>cites</c> and <c>has_term</c> (same topic). At
/// conflict 0, τ = κ, so every relation is homophilous for both tasks and a paper's two feature components point the
/// same way: one shared trunk serves both, and the task with more signal helps the other. At conflict 1, τ and κ are
/// independent: (1) the relations that carry one task's signal are heterophilous noise for the other (a paper's
/// co-authors say nothing about its topic; its citations say nothing about its authors' field), so a trunk that
/// combines relations one way for both tasks mixes noise into each; and (2) each paper's features hold both labels in
/// the <i>same</i> prototype directions, so direction M[k] means "topic k" to the paper task but is an equally strong
/// decoy to the author task (and vice versa): no shared projection of paper features is clean for both. Only a
/// relation can separate them: averaging over cited papers keeps τ and washes out κ; averaging over an author's papers
/// keeps κ and washes out τ. Task-specific relation weighting (e.g. InLINE's gates, or separate models) can each pick
/// their relation; one shared trunk has to compromise, and the more classes there are the more it must squeeze into
/// shared channels. With few author labels (<see cref="SyntheticGraphOptions.AuthorTrainFraction"/>), sharing helps
/// the author task a lot at conflict 0 and costs both tasks at conflict 1 (measured numbers in docs/datasets.md).</para>
/// <para><b>Determinism and size.</b> All randomness comes from <see cref="SeededRandom"/> streams derived from
/// <see cref="SyntheticGraphOptions.Seed"/>, one per purpose, so equal options give identical arrays on every platform.
/// Sampling is O(1) per edge (alias tables), so millions of edges take a few seconds.</para>
/// </remarks>
public static class SyntheticAcademicGraph
{
    /// <summary>Generates the graph described by <paramref name="options"/>.</summary>
    public static HeteroGraph Generate(SyntheticGraphOptions? options = null)
    {
        options ??= new SyntheticGraphOptions();
        foreach (var (property, message) in options.Validate())
            throw new GraphMtlException($"dataset.synthetic.{Configuration.ConfigBinder.SnakeCase(property)}: {message}");

        int k = options.Classes, nA = options.Authors, nP = options.Papers, nT = options.Terms, nV = options.Venues;
        double h = options.Homophily;
        long seed = options.Seed;

        // Authors: field and activity weight.
        var rngAuthors = new SeededRandom(seed, 1);
        var field = new int[nA];
        var activity = new double[nA];
        for (int a = 0; a < nA; a++)
        {
            field[a] = rngAuthors.NextInt(k);
            activity[a] = Math.Exp(rngAuthors.NextGaussian());
        }
        var anyAuthor = new AliasSampler(Enumerable.Range(0, nA).ToArray(), activity);
        var authorsOfField = Groups(field, k).Select(g => g.Length > 0 ? new AliasSampler(g, activity) : anyAuthor).ToArray();

        // Papers: lead author (community), co-authors, topic, venue.
        var rngPapers = new SeededRandom(seed, 2);
        var community = new int[nP];
        var topic = new int[nP];
        var popularity = new double[nP];
        var writesSrc = new List<int>((int)(nP * options.AuthorsPerPaper) + 16);
        var writesDst = new List<int>(writesSrc.Capacity);
        var venueOf = new int[nP];
        var venuesOfField = Enumerable.Range(0, k).Select(f => Enumerable.Range(0, nV).Where(v => v % k == f).ToArray()).ToArray();
        var chosen = new List<int>();
        for (int p = 0; p < nP; p++)
        {
            int lead = anyAuthor.Sample(rngPapers);
            community[p] = field[lead];
            topic[p] = rngPapers.Bernoulli(options.Conflict) ? rngPapers.NextInt(k) : community[p];
            popularity[p] = Math.Exp(rngPapers.NextGaussian());
            chosen.Clear();
            chosen.Add(lead);
            int coauthors = rngPapers.NextPoisson(options.AuthorsPerPaper - 1);
            for (int i = 0; i < coauthors; i++)
            {
                var sampler = rngPapers.Bernoulli(h) ? authorsOfField[community[p]] : anyAuthor;
                AddDistinct(chosen, sampler, rngPapers);
            }
            foreach (int a in chosen)
            {
                writesSrc.Add(a);
                writesDst.Add(p);
            }
            var venues = venuesOfField[community[p]];
            venueOf[p] = rngPapers.Bernoulli(h) ? venues[rngPapers.NextInt(venues.Length)] : rngPapers.NextInt(nV);
        }

        // Citations: same topic with probability h, popularity-weighted.
        var rngCites = new SeededRandom(seed, 3);
        var anyPaper = new AliasSampler(Enumerable.Range(0, nP).ToArray(), popularity);
        var papersOfTopic = Groups(topic, k).Select(g => g.Length > 0 ? new AliasSampler(g, popularity) : anyPaper).ToArray();
        var citesSrc = new List<int>((int)(nP * options.CitationsPerPaper) + 16);
        var citesDst = new List<int>(citesSrc.Capacity);
        for (int p = 0; p < nP; p++)
        {
            chosen.Clear();
            chosen.Add(p); // no self-citation
            int n = rngCites.NextPoisson(options.CitationsPerPaper);
            for (int i = 0; i < n; i++)
                AddDistinct(chosen, rngCites.Bernoulli(h) ? papersOfTopic[topic[p]] : anyPaper, rngCites);
            for (int i = 1; i < chosen.Count; i++)
            {
                citesSrc.Add(p);
                citesDst.Add(chosen[i]);
            }
        }

        // Terms: a topic and a frequency weight each; papers use terms of their topic with probability h.
        var rngTerms = new SeededRandom(seed, 4);
        var termTopic = new int[nT];
        var frequency = new double[nT];
        for (int t = 0; t < nT; t++)
        {
            termTopic[t] = rngTerms.NextInt(k);
            frequency[t] = Math.Exp(rngTerms.NextGaussian());
        }
        var anyTerm = new AliasSampler(Enumerable.Range(0, nT).ToArray(), frequency);
        var termsOfTopic = Groups(termTopic, k).Select(g => g.Length > 0 ? new AliasSampler(g, frequency) : anyTerm).ToArray();
        var termSrc = new List<int>((int)(nP * options.TermsPerPaper) + 16);
        var termDst = new List<int>(termSrc.Capacity);
        for (int p = 0; p < nP; p++)
        {
            chosen.Clear();
            int n = Math.Max(1, rngTerms.NextPoisson(options.TermsPerPaper));
            for (int i = 0; i < n; i++)
                AddDistinct(chosen, rngTerms.Bernoulli(h) ? termsOfTopic[topic[p]] : anyTerm, rngTerms);
            foreach (int t in chosen)
            {
                termSrc.Add(p);
                termDst.Add(t);
            }
        }

        // Features: shared prototypes; papers carry both their topic and their community.
        var rngFeatures = new SeededRandom(seed, 5);
        int d = options.FeatureDim;
        float s = (float)(options.FeatureSignal);
        var prototypes = new float[k * d];
        for (int i = 0; i < prototypes.Length; i++) prototypes[i] = (float)rngFeatures.NextGaussian();
        var authorX = Features(nA, d, rngFeatures, (a, x) => AddPrototype(x, prototypes, field[a], s, d));
        var paperX = Features(nP, d, rngFeatures, (p, x) =>
        {
            AddPrototype(x, prototypes, topic[p], s, d);
            AddPrototype(x, prototypes, community[p], s, d);
        });
        var termX = Features(nT, d, rngFeatures, (t, x) => AddPrototype(x, prototypes, termTopic[t], s, d));

        var nodeTypes = new List<NodeType>
        {
            new("author", nA, new DenseFeatures(nA, d, authorX)),
            new("paper", nP, new DenseFeatures(nP, d, paperX)),
            new("term", nT, new DenseFeatures(nT, d, termX)),
            new("venue", nV),
        };
        var relations = new List<Relation>
        {
            new(new EdgeType("author", "writes", "paper"), [.. writesSrc], [.. writesDst]),
            new(new EdgeType("paper", "cites", "paper"), [.. citesSrc], [.. citesDst]),
            new(new EdgeType("paper", "has_term", "term"), [.. termSrc], [.. termDst]),
            new(new EdgeType("paper", "published_in", "venue"), Enumerable.Range(0, nP).ToArray(), venueOf),
        };
        var tasks = new List<NodeTask>
        {
            Task("author", "author", field, k, options.AuthorTrainFraction, options.ValFraction, new SeededRandom(seed, 6)),
            Task("paper", "paper", topic, k, options.PaperTrainFraction, options.ValFraction, new SeededRandom(seed, 7)),
        };
        return new HeteroGraph("synthetic", nodeTypes, relations, tasks);
    }

    private static int[][] Groups(int[] label, int k)
    {
        var lists = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < label.Length; i++) lists[label[i]].Add(i);
        return [.. lists.Select(l => l.ToArray())];
    }

    // Draws until a member not yet chosen comes up (a few tries; a rare repeat is dropped).
    private static void AddDistinct(List<int> chosen, AliasSampler sampler, SeededRandom rng)
    {
        for (int attempt = 0; attempt < 4; attempt++)
        {
            int x = sampler.Sample(rng);
            if (!chosen.Contains(x))
            {
                chosen.Add(x);
                return;
            }
        }
    }

    private static float[] Features(int n, int d, SeededRandom rng, Action<int, Span<float>> signal)
    {
        var x = new float[(long)n * d];
        for (int i = 0; i < x.Length; i++) x[i] = (float)rng.NextGaussian();
        for (int i = 0; i < n; i++) signal(i, x.AsSpan(i * d, d));
        return x;
    }

    private static void AddPrototype(Span<float> x, float[] prototypes, int k, float scale, int d)
    {
        // Prototype entries are N(0, 1) like the noise, so `scale` is the per-entry signal-to-noise ratio.
        var row = prototypes.AsSpan(k * d, d);
        for (int j = 0; j < d; j++) x[j] += scale * row[j];
    }

    private static NodeTask Task(string name, string nodeType, int[] labels, int k, double trainFraction, double valFraction, SeededRandom rng)
    {
        int n = labels.Length;
        var order = rng.Permutation(n);
        int c1 = (int)Math.Floor(trainFraction * n + 1e-9);
        int c2 = Math.Min(n, (int)Math.Floor((trainFraction + valFraction) * n + 1e-9));
        int[] train = order[..c1], val = order[c1..c2], test = order[c2..];
        Array.Sort(train);
        Array.Sort(val);
        Array.Sort(test);
        var labelled = new bool[n];
        Array.Fill(labelled, true);
        return new NodeTask(name, nodeType, TaskKind.MultiClass, k, (int[])labels.Clone(), labelled, new NodeSplit(train, val, test));
    }
}
