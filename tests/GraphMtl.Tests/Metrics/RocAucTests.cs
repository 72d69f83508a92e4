using GraphMtl.Metrics;

namespace GraphMtl.Tests.Metrics;

public sealed class RocAucTests
{
    public sealed class TheBinaryMethod
    {
        [Fact]
        public void Should_Match_The_Sklearn_Example()
        {
            // Given sklearn's roc_auc_score example
            int[] yTrue = [0, 0, 1, 1];
            double[] scores = [0.1, 0.4, 0.35, 0.8];

            // When
            var auc = RocAuc.Binary(yTrue, scores);

            // Then positive-negative pairs ranked right: 0.35 > 0.1, 0.8 > 0.1, 0.8 > 0.4; wrong: 0.35 < 0.4 -> 3/4
            Assert.Equal(0.75, auc, 12);
        }

        [Fact]
        public void Should_Count_Half_For_Every_Tied_Pair()
        {
            // Given all scores tied
            // When
            var auc = RocAuc.Binary([0, 1, 0, 1], [0.5f, 0.5f, 0.5f, 0.5f]);

            // Then the 4 pairs are all ties: 4 · 1/2 / 4 (one diagonal step from (0, 0) to (1, 1))
            Assert.Equal(0.5, auc, 12);
        }

        [Fact]
        public void Should_Handle_Ties_Across_Classes_Like_Sklearn()
        {
            // Given positives at 0.6, 0.9, 0.2 and negatives at 0.2, 0.6, 0.1 (0.6 and 0.2 tie across classes)
            int[] yTrue = [0, 0, 1, 1, 0, 1];
            float[] scores = [0.2f, 0.6f, 0.6f, 0.9f, 0.1f, 0.2f];

            // When
            var auc = RocAuc.Binary(yTrue, scores);

            // Then Mann–Whitney: pos 0.9 beats all 3 -> 3; pos 0.6: beats 0.2, 0.1, ties 0.6 -> 2.5;
            //   pos 0.2: beats 0.1, ties 0.2, loses to 0.6 -> 1.5; U = 7 over 3·3 pairs.
            // Trapezoids over thresholds 0.9, 0.6, 0.2, 0.1 with (fp, tp) = (0,1), (1,2), (2,3), (3,3):
            //   0 + 1·(1+2)/2 + 1·(2+3)/2 + 1·(3+3)/2 = 7, the same 7/9
            Assert.Equal(7.0 / 9.0, auc, 12);
        }

        [Fact]
        public void Should_Return_NaN_When_Only_One_Class_Is_Present()
        {
            // Given / When / Then (sklearn raises; callers skip NaN)
            Assert.True(double.IsNaN(RocAuc.Binary([1, 1, 1], [0.2f, 0.5f, 0.9f])));
            Assert.True(double.IsNaN(RocAuc.Binary([0, 0], [0.2f, 0.5f])));
            Assert.True(double.IsNaN(RocAuc.Binary([], ReadOnlySpan<float>.Empty)));
        }

        [Fact]
        public void Should_Equal_The_Mann_Whitney_Statistic_With_Average_Ranks()
        {
            // Given 500 random samples whose scores take 11 values, so that ties are everywhere
            var random = new Random(20240601);
            var yTrue = new int[500];
            var scores = new double[500];
            for (var i = 0; i < yTrue.Length; i++)
            {
                yTrue[i] = random.Next(2);
                scores[i] = Math.Round(random.NextDouble() + 0.3 * yTrue[i], 1);
            }

            // When
            var auc = RocAuc.Binary(yTrue, scores);

            // Then it equals the O(n²) pair count with ties counting one half
            double u = 0;
            long pairs = 0;
            for (var i = 0; i < yTrue.Length; i++)
            {
                if (yTrue[i] != 1) continue;
                for (var j = 0; j < yTrue.Length; j++)
                {
                    if (yTrue[j] != 0) continue;
                    pairs++;
                    u += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
                }
            }
            Assert.Equal(u / pairs, auc, 12);
        }

        [Fact]
        public void Should_Reject_NaN_Scores()
        {
            // Given / When
            var error = Assert.Throws<ArgumentException>(() => RocAuc.Binary([0, 1], [0.5f, float.NaN]));

            // Then
            Assert.Contains("Expected scores[1] to be a number (got NaN)", error.Message);
        }

        [Fact]
        public void Should_Reject_Labels_Other_Than_Zero_And_One()
        {
            // Given / When / Then
            Assert.Throws<ArgumentException>(() => RocAuc.Binary([0, 2], [0.5f, 0.6f]));
        }
    }

    public sealed class TheOneVsRestMethod
    {
        [Fact]
        public void Should_Average_Classes_That_Have_Positives_And_Negatives()
        {
            // Given classes [0, 1, 0, 1] of 3: class 2 never occurs in yTrue
            int[] yTrue = [0, 1, 0, 1];
            float[] scores =
            [
                0.6f, 0.3f, 0.1f,
                0.2f, 0.5f, 0.3f,
                0.3f, 0.3f, 0.4f,
                0.5f, 0.4f, 0.1f,
            ];

            // When
            var auc = RocAuc.OneVsRest(yTrue, scores, numClasses: 3);

            // Then class 0: pos {0.6, 0.3} vs neg {0.2, 0.5}: 0.6 wins twice, 0.3 beats 0.2 only -> 3/4;
            //   class 1: pos {0.5, 0.4} vs neg {0.3, 0.3} -> 1; class 2 has no positive -> skipped; (3/4 + 1) / 2
            Assert.Equal(0.875, auc, 12);
        }

        [Fact]
        public void Should_Return_NaN_When_No_Class_Qualifies()
        {
            // Given every sample of class 0
            // When / Then
            Assert.True(double.IsNaN(RocAuc.OneVsRest([0, 0], [0.7f, 0.3f, 0.6f, 0.4f], numClasses: 2)));
        }

        [Fact]
        public void Should_Throw_For_A_Class_Out_Of_Range()
        {
            // Given / When
            var error = Assert.Throws<ArgumentException>(() => RocAuc.OneVsRest([0, 2], [0.7f, 0.3f, 0.6f, 0.4f], numClasses: 2));

            // Then
            Assert.Contains("Expected yTrue[1] in [0, 2) (got 2)", error.Message);
        }
    }

    public sealed class TheMultiLabelMethod
    {
        [Fact]
        public void Should_Average_Label_Columns_That_Have_Both_Values()
        {
            // Given [4 × 3] indicators; column 1 is all zero
            int[] yTrue = [1, 0, 0, /**/ 0, 0, 1, /**/ 1, 0, 1, /**/ 0, 0, 0];
            float[] scores = [0.9f, 0.1f, 0.2f, /**/ 0.4f, 0.2f, 0.8f, /**/ 0.4f, 0.3f, 0.1f, /**/ 0.1f, 0.7f, 0.3f];

            // When
            var auc = RocAuc.MultiLabel(yTrue, scores, numLabels: 3);

            // Then column 0: pos {0.9, 0.4} vs neg {0.4, 0.1}: 2 + (1/2 + 1) = 3.5 / 4;
            //   column 1: skipped; column 2: pos {0.8, 0.1} vs neg {0.2, 0.3}: 2 + 0 = 2 / 4; (7/8 + 1/2) / 2 = 11/16
            Assert.Equal(0.6875, auc, 12);
        }
    }
}
