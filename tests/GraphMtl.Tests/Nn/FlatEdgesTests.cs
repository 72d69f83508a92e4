using GraphMtl.Graphs;
using GraphMtl.Nn;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Nn;

public sealed class FlatEdgesTests
{
    public sealed class TheOfMethod
    {
        [Fact]
        public void Should_Flatten_Every_Relation_Into_Global_And_Relation_Spaces()
        {
            // Given
            var graph = TinyGraphs.Mixed();
            using var g = GraphTensors.From(graph, CPU);

            // When
            var flat = FlatEdges.Of(g);

            // Then sizes and offsets: a(5) b(6) c(3); relation blocks by destination type: a ← b→a; b ← a→b, b→b, c→b
            Assert.Same(flat, FlatEdges.Of(g));
            Assert.Equal(14, flat.NodeCount);
            Assert.Equal(graph.EdgeCount, flat.EdgeCount);
            Assert.Equal(new long[] { 0, 5, 11, 14 }, flat.NodeOffsets);
            Assert.Equal(new long[] { 0, 5, 11, 17 }, flat.RelationSourceOffsets);
            Assert.Equal(new long[] { 5, 0, 11, 17 }, flat.RelationDestinationOffsets);
            Assert.Equal(new[] { new[] { 1 }, new[] { 0, 2, 3 }, Array.Empty<int>() }, flat.Incoming.Select(r => r.ToArray()));
            Assert.Equal(new[] { new[] { 0 }, new[] { 1, 2 }, new[] { 3 } }, flat.Outgoing.Select(r => r.ToArray()));
            Assert.Equal(23, flat.RelationDestination.Count);
            Assert.Equal(20, flat.RelationSource.Count);

            // every host edge appears once, with consistent indices in all spaces
            var rel = flat.Relation.data<long>().ToArray();
            var src = flat.Source.Index.data<long>().ToArray();
            var dst = flat.Destination.Index.data<long>().ToArray();
            var relSrc = flat.RelationSource.Index.data<long>().ToArray();
            var relDst = flat.RelationDestination.Index.data<long>().ToArray();
            var expected = graph.Relations.SelectMany((r, i) => r.Src.Zip(r.Dst, (s, d) => (i, s, d))).OrderBy(t => t).ToList();
            var actual = new List<(int, int, int)>();
            for (int e = 0; e < rel.Length; e++)
            {
                int r = (int)rel[e];
                var rt = g.Relations[r];
                int s = (int)(src[e] - flat.NodeOffsets[rt.SrcType]);
                int d = (int)(dst[e] - flat.NodeOffsets[rt.DstType]);
                Assert.Equal(flat.RelationSourceOffsets[r] + s, relSrc[e]);
                Assert.Equal(flat.RelationDestinationOffsets[r] + d, relDst[e]);
                actual.Add((r, s, d));
            }
            Assert.Equal(expected, actual.OrderBy(t => t).ToList());
            // sorted by destination
            Assert.Equal(dst.Order().ToArray(), dst);
        }
    }

    public sealed class TheProjectRelationSourcesMethod
    {
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Should_Fill_Each_Relation_Block_With_Its_Own_Projection(bool withBias)
        {
            // Given relations whose source types interleave (c, b, b, a), per-type rows and a weight (and bias) per relation
            var mixed = TinyGraphs.Mixed();
            var graph = new HeteroGraph("interleaved", mixed.NodeTypes, mixed.Relations.Reverse().ToList(), []);
            using var g = GraphTensors.From(graph, CPU);
            var flat = FlatEdges.Of(g);
            // relations c→b, b→b, b→a, a→b: blocks by source type, then relation: a (r3) | b (r1, r2) | c (r0)
            Assert.Equal(new long[] { 17, 5, 11, 0 }, flat.RelationSourceOffsets);

            manual_seed(3);
            var x = g.Nodes.Select(n => randn(n.Count, 4)).ToArray();
            var w = randn(flat.RelationCount, 4, 3);
            var b = withBias ? randn(flat.RelationCount, 3) : null;

            // When
            var rows = flat.ProjectRelationSources(x, w, b);

            // Then block r (at RelationSourceOffsets[r]) is x_src(r) W_r + b_r
            Assert.Equal(new long[] { flat.RelationSource.Count, 3 }, rows.shape);
            for (int r = 0; r < flat.RelationCount; r++)
            {
                var src = x[flat.RelationSourceTypes[r]];
                var expected = src.matmul(w[r]);
                if (b is not null) expected = expected + b[r];
                var block = rows.narrow(0, flat.RelationSourceOffsets[r], src.shape[0]);
                Assert.True(allclose(block, expected, rtol: 1e-5, atol: 1e-5), $"relation {r}");
            }
        }
    }

    public sealed class TheRelationsOfMethod
    {
        [Fact]
        public void Should_View_Per_Relation_Rows_Of_A_Type_As_A_Stack()
        {
            var graph = TinyGraphs.Mixed();
            using var g = GraphTensors.From(graph, CPU);
            var flat = FlatEdges.Of(g);

            // in-degree per (relation, destination) via the relation-destination space
            var degrees = flat.RelationDestination.Degree.unsqueeze(1); // [23, 1]
            var perType = flat.SplitRelations(degrees);

            Assert.Equal(new long[] { 1, 5, 1 }, perType[0].shape);
            Assert.Equal(new long[] { 3, 6, 1 }, perType[1].shape);
            Assert.Equal(new long[] { 0, 3, 1 }, perType[2].shape);
            for (int k = 0; k < 3; k++)
            {
                var relation = graph.Relations[flat.Incoming[1][k]];
                var expected = Enumerable.Range(0, 6).Select(v => (float)relation.Dst.Count(d => d == v)).ToArray();
                Assert.Equal(expected, perType[1][k].squeeze(1).data<float>().ToArray());
            }
            Assert.Equal(0f, perType[1][0][5].item<float>()); // b5 gets no a→b edge
        }
    }

    public sealed class TheSplitAndConcatMethods
    {
        [Fact]
        public void Should_Round_Trip_Per_Type_Rows()
        {
            using var g = GraphTensors.From(TinyGraphs.Mixed(), CPU);
            var flat = FlatEdges.Of(g);
            var global = arange(14).unsqueeze(1);

            var parts = flat.SplitNodes(global);

            Assert.Equal(new long[] { 5, 6, 3 }, parts.Select(p => p.shape[0]));
            Assert.Equal(global.data<long>().ToArray(), flat.ConcatNodes(parts).data<long>().ToArray());
        }
    }
}
