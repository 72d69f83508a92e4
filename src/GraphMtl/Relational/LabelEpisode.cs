namespace GraphMtl.Relational;

/// <summary>
/// What one step (or one evaluation batch) knows and must predict, as host arrays: the query examples, the support
/// examples, the <b>known</b> labels (revealed query labels and every active support label: the data–task edges of
/// MetaLink's knowledge graph, and the concat baseline's inputs) and the <b>targets</b> (hidden query labels).
/// Data nodes are numbered queries first (0..B−1), then supports (B..B+S−1).
/// </summary>
/// <remarks>
/// Built only by <see cref="Build"/>, which sends every observed active query label to exactly one of the two lists
/// and never turns a missing label into anything, so a target pair never appears among the known labels.
/// </remarks>
public sealed class LabelEpisode
{
    private LabelEpisode(int[] query, int[] support, int taskCount, int[] knownNode, int[] knownTask, float[] knownValue,
        int[] targetNode, int[] targetTask, float[] targetValue)
    {
        Query = query;
        Support = support;
        TaskCount = taskCount;
        KnownNode = knownNode;
        KnownTask = knownTask;
        KnownValue = knownValue;
        TargetNode = targetNode;
        TargetTask = targetTask;
        TargetValue = targetValue;
    }

    /// <summary>Dataset rows of the query examples (data nodes 0..B−1).</summary>
    public int[] Query { get; }

    /// <summary>Dataset rows of the support examples (data nodes B..B+S−1).</summary>
    public int[] Support { get; }

    /// <summary>Number of tasks T.</summary>
    public int TaskCount { get; }

    /// <summary>Data node of each known label (edge).</summary>
    public int[] KnownNode { get; }

    /// <summary>Task of each known label.</summary>
    public int[] KnownTask { get; }

    /// <summary>Value (0 or 1) of each known label: the edge feature.</summary>
    public float[] KnownValue { get; }

    /// <summary>Query node (0..B−1) of each target.</summary>
    public int[] TargetNode { get; }

    /// <summary>Task of each target.</summary>
    public int[] TargetTask { get; }

    /// <summary>True label of each target (NaN when unknown, at prediction time).</summary>
    public float[] TargetValue { get; }

    /// <summary>Number of data nodes B + S.</summary>
    public int DataNodeCount => Query.Length + Support.Length;

    /// <summary>
    /// Builds an episode from a row-major label matrix (1, 0, −1 = missing). A query's observed label on an active
    /// task is known when <paramref name="reveal"/>(query position, row, task) says so, else a target; a support's
    /// observed labels on active tasks are all known. Labels of inactive tasks and missing labels are dropped.
    /// </summary>
    /// <param name="query">Query rows.</param>
    /// <param name="support">Support rows (may be empty).</param>
    /// <param name="labels">Row-major labels [rows × <paramref name="taskCount"/>].</param>
    /// <param name="taskCount">T.</param>
    /// <param name="active">Active task flags for this phase (see <see cref="RelationalSetting.ActiveTasks"/>).</param>
    /// <param name="reveal">Reveal decision for an observed query label.</param>
    /// <param name="predictUnlabelled">Prediction mode: every missing active query label becomes a target with value NaN (nothing is known about it).</param>
    public static LabelEpisode Build(int[] query, int[] support, ReadOnlySpan<sbyte> labels, int taskCount, bool[] active,
        Func<int, int, int, bool> reveal, bool predictUnlabelled = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(support);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(reveal);
        if (active.Length != taskCount) throw new ArgumentException($"expected {taskCount} task flags (got {active.Length})", nameof(active));
        var knownNode = new List<int>();
        var knownTask = new List<int>();
        var knownValue = new List<float>();
        var targetNode = new List<int>();
        var targetTask = new List<int>();
        var targetValue = new List<float>();
        for (int i = 0; i < query.Length; i++)
        {
            var row = labels.Slice(query[i] * taskCount, taskCount);
            for (int t = 0; t < taskCount; t++)
            {
                if (!active[t]) continue;
                sbyte y = row[t];
                if (y < 0)
                {
                    if (!predictUnlabelled) continue;
                    targetNode.Add(i);
                    targetTask.Add(t);
                    targetValue.Add(float.NaN);
                }
                else if (reveal(i, query[i], t))
                {
                    knownNode.Add(i);
                    knownTask.Add(t);
                    knownValue.Add(y);
                }
                else
                {
                    targetNode.Add(i);
                    targetTask.Add(t);
                    targetValue.Add(y);
                }
            }
        }
        for (int j = 0; j < support.Length; j++)
        {
            var row = labels.Slice(support[j] * taskCount, taskCount);
            for (int t = 0; t < taskCount; t++)
            {
                if (!active[t] || row[t] < 0) continue;
                knownNode.Add(query.Length + j);
                knownTask.Add(t);
                knownValue.Add(row[t]);
            }
        }
        return new LabelEpisode(query, support, taskCount, [.. knownNode], [.. knownTask], [.. knownValue], [.. targetNode], [.. targetTask], [.. targetValue]);
    }

    /// <summary>The same episode with every known label of the queries removed (support edges kept): what a head that ignores known labels sees.</summary>
    public LabelEpisode WithoutQueryKnowns()
    {
        var keep = Enumerable.Range(0, KnownNode.Length).Where(e => KnownNode[e] >= Query.Length).ToArray();
        return new LabelEpisode(Query, Support, TaskCount, keep.Select(e => KnownNode[e]).ToArray(), keep.Select(e => KnownTask[e]).ToArray(),
            keep.Select(e => KnownValue[e]).ToArray(), TargetNode, TargetTask, TargetValue);
    }

    /// <summary>The episode's index and value arrays as tensors (in the current dispose scope).</summary>
    public EpisodeTensors ToTensors(Device device)
    {
        static Tensor Long(int[] v, Device d) => tensor(v.Select(x => (long)x).ToArray(), device: d);
        return new EpisodeTensors(Query.Length, Support.Length, TaskCount,
            Long(KnownNode, device), Long(KnownTask, device), tensor(KnownValue, device: device),
            Long(TargetNode, device), Long(TargetTask, device), tensor(TargetValue, device: device));
    }
}

/// <summary>An episode's lists as tensors: known labels (data node, task, value) and targets (query node, task, value).</summary>
public sealed record EpisodeTensors(int QueryCount, int SupportCount, int TaskCount,
    Tensor KnownNode, Tensor KnownTask, Tensor KnownValue, Tensor TargetNode, Tensor TargetTask, Tensor TargetValue)
{
    /// <summary>Number of data nodes.</summary>
    public int DataNodeCount => QueryCount + SupportCount;

    /// <summary>Number of known labels (edges).</summary>
    public long KnownCount => KnownNode.shape[0];

    /// <summary>Number of targets.</summary>
    public long TargetCount => TargetNode.shape[0];
}
