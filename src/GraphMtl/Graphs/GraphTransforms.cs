namespace GraphMtl.Graphs;

/// <summary>Schema-level graph transforms: reverse relations, self-loop relations, dropping node types, features or relations, keeping tasks.</summary>
public static class GraphTransforms
{
    /// <summary>
    /// Adds the reverse of every relation that has none yet. A relation D→S already counts as the reverse of S→D when
    /// it holds exactly the reversed edge set (true for HGB's DBLP, IMDB and ACM link types), so nothing is duplicated.
    /// </summary>
    public static HeteroGraph AddReverseRelations(this HeteroGraph graph)
    {
        var relations = graph.Relations.ToList();
        var names = relations.Select(r => r.Type.ToString()).ToHashSet();
        foreach (var r in graph.Relations)
        {
            if (r.Kind == RelationKind.SelfLoop) continue;
            bool hasReverse = graph.Relations.Any(o => !ReferenceEquals(o, r) && o.Type.Src == r.Type.Dst && o.Type.Dst == r.Type.Src && IsReverseOf(o, r));
            if (hasReverse) continue;
            var rev = r.Reversed();
            // A same-named relation (e.g. a symmetric co-author relation) cannot get a separate reverse.
            if (rev.Type.Src == r.Type.Src && IsReverseOf(r, r)) continue;
            if (!names.Add(rev.Type.ToString())) continue;
            relations.Add(rev);
        }
        return graph.WithRelations(relations);
    }

    /// <summary>Adds one self-loop relation <c>t__self__t</c> per listed node type (one identity edge per node).</summary>
    public static HeteroGraph AddSelfLoops(this HeteroGraph graph, IEnumerable<string> nodeTypes)
    {
        var relations = graph.Relations.ToList();
        foreach (var name in nodeTypes)
        {
            var type = graph.NodeType(name);
            var loop = new EdgeType(name, "self", name);
            if (relations.Any(r => r.Type == loop)) continue;
            var ids = Enumerable.Range(0, type.Count).ToArray();
            relations.Add(new Relation(loop, ids, (int[])ids.Clone(), RelationKind.SelfLoop));
        }
        return graph.WithRelations(relations);
    }

    /// <summary>Removes node types and every relation touching them; tasks on them are an error.</summary>
    public static HeteroGraph DropNodeTypes(this HeteroGraph graph, IEnumerable<string> nodeTypes)
    {
        var drop = nodeTypes.ToHashSet();
        foreach (var name in drop) graph.NodeType(name); // unknown names are errors
        foreach (var task in graph.Tasks)
            if (drop.Contains(task.NodeType))
                throw new GraphMtlException($"Cannot drop node type '{task.NodeType}': task '{task.Name}' lives on it.");
        return new HeteroGraph(graph.Name,
            graph.NodeTypes.Where(t => !drop.Contains(t.Name)).ToList(),
            graph.Relations.Where(r => !drop.Contains(r.Type.Src) && !drop.Contains(r.Type.Dst)).ToList(),
            graph.Tasks);
    }

    /// <summary>
    /// Removes the input features of the listed node types, which become featureless (the model then learns an
    /// embedding or reads one-hot ids, <c>model.featureless</c>); e.g. InLINE's identity author features on DBLP.
    /// </summary>
    public static HeteroGraph DropFeatures(this HeteroGraph graph, IEnumerable<string> nodeTypes)
    {
        var drop = nodeTypes.ToHashSet();
        foreach (var name in drop) graph.NodeType(name); // unknown names are errors
        return graph.WithNodeTypes(graph.NodeTypes.Select(t => drop.Contains(t.Name) ? t.WithFeatures(null) : t).ToList());
    }

    /// <summary>Removes relations by name (<c>rel</c> or <c>src__rel__dst</c>); unknown or ambiguous names are user errors.</summary>
    public static HeteroGraph DropRelations(this HeteroGraph graph, IEnumerable<string> relations)
    {
        var drop = relations.Select(graph.Relation).ToHashSet();
        return graph.WithRelations(graph.Relations.Where(r => !drop.Contains(r)).ToList());
    }

    /// <summary>Keeps only the named tasks, in the given order; an unknown name is a user error.</summary>
    public static HeteroGraph SelectTasks(this HeteroGraph graph, IReadOnlyList<string> taskNames) =>
        graph.WithTasks(taskNames.Select(graph.Task).ToList());

    /// <summary>True when <paramref name="b"/>'s edges are exactly <paramref name="a"/>'s edges reversed (as multisets of pairs).</summary>
    public static bool IsReverseOf(Relation b, Relation a)
    {
        if (a.EdgeCount != b.EdgeCount) return false;
        var x = new long[a.EdgeCount];
        var y = new long[b.EdgeCount];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = ((long)a.Src[i] << 32) | (uint)a.Dst[i];
            y[i] = ((long)b.Dst[i] << 32) | (uint)b.Src[i];
        }
        Array.Sort(x);
        Array.Sort(y);
        return x.AsSpan().SequenceEqual(y);
    }
}
