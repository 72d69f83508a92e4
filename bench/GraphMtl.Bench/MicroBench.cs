using System.Diagnostics;
using GraphMtl.Data;
using GraphMtl.Experiments;
using GraphMtl.Graphs;
using GraphMtl.Nn;
using static TorchSharp.torch;

namespace GraphMtl.Bench;

/// <summary>
/// The aggregation primitives on DBLP's flattened graph (26,128 nodes, 239,566 edges of all relations in one
/// global node space), 64-d rows, forward + backward each: the fixed-weight sparse product against
/// index_select + index_add, the blocked learned-weight kernel against its scatter reference, edge softmax with each
/// shift, and the edge dot product. Median milliseconds over the repetitions after warm-up.
/// </summary>
internal static class MicroBench
{
    internal sealed record Settings(string DataRoot, string Spec, int Threads, int Warmup, int Repeats);

    public static ResultTable Run(Settings s, TextWriter log)
    {
        if (s.Threads > 0) set_num_threads(s.Threads);
        var options = (NodeExperimentOptions)ExperimentConfig.Load(null, [$"dataset.spec={s.Spec}"]);
        var graph = DatasetLoader.Load(options.Dataset, DataRoot.Locate(s.DataRoot));
        using var tensors = GraphTensors.From(graph, CPU);
        var flat = FlatEdges.Of(tensors);
        long n = flat.NodeCount, e = flat.EdgeCount;
        const int heads = 8, width = 64;

        manual_seed(0);
        using var x = randn(n, width).requires_grad_(true);
        using var xh = randn(n, heads, width / heads).requires_grad_(true);
        using var w = rand(e).requires_grad_(true);
        using var wh = rand(e, heads).requires_grad_(true);
        using var logits = (randn(e, heads) * 3).requires_grad_(true);
        using var gNode = randn(n, width);
        using var gHeads = randn(n, heads, width / heads);
        using var gEdge = randn(e, heads);

        var cases = new List<(string Name, Func<Tensor> Loss)>
        {
            ("sum, fixed weights: sparse mm [N,64]", () => (Aggregation.Sum.PropagateFixed(x, flat.Source, flat.Destination) * gNode).sum()),
            ("sum, fixed weights: index_select + index_add [N,64]", () => (Aggregation.Sum.Aggregate(x.index_select(0, flat.Source.Index), flat.Destination) * gNode).sum()),
            ("mean, fixed weights: sparse mm [N,64]", () => (Aggregation.Mean.PropagateFixed(x, flat.Source, flat.Destination) * gNode).sum()),
            ("mean, fixed weights: index_select + index_add [N,64]", () => (Aggregation.Mean.Aggregate(x.index_select(0, flat.Source.Index), flat.Destination) * gNode).sum()),
            ("learned weights [E]: blocked kernel [N,64]", () => (MessagePassing.WeightedSum(x, flat.Source, flat.Destination, w) * gNode).sum()),
            ("learned weights [E]: scatter (index_select · w, index_add) [N,64]", () => (MessagePassing.WeightedSum(x, flat.Source, flat.Destination, w, MessageKernel.Scatter) * gNode).sum()),
            ("attention [E,8]: blocked kernel [N,8,8]", () => (MessagePassing.WeightedSum(xh, flat.Source, flat.Destination, wh) * gHeads).sum()),
            ("attention [E,8]: scatter [N,8,8]", () => (MessagePassing.WeightedSum(xh, flat.Source, flat.Destination, wh, MessageKernel.Scatter) * gHeads).sum()),
            ("edge softmax [E,8], global shift", () => (EdgeSoftmax.Softmax(logits, flat.Destination, SoftmaxShift.GlobalMax) * gEdge).sum()),
            ("edge softmax [E,8], exact per-node shift", () => (EdgeSoftmax.Softmax(logits, flat.Destination, SoftmaxShift.GroupMax) * gEdge).sum()),
            ("edge softmax [E,8], auto (default)", () => (EdgeSoftmax.Softmax(logits, flat.Destination) * gEdge).sum()),
            ("edge dot [E,8] of [N,8,8] rows: blocked", () => (MessagePassing.EdgeDot(xh, flat.Destination, xh, flat.Source) * gEdge).sum()),
            ("edge dot [E,8] of [N,8,8] rows: scatter", () => (MessagePassing.EdgeDot(xh, flat.Destination, xh, flat.Source, MessageKernel.Scatter) * gEdge).sum()),
        };

        var table = new ResultTable($"Aggregation primitives ({graph.Name}: {n:N0} nodes, {e:N0} edges, forward + backward)",
            ["primitive", "median ms", "min ms", "load avg (1 min)"]);
        var clock = new Stopwatch();
        foreach (var (name, loss) in cases)
        {
            log.WriteLine($"micro: {name} (load {MachineInfo.LoadAverages()})");
            var times = new List<double>();
            for (int r = 0; r < s.Warmup + s.Repeats; r++)
            {
                clock.Restart();
                using (var scope = NewDisposeScope())
                {
                    loss().backward();
                }
                if (r >= s.Warmup) times.Add(clock.Elapsed.TotalMilliseconds);
                foreach (var p in new[] { x, xh, w, wh, logits }) p.grad?.zero_();
            }
            table.Add(name, ResultTable.Number(Stats.Median(times), 1), ResultTable.Number(Stats.Min(times), 1),
                ResultTable.Number(ProcessStats.LoadAverage(), 2));
        }
        table.Notes.Add($"{get_num_threads()} threads; {s.Warmup} warm-up repetitions, then {s.Repeats}; every case is loss = Σ(out ⊙ g) for a fixed " +
                        "random g, then backward (gradients to the rows and, where learned, to the edge weights or logits). " +
                        "Cached structure (sparse adjacency, max layout) is built during warm-up, as it is once per graph in training.");
        return table;
    }
}
