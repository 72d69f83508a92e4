using GraphMtl.Backbones;
using GraphMtl.Relational;

namespace GraphMtl.MultiLabel;

/// <summary>
/// Inference with known labels (the reason the relational setting exists): new examples arrive with some labels
/// already known; those become the query's known labels (MetaLink edges, concat inputs) and every other cell is
/// predicted. A support set of training examples with all their labels is drawn per query batch (seeded), and
/// <see cref="RelationalSetting.Repeat"/> draws are averaged at the logit level, as at evaluation. All tasks are
/// active (in a meta run too: known labels of any task are used).
/// </summary>
public static class MultiLabelPredictor
{
    /// <summary>
    /// Probabilities <c>[M × T]</c> (row-major) for the unknown cells of <paramref name="queryLabels"/> (1, 0 or −1 per
    /// new example and task); known cells are NaN. Queries come from <paramref name="queryStore"/>, supports from the
    /// training rows <paramref name="trainRows"/> of <paramref name="trainStore"/> with labels <paramref name="trainLabels"/>.
    /// </summary>
    public static float[] Predict(MultiLabelModel model, IExampleStore queryStore, sbyte[] queryLabels, IExampleStore trainStore,
        sbyte[] trainLabels, int[] trainRows, int taskCount, RelationalSetting setting, int batchSize, int seed, Device? device = null)
    {
        device ??= CPU;
        int m = queryStore.Count, n = trainStore.Count;
        if (queryLabels.Length != m * taskCount) throw new ArgumentException($"expected {m} × {taskCount} labels (got {queryLabels.Length})", nameof(queryLabels));
        // Training rows first, then the new examples (rows n..n+m−1), so one label matrix serves both.
        var labels = new sbyte[(n + m) * taskCount];
        trainLabels.CopyTo(labels, 0);
        queryLabels.CopyTo(labels, n * taskCount);
        var result = new float[m * taskCount];
        Array.Fill(result, float.NaN);
        var active = Enumerable.Repeat(true, taskCount).ToArray();
        var rng = new Random(seed);
        bool useSupport = model.Head.UsesSupport(EpisodePhase.Eval);
        int draws = useSupport ? setting.Repeat : 1;
        int supportSize = Math.Min(trainRows.Length, setting.SupportSize > 0 ? setting.SupportSize : batchSize);
        model.eval();
        using var _ = no_grad();
        for (int start = 0; start < m; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var local = Enumerable.Range(start, Math.Min(batchSize, m - start)).ToArray();
            var query = local.Select(i => n + i).ToArray();
            var queryEmbedding = model.Encoder.call(queryStore.Collate(local));
            Tensor? sum = null;
            LabelEpisode? episode = null;
            for (int r = 0; r < draws; r++)
            {
                int[] support = useSupport ? trainRows.OrderBy(_ => rng.Next()).Take(supportSize).ToArray() : [];
                episode = LabelEpisode.Build(query, support, labels, taskCount, active, (_, _, _) => true, predictUnlabelled: true);
                if (episode.TargetNode.Length == 0) break;
                var supportEmbedding = support.Length > 0 ? model.Encoder.call(trainStore.Collate(support)) : null;
                var logits = model.Logits(queryEmbedding, supportEmbedding, episode.ToTensors(device), EpisodePhase.Eval);
                sum = sum is null ? logits : sum + logits;
            }
            if (sum is null || episode is null) continue;
            var p = sigmoid(sum / draws).cpu().data<float>().ToArray();
            for (int k = 0; k < p.Length; k++) result[local[episode.TargetNode[k]] * taskCount + episode.TargetTask[k]] = p[k];
        }
        return result;
    }
}
