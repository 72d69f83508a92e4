using GraphMtl.Graphs;

namespace GraphMtl.Data.Manifest;

internal sealed partial class ManifestBuilder
{
    // Per node type index: the feature columns that became labels (file numbering), removed once all tasks are built.
    private readonly Dictionary<int, SortedSet<int>> _labelColumns = [];

    /// <summary>
    /// Multi-label targets from feature columns of the task's node type (<c>labels.from_features</c>); records the
    /// columns for removal from that type and the <c>remove_from</c> types. Default class names: <c>col N</c>.
    /// </summary>
    private (LabelArrays Labels, IReadOnlyList<string> ClassNames) LabelsFromFeatures(ManifestTask task, string key, int type, List<NodeType> nodeTypes)
    {
        var spec = task.Labels.FromFeatures!;
        string at = key + ".labels.from_features";
        if (task.Kind != TaskKind.MultiLabel)
            throw _at.Error(key + ".kind", $"labels from feature columns need kind: multilabel (got {task.Kind.ToString().ToLowerInvariant()})");
        var features = nodeTypes[type].Features
            ?? throw _at.Error(at, $"node type '{task.NodeType}' has no features to take labels from");

        IReadOnlyList<int> columns;
        if (spec.Columns is { } given)
        {
            for (int k = 0; k < given.Count; k++)
                if (given[k] >= features.Dim)
                    throw _at.Error($"{at}.columns[{k}]", $"column {given[k]} is out of range ('{task.NodeType}' features have {features.Dim} columns)");
            columns = given;
        }
        else
        {
            int top = spec.Top!.Value;
            if (top > features.Dim)
                throw _at.Error(at + ".top", $"expected at most {features.Dim} columns ('{task.NodeType}' features have {features.Dim}; got {top})");
            var counts = FeatureColumns.CountAbove(features, spec.Threshold);
            columns = Enumerable.Range(0, features.Dim).OrderByDescending(c => counts[c]).ThenBy(c => c).Take(top).ToArray();
            int empty = columns.Count(c => counts[c] == 0);
            if (empty > 0)
                throw _at.Error(at + ".top", $"only {top - empty} '{task.NodeType}' feature columns have a value above {spec.Threshold} (asked for {top})");
        }
        if (task.NumClasses is int n && n != columns.Count)
            throw _at.Error(key + ".num_classes", $"expected {columns.Count} classes, one per chosen column (got {n})");
        if (task.ClassNames is { } names && names.Count != columns.Count)
            throw _at.Error(key + ".class_names", $"expected {columns.Count} class names, one per chosen column (got {names.Count})");

        MarkLabelColumns(type, columns);
        for (int i = 0; i < spec.RemoveFrom.Count; i++)
        {
            string other = spec.RemoveFrom[i];
            string otherKey = $"{at}.remove_from[{i}]";
            int t = TypeIndex(other, otherKey);
            var otherFeatures = nodeTypes[t].Features ?? throw _at.Error(otherKey, $"node type '{other}' has no features to remove columns from");
            if (otherFeatures.Dim != features.Dim)
                throw _at.Error(otherKey, $"'{other}' features have {otherFeatures.Dim} columns (expected {features.Dim}, as '{task.NodeType}', to share its column numbering)");
            MarkLabelColumns(t, columns);
        }

        var values = FeatureColumns.Above(features, columns, spec.Threshold);
        var labelled = new bool[features.Rows];
        Array.Fill(labelled, true);
        var classNames = task.ClassNames ?? columns.Select(c => $"col {c}").ToArray();
        return (new LabelArrays(columns.Count, values, labelled), classNames);
    }

    private void MarkLabelColumns(int type, IEnumerable<int> columns)
    {
        if (!_labelColumns.TryGetValue(type, out var set)) _labelColumns[type] = set = [];
        set.UnionWith(columns);
    }

    /// <summary>The node types with every column that became a label removed from their features.</summary>
    private List<NodeType> RemoveLabelColumns(List<NodeType> nodeTypes)
    {
        if (_labelColumns.Count == 0) return nodeTypes;
        return nodeTypes.Select((t, i) => _labelColumns.TryGetValue(i, out var drop) ? t.WithFeatures(FeatureColumns.Without(t.Features!, drop)) : t).ToList();
    }
}
