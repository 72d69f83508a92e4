using GraphMtl.Metrics;

namespace GraphMtl.Tests.Metrics;

public sealed class AccuracyTests
{
    public sealed class TheScoreMethod
    {
        [Fact]
        public void Should_Return_The_Fraction_Of_Equal_Labels()
        {
            // Given samples 0 and 2 right, 1 and 3 wrong
            int[] yTrue = [0, 1, 2, 2];
            int[] yPred = [0, 2, 2, 1];

            // When
            var accuracy = Accuracy.Score(yTrue, yPred);

            // Then 2 / 4
            Assert.Equal(0.5, accuracy, 12);
        }

        [Fact]
        public void Should_Return_NaN_For_No_Samples()
        {
            // Given / When
            var accuracy = Accuracy.Score([], []);

            // Then
            Assert.True(double.IsNaN(accuracy));
        }

        [Fact]
        public void Should_Throw_When_Lengths_Differ()
        {
            // Given / When
            var error = Assert.Throws<ArgumentException>(() => Accuracy.Score([0, 1], [0]));

            // Then
            Assert.Contains("Expected yPred to have 2 entries (got 1)", error.Message);
        }
    }

    public sealed class TheSubsetMethod
    {
        [Fact]
        public void Should_Count_A_Row_Only_When_All_Its_Labels_Are_Right()
        {
            // Given three rows of three labels; row 1 has one wrong label (column 2), row 2 has one (column 1)
            int[] yTrue = [1, 0, 1, /**/ 0, 1, 0, /**/ 1, 1, 0];
            int[] yPred = [1, 0, 1, /**/ 0, 1, 1, /**/ 1, 0, 0];

            // When
            var accuracy = Accuracy.Subset(yTrue, yPred, numLabels: 3);

            // Then only row 0 counts: 1 / 3 (the per-cell accuracy would be 7 / 9)
            Assert.Equal(1.0 / 3.0, accuracy, 12);
        }

        [Fact]
        public void Should_Throw_When_The_Length_Is_Not_Whole_Rows()
        {
            // Given / When / Then
            Assert.Throws<ArgumentException>(() => Accuracy.Subset([1, 0, 1, 0], [1, 0, 1, 0], numLabels: 3));
        }
    }
}
