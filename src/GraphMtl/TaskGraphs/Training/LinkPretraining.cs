using GraphMtl.TaskGraphs.Layers;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>
/// Link-prediction pre-training of task embeddings (gcnet.md §2.2): an MLP[hidden] (BatchNorm, ReLU, dropout 0.1) on
/// [h_i ‖ h_j] → 1 trained with BCE on positive pairs and, per positive (i, j), <c>negatives</c> pairs (i, k) with k
/// drawn ∝ degree^0.75 of the positive graph; Adam over the embeddings and the MLP. The MLP is discarded afterwards.
/// </summary>
internal static class LinkPretraining
{
    /// <summary>Trains <paramref name="tasks"/> on <paramref name="positives"/>; returns the last epoch's mean loss (NaN when nothing ran).</summary>
    public static double Run(TaskEmbedding tasks, IReadOnlyList<(int Source, int Target)> positives, int taskCount, TaskPretrainOptions options, Random random, Device device)
    {
        if (options.Epochs == 0 || positives.Count == 0) return double.NaN;
        var degree = new double[taskCount];
        foreach (var (s, t) in positives)
        {
            degree[s]++;
            degree[t]++;
        }
        var cumulative = new double[taskCount];
        double sum = 0;
        for (int k = 0; k < taskCount; k++) cumulative[k] = sum += Math.Pow(degree[k], 0.75);
        using var mlp = new FeedForward("link", 2 * tasks.Dim, options.Hidden, 1, batchNorm: true, dropout: 0.1);
        mlp.to(device);
        var parameters = tasks.parameters().Concat(mlp.parameters()).ToList();
        using var optimizer = optim.Adam(parameters, lr: options.Lr);
        bool wasTraining = tasks.training;
        tasks.train();
        mlp.train();
        double last = double.NaN;
        var order = positives.ToArray();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double total = 0;
            int steps = 0;
            foreach (var chunk in order.Chunk(options.BatchSize))
            {
                using var scope = NewDisposeScope();
                var source = new List<long>();
                var target = new List<long>();
                var label = new List<float>();
                foreach (var (s, t) in chunk)
                {
                    source.Add(s);
                    target.Add(t);
                    label.Add(1);
                    for (int n = 0; n < options.Negatives; n++)
                    {
                        source.Add(s);
                        target.Add(Draw(cumulative, sum, random));
                        label.Add(0);
                    }
                }
                if (source.Count < 2) continue;
                optimizer.zero_grad();
                var h = tasks.Forward();
                var pairs = cat([h.index_select(0, tensor(source.ToArray(), device: device)), h.index_select(0, tensor(target.ToArray(), device: device))], 1);
                var loss = nn.functional.binary_cross_entropy_with_logits(mlp.call(pairs).squeeze(1), tensor(label.ToArray(), device: device));
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            if (steps > 0) last = total / steps;
        }
        if (!wasTraining) tasks.eval();
        return last;
    }

    private static long Draw(double[] cumulative, double total, Random random)
    {
        double u = random.NextDouble() * total;
        int k = Array.BinarySearch(cumulative, u);
        if (k < 0) k = ~k;
        return Math.Min(k, cumulative.Length - 1);
    }
}
