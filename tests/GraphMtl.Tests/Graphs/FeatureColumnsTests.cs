using GraphMtl.Graphs;

namespace GraphMtl.Tests.Graphs;

public sealed class FeatureColumnsTests
{
    // 3 x 3; row 2 holds column 0 twice (1 + 1 = 2) and a zero entry in column 2.
    private static SparseFeatures Sparse() => new(3, 3, [0, 1, 2, 2, 2], [1, 1, 0, 0, 2], [0.5f, 3f, 1f, 1f, 0f]);

    private static DenseFeatures Dense() => new(2, 3, [0f, 2f, 1f, 4f, 0f, 0.5f]);

    [Fact]
    public void Should_Count_Rows_Above_The_Threshold_Per_Column()
    {
        Assert.Equal([1, 2, 0], FeatureColumns.CountAbove(Sparse(), 0));
        Assert.Equal([1, 1, 0], FeatureColumns.CountAbove(Sparse(), 1)); // row 2's summed 2 counts, 0.5 does not
        Assert.Equal([1, 1, 2], FeatureColumns.CountAbove(Dense(), 0));
    }

    [Fact]
    public void Should_Mark_Rows_Above_The_Threshold_In_The_Given_Column_Order()
    {
        Assert.Equal([1, 0, 1, 0, 0, 1], FeatureColumns.Above(Sparse(), [1, 0], 0));
        Assert.Equal([1, 1, 0, 0], FeatureColumns.Above(Dense(), [2, 1], 0.75));
    }

    [Fact]
    public void Should_Reject_A_Column_Out_Of_Range_Or_A_Negative_Threshold()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureColumns.Above(Dense(), [3], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureColumns.CountAbove(Dense(), -0.5));
    }

    [Fact]
    public void Should_Drop_Columns_And_Renumber_The_Rest()
    {
        var dense = Assert.IsType<DenseFeatures>(FeatureColumns.Without(Dense(), new HashSet<int> { 1 }));
        Assert.Equal((2, 2), (dense.Rows, dense.Dim));
        Assert.Equal([0f, 1f, 4f, 0.5f], dense.Values);

        var sparse = Assert.IsType<SparseFeatures>(FeatureColumns.Without(Sparse(), new HashSet<int> { 0 }));
        Assert.Equal((3, 2), (sparse.Rows, sparse.Dim));
        Assert.Equal([(0, 0, 0.5f), (1, 0, 3f), (2, 1, 0f)], sparse.RowIndex.Select((r, i) => (r, sparse.ColIndex[i], sparse.Values[i])));
    }
}
