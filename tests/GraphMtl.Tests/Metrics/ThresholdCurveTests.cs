using GraphMtl.Metrics;

namespace GraphMtl.Tests.Metrics;

public sealed class ThresholdCurveTests
{
    public sealed class TheForBinaryMethod
    {
        [Fact]
        public void Should_Match_Sklearns_Binary_Clf_Curve()
        {
            // Given sklearn's example y = [0, 0, 1, 1], s = [0.1, 0.4, 0.35, 0.8]
            // When
            var curve = ThresholdCurve.ForBinary([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);

            // Then thresholds decrease; at 0.8 one positive, at 0.4 one negative joins, and so on
            Assert.Equal([0.8, 0.4, 0.35, 0.1], curve.Thresholds);
            Assert.Equal([1, 1, 2, 2], curve.TruePositives);
            Assert.Equal([0, 1, 1, 2], curve.FalsePositives);
            Assert.Equal(2, curve.Positives);
            Assert.Equal(2, curve.Negatives);
        }

        [Fact]
        public void Should_Make_Tied_Scores_One_Threshold()
        {
            // Given two positives and two negatives at the same score
            // When
            var curve = ThresholdCurve.ForBinary([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]);

            // Then a single point (2 tp, 2 fp)
            Assert.Equal([0.5], curve.Thresholds);
            Assert.Equal([2], curve.TruePositives);
            Assert.Equal([2], curve.FalsePositives);
        }

        [Fact]
        public void Should_Be_Empty_For_No_Samples()
        {
            // Given / When
            var curve = ThresholdCurve.ForBinary([], ReadOnlySpan<double>.Empty);

            // Then
            Assert.Empty(curve.Thresholds);
            Assert.Equal(0, curve.Positives);
            Assert.Equal(0, curve.Negatives);
        }
    }

    public sealed class TheForClassMethod
    {
        [Fact]
        public void Should_Read_One_Column_Against_The_Rest()
        {
            // Given classes [0, 1, 1] and a [3 × 2] score matrix
            float[] scores = [0.9f, 0.1f, /**/ 0.2f, 0.8f, /**/ 0.6f, 0.4f];

            // When class 1's column [0.1, 0.8, 0.4] is ranked
            var curve = ThresholdCurve.ForClass([0, 1, 1], scores, numClasses: 2, c: 1);

            // Then 0.8 (pos), 0.4 (pos), 0.1 (neg)
            Assert.Equal([1, 2, 2], curve.TruePositives);
            Assert.Equal([0, 0, 1], curve.FalsePositives);
        }
    }

    public sealed class TheForLabelMethod
    {
        [Fact]
        public void Should_Read_One_Label_Column()
        {
            // Given [3 × 2] indicators and scores
            int[] yTrue = [1, 0, /**/ 0, 1, /**/ 0, 0];
            float[] scores = [0.3f, 0.7f, /**/ 0.6f, 0.5f, /**/ 0.2f, 0.5f];

            // When column 1 (labels [0, 1, 0], scores [0.7, 0.5, 0.5]) is ranked
            var curve = ThresholdCurve.ForLabel(yTrue, scores, numLabels: 2, c: 1);

            // Then 0.7 (neg), then 0.5 (pos and neg tied)
            Assert.Equal([0, 1], curve.TruePositives);
            Assert.Equal([1, 2], curve.FalsePositives);
        }
    }
}
