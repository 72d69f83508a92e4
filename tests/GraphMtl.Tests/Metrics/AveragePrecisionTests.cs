using GraphMtl.Metrics;

namespace GraphMtl.Tests.Metrics;

public sealed class AveragePrecisionTests
{
    public sealed class TheBinaryMethod
    {
        [Fact]
        public void Should_Match_The_Sklearn_Example()
        {
            // Given sklearn's average_precision_score example
            int[] yTrue = [0, 0, 1, 1];
            double[] scores = [0.1, 0.4, 0.35, 0.8];

            // When
            var ap = AveragePrecision.Binary(yTrue, scores);

            // Then thresholds 0.8 (P 1, R 1/2), 0.4 (P 1/2, R 1/2), 0.35 (P 2/3, R 1), 0.1 (P 1/2, R 1):
            //   (1/2 − 0)·1 + 0 + (1 − 1/2)·2/3 + 0 = 1/2 + 1/3 = 5/6 (sklearn prints 0.83)
            Assert.Equal(5.0 / 6.0, ap, 12);
        }

        [Fact]
        public void Should_Group_Tied_Scores_Into_One_Threshold()
        {
            // Given all scores tied
            // When
            var ap = AveragePrecision.Binary([0, 1, 0, 1], [0.5f, 0.5f, 0.5f, 0.5f]);

            // Then one threshold: R goes 0 -> 1 at precision 2/4
            Assert.Equal(0.5, ap, 12);
        }

        [Fact]
        public void Should_Not_Reward_Positives_Listed_First_Within_A_Tie()
        {
            // Given ties between a positive and a negative at 0.9 and at 0.5
            int[] yTrue = [1, 0, 1, 0, 1];
            float[] scores = [0.9f, 0.9f, 0.5f, 0.5f, 0.1f];

            // When
            var ap = AveragePrecision.Binary(yTrue, scores);

            // Then thresholds 0.9 (tp 1, fp 1), 0.5 (tp 2, fp 2), 0.1 (tp 3, fp 2), each adding recall 1/3:
            //   1/3·1/2 + 1/3·2/4 + 1/3·3/5 = 1/6 + 1/6 + 1/5 = 8/15 (ranking positives first within a tie would give 1/3 + 2/9 + 1/5 = 34/45)
            Assert.Equal(8.0 / 15.0, ap, 12);
        }

        [Fact]
        public void Should_Return_One_When_There_Is_No_Negative()
        {
            // Given / When / Then every threshold has precision 1
            Assert.Equal(1.0, AveragePrecision.Binary([1, 1, 1], [0.2f, 0.9f, 0.2f]), 12);
        }

        [Fact]
        public void Should_Return_NaN_When_There_Is_No_Positive()
        {
            // Given / When / Then (sklearn warns and returns 0; recall is undefined)
            Assert.True(double.IsNaN(AveragePrecision.Binary([0, 0, 0], [0.2f, 0.9f, 0.4f])));
        }

        [Fact]
        public void Should_Equal_The_Definition_Over_Distinct_Thresholds()
        {
            // Given 300 random samples whose scores take 11 values
            var random = new Random(7);
            var yTrue = new int[300];
            var scores = new double[300];
            for (var i = 0; i < yTrue.Length; i++)
            {
                yTrue[i] = random.Next(3) == 0 ? 1 : 0;
                scores[i] = Math.Round(random.NextDouble() + 0.2 * yTrue[i], 1);
            }

            // When
            var ap = AveragePrecision.Binary(yTrue, scores);

            // Then it equals Σ (R_n − R_{n−1}) P_n computed by scanning all samples at each distinct threshold (O(n²))
            var positives = yTrue.Sum();
            double expected = 0, recallPrev = 0;
            foreach (var threshold in scores.Distinct().OrderDescending())
            {
                int tp = 0, selected = 0;
                for (var i = 0; i < scores.Length; i++)
                {
                    if (scores[i] < threshold) continue;
                    selected++;
                    tp += yTrue[i];
                }
                var recall = (double)tp / positives;
                expected += (recall - recallPrev) * tp / selected;
                recallPrev = recall;
            }
            Assert.Equal(expected, ap, 12);
        }
    }

    public sealed class TheOneVsRestMethod
    {
        [Fact]
        public void Should_Match_The_Sklearn_Multi_Class_Example()
        {
            // Given sklearn's multi-class average_precision_score example
            int[] yTrue = [0, 0, 1, 1, 2, 2];
            float[] scores =
            [
                0.7f, 0.2f, 0.1f,
                0.4f, 0.3f, 0.3f,
                0.1f, 0.8f, 0.1f,
                0.2f, 0.3f, 0.5f,
                0.4f, 0.4f, 0.2f,
                0.1f, 0.2f, 0.7f,
            ];

            // When
            var ap = AveragePrecision.OneVsRest(yTrue, scores, numClasses: 3);

            // Then class 0: 0.7 (pos) -> 1/2·1; 0.4 (pos and neg tied) -> 1/2·2/3; AP 5/6
            //   class 1: 0.8 (pos) -> 1/2·1; 0.4 (neg); 0.3 (pos and neg) -> 1/2·2/4; AP 3/4
            //   class 2: 0.7 (pos) -> 1/2·1; 0.5, 0.3 (neg); 0.2 (pos) -> 1/2·2/4; AP 3/4
            //   (5/6 + 3/4 + 3/4) / 3 = 7/9 (sklearn prints 0.77)
            Assert.Equal(7.0 / 9.0, ap, 12);
        }

        [Fact]
        public void Should_Skip_Classes_Without_Positives()
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
            var ap = AveragePrecision.OneVsRest(yTrue, scores, numClasses: 3);

            // Then class 0: 0.6 (pos) -> 1/2·1; 0.5 (neg); 0.3 (pos) -> 1/2·2/3; AP 5/6;
            //   class 1: both positives on top -> 1; class 2 skipped; (5/6 + 1) / 2 = 11/12
            Assert.Equal(11.0 / 12.0, ap, 12);
        }
    }

    public sealed class TheMultiLabelMethod
    {
        [Fact]
        public void Should_Average_Label_Columns_With_A_Positive()
        {
            // Given [4 × 3] indicators; column 1 has no positive
            int[] yTrue = [1, 0, 0, /**/ 0, 0, 1, /**/ 1, 0, 1, /**/ 0, 0, 0];
            float[] scores = [0.9f, 0.1f, 0.2f, /**/ 0.4f, 0.2f, 0.8f, /**/ 0.4f, 0.3f, 0.1f, /**/ 0.1f, 0.7f, 0.3f];

            // When
            var ap = AveragePrecision.MultiLabel(yTrue, scores, numLabels: 3);

            // Then column 0: 0.9 (pos) -> 1/2·1; 0.4 (pos and neg) -> 1/2·2/3; AP 5/6;
            //   column 1 skipped; column 2: 0.8 (pos) -> 1/2·1; 0.3, 0.2 (neg); 0.1 (pos) -> 1/2·2/4; AP 3/4;
            //   (5/6 + 3/4) / 2 = 19/24
            Assert.Equal(19.0 / 24.0, ap, 12);
        }
    }
}
