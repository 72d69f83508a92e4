using GraphMtl.Nn;

namespace GraphMtl.Tests.Nn;

[Collection(EngineCollection.Name)]
public sealed class EdgeGroupsTests
{
    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheGroupMaxPerEdgeMethod
    {
        [Fact]
        public void Should_Equal_The_Maximum_Of_Each_Edge_Group_Under_Skewed_Degrees()
        {
            // Given one hub with 100 edges, groups of degree 1..5 and groups without edges, in shuffled order
            var rng = new Random(7);
            var index = Enumerable.Repeat(0L, 100)
                .Concat(Enumerable.Range(1, 5).SelectMany(g => Enumerable.Repeat((long)g, g)))
                .Concat([9L, 9L, 9L])
                .OrderBy(_ => rng.Next()).ToArray();
            using var groups = new EdgeGroups(tensor(index), 12);
            manual_seed(7);
            var values = randn(index.Length, 3);

            // When
            var max = groups.GroupMaxPerEdge(values);

            // Then
            var v = values.data<float>().ToArray();
            var m = max.data<float>().ToArray();
            for (int e = 0; e < index.Length; e++)
                for (int h = 0; h < 3; h++)
                {
                    float expected = Enumerable.Range(0, index.Length).Where(f => index[f] == index[e]).Max(f => v[f * 3 + h]);
                    Assert.Equal(expected, m[e * 3 + h]);
                }
        }

        [Fact]
        public void Should_Not_Track_Gradients()
        {
            using var groups = new EdgeGroups(tensor(new long[] { 0, 0, 1 }), 2);
            var values = randn(3, 2).requires_grad_(true);

            Assert.False(groups.GroupMaxPerEdge(values).requires_grad);
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheDegreeProperty
    {
        [Fact]
        public void Should_Count_Edges_Per_Row_Including_Empty_Rows()
        {
            using var groups = new EdgeGroups(tensor(new long[] { 2, 0, 2, 2 }), 4);

            Assert.Equal(new float[] { 1, 0, 3, 0 }, groups.Degree.data<float>().ToArray());
            Assert.Equal(new[] { true, false, true, false }, groups.HasEdges.data<bool>().ToArray());
        }
    }

    [Collection(EngineCollection.Name)] // nested classes do not inherit the outer class\'s collection
    public sealed class TheConstructor
    {
        [Fact]
        public void Should_Reject_A_Non_Long_Index()
        {
            Assert.Throws<ArgumentException>(() => new EdgeGroups(tensor(new float[] { 0, 1 }), 2));
        }
    }
}
