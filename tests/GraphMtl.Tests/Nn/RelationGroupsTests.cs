using GraphMtl.Nn;

namespace GraphMtl.Tests.Nn;

public sealed class RelationGroupsTests
{
    public sealed class TheCombineMethod
    {
        [Fact]
        public void Should_Sum_Average_Or_Keep_The_Stack()
        {
            var stacked = tensor(new float[] { 1, 2, 3, 4, 5, 6 }).view(2, 3, 1);

            Assert.Equal(new float[] { 5, 7, 9 }, RelationGroups.Combine(stacked, RelationGroup.Sum).flatten().data<float>().ToArray());
            Assert.Equal(new float[] { 2.5f, 3.5f, 4.5f }, RelationGroups.Combine(stacked, RelationGroup.Mean).flatten().data<float>().ToArray());
            Assert.Equal(new long[] { 2, 3, 1 }, RelationGroups.Combine(stacked, RelationGroup.Stack).shape);
        }

        [Fact]
        public void Should_Give_Zeros_When_No_Relation_Reaches_The_Type()
        {
            var empty = zeros(0, 3, 2);

            Assert.Equal(new long[] { 3, 2 }, RelationGroups.Combine(empty, RelationGroup.Mean).shape);
            Assert.Equal(0f, RelationGroups.Combine(empty, RelationGroup.Sum).abs().sum().item<float>());
        }
    }
}
