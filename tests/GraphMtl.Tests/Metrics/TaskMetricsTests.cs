using GraphMtl.Graphs;
using GraphMtl.Metrics;

namespace GraphMtl.Tests.Metrics;

public sealed class TaskMetricsTests
{
    public sealed class TheKeysProperty
    {
        [Fact]
        public void Should_List_The_Five_Metrics_In_Order()
        {
            // Given / When / Then
            Assert.Equal(["accuracy", "macro_f1", "micro_f1", "roc_auc", "ap"], TaskMetrics.Keys);
        }
    }

    public sealed class TheHigherIsBetterMethod
    {
        [Theory]
        [InlineData("accuracy")]
        [InlineData("macro_f1")]
        [InlineData("micro_f1")]
        [InlineData("roc_auc")]
        [InlineData("ap")]
        public void Should_Be_True_For_Every_Computed_Metric(string key)
        {
            // Given / When / Then
            Assert.True(TaskMetrics.HigherIsBetter(key));
        }

        [Fact]
        public void Should_Be_False_For_Loss()
        {
            // Given / When / Then
            Assert.False(TaskMetrics.HigherIsBetter("loss"));
        }

        [Fact]
        public void Should_Throw_And_List_The_Keys_For_An_Unknown_Key()
        {
            // Given / When
            var error = Assert.Throws<ArgumentException>(() => TaskMetrics.HigherIsBetter("auc"));

            // Then
            Assert.Contains("Expected a metric key among accuracy, macro_f1, micro_f1, roc_auc, ap, loss (got 'auc')", error.Message);
        }
    }

    public sealed class TheComputeMethod
    {
        // sklearn's multi-class average_precision_score example: 6 samples, 3 classes, probabilities.
        private static readonly int[] SixTrue = [0, 0, 1, 1, 2, 2];
        private static readonly float[] SixScores =
        [
            0.7f, 0.2f, 0.1f,
            0.4f, 0.3f, 0.3f,
            0.1f, 0.8f, 0.1f,
            0.2f, 0.3f, 0.5f,
            0.4f, 0.4f, 0.2f,
            0.1f, 0.2f, 0.7f,
        ];

        [Fact]
        public void Should_Compute_Multi_Class_Metrics()
        {
            // Given the example above
            // When
            var metrics = TaskMetrics.Compute(TaskKind.MultiClass, 3, SixTrue, SixScores);

            // Then argmax (first on ties: row 4 -> 0) = [0, 0, 1, 2, 0, 2]; 4 of 6 right.
            //   F1: class 0 tp 2, fp 1 -> 4/5; class 1 tp 1, fn 1 -> 2/3; class 2 tp 1, fp 1, fn 1 -> 1/2;
            //   macro (4/5 + 2/3 + 1/2) / 3 = 59/90; micro = accuracy.
            //   AUC one-vs-rest, pairs (pos, neg): class 0: 0.7 beats 4, 0.4 beats 3 and ties 1 -> 7.5/8;
            //   class 1: 0.8 beats 4, 0.3 beats 2, ties 1 -> 6.5/8; class 2: 0.7 beats 4, 0.2 beats 2 -> 6/8;
            //   mean 2.5 / 3 = 5/6.  AP: 7/9 (see AveragePrecisionTests).
            Assert.Equal(2.0 / 3.0, metrics["accuracy"], 12);
            Assert.Equal(59.0 / 90.0, metrics["macro_f1"], 12);
            Assert.Equal(2.0 / 3.0, metrics["micro_f1"], 12);
            Assert.Equal(5.0 / 6.0, metrics["roc_auc"], 12);
            Assert.Equal(7.0 / 9.0, metrics["ap"], 12);
            Assert.Equal(TaskMetrics.Keys, metrics.Keys);
        }

        [Fact]
        public void Should_Leave_Out_A_Class_That_Never_Occurs()
        {
            // Given the same task with a fourth class that no sample has and no row predicts (score 0)
            var scores = new float[6 * 4];
            for (var i = 0; i < 6; i++)
            {
                for (var c = 0; c < 3; c++) scores[i * 4 + c] = SixScores[i * 3 + c];
            }

            // When
            var metrics = TaskMetrics.Compute(TaskKind.MultiClass, 4, SixTrue, scores);

            // Then class 3 is not in macro F1 (unique_labels), AUC or AP: the values of the three-class task
            Assert.Equal(59.0 / 90.0, metrics["macro_f1"], 12);
            Assert.Equal(5.0 / 6.0, metrics["roc_auc"], 12);
            Assert.Equal(7.0 / 9.0, metrics["ap"], 12);
        }

        [Fact]
        public void Should_Count_A_Class_That_Is_Only_Predicted_With_F1_Zero()
        {
            // Given two samples of class 0, the second predicted as class 2, which no sample has
            int[] yTrue = [0, 0];
            float[] scores = [0.8f, 0.1f, 0.1f, /**/ 0.3f, 0.1f, 0.6f];

            // When
            var metrics = TaskMetrics.Compute(TaskKind.MultiClass, 3, yTrue, scores);

            // Then labels {0, 2}: class 0 tp 1, fn 1 -> 2/3; class 2 fp 1 -> 0; macro 1/3; class 1 not counted.
            //   AUC and AP: class 0 has no negative (AUC undefined) and classes 1, 2 no positive -> NaN, AP of class 0 is 1.
            Assert.Equal(0.5, metrics["accuracy"], 12);
            Assert.Equal(1.0 / 3.0, metrics["macro_f1"], 12);
            Assert.True(double.IsNaN(metrics["roc_auc"]));
            Assert.Equal(1.0, metrics["ap"], 12);
        }

        [Fact]
        public void Should_Compute_Multi_Label_Metrics()
        {
            // Given [3 × 4] indicators and probabilities; column 3 is all negative
            int[] yTrue = [1, 0, 1, 0, /**/ 0, 1, 0, 0, /**/ 1, 1, 0, 0];
            float[] scores = [0.9f, 0.2f, 0.6f, 0.1f, /**/ 0.3f, 0.7f, 0.5f, 0.2f, /**/ 0.8f, 0.1f, 0.3f, 0.0f];

            // When
            var metrics = TaskMetrics.Compute(TaskKind.MultiLabel, 4, yTrue, scores);

            // Then predictions (score ≥ 0.5; 0.5 counts): [1,0,1,0], [0,1,1,0], [1,0,0,0]; only row 0 is all right -> 1/3.
            //   F1 per column: 1, 2/3 (tp 1, fn 1), 2/3 (tp 1, fp 1), 0 (empty) -> macro 7/12; micro: tp 4, fp 1, fn 1 -> 8/10.
            //   AUC: column 0 (pos 0.9, 0.8 vs 0.3) 1; column 1 (pos 0.7, 0.1 vs 0.2) 1/2; column 2 (0.6 vs 0.5, 0.3) 1;
            //   column 3 skipped -> 5/6.  AP: 1, column 1: 0.7 -> 1/2·1, 0.1 -> 1/2·2/3 = 5/6, 1 -> (1 + 5/6 + 1) / 3 = 17/18.
            Assert.Equal(1.0 / 3.0, metrics["accuracy"], 12);
            Assert.Equal(7.0 / 12.0, metrics["macro_f1"], 12);
            Assert.Equal(0.8, metrics["micro_f1"], 12);
            Assert.Equal(5.0 / 6.0, metrics["roc_auc"], 12);
            Assert.Equal(17.0 / 18.0, metrics["ap"], 12);
        }

        [Fact]
        public void Should_Compute_Binary_Metrics()
        {
            // Given sklearn's example labels and probabilities
            int[] yTrue = [0, 0, 1, 1];
            float[] scores = [0.1f, 0.4f, 0.35f, 0.8f];

            // When
            var metrics = TaskMetrics.Compute(TaskKind.Binary, 1, yTrue, scores);

            // Then predictions [0, 0, 0, 1]: 3/4 right; class 0 tp 2, fp 1 -> 4/5; class 1 tp 1, fn 1 -> 2/3;
            //   macro (4/5 + 2/3) / 2 = 11/15; AUC 3/4; AP 5/6
            Assert.Equal(0.75, metrics["accuracy"], 12);
            Assert.Equal(11.0 / 15.0, metrics["macro_f1"], 12);
            Assert.Equal(0.75, metrics["micro_f1"], 12);
            Assert.Equal(0.75, metrics["roc_auc"], 12);
            Assert.Equal(5.0 / 6.0, metrics["ap"], 12);
        }

        [Fact]
        public void Should_Return_NaN_Ranking_Metrics_For_A_Single_Class_Binary_Task()
        {
            // Given only negatives, one predicted positive
            int[] yTrue = [0, 0, 0];
            float[] scores = [0.2f, 0.6f, 0.4f];

            // When
            var metrics = TaskMetrics.Compute(TaskKind.Binary, 2, yTrue, scores);

            // Then predictions [0, 1, 0]: 2/3 right; macro over {0, 1}: class 0 tp 2, fn 1 -> 4/5, class 1 -> 0 -> 2/5;
            //   AUC and AP undefined
            Assert.Equal(2.0 / 3.0, metrics["accuracy"], 12);
            Assert.Equal(0.4, metrics["macro_f1"], 12);
            Assert.Equal(2.0 / 3.0, metrics["micro_f1"], 12);
            Assert.True(double.IsNaN(metrics["roc_auc"]));
            Assert.True(double.IsNaN(metrics["ap"]));
        }

        [Theory]
        [InlineData(TaskKind.MultiClass, 3)]
        [InlineData(TaskKind.MultiLabel, 3)]
        [InlineData(TaskKind.Binary, 1)]
        public void Should_Return_NaN_Everywhere_For_No_Samples(TaskKind kind, int numClasses)
        {
            // Given / When
            var metrics = TaskMetrics.Compute(kind, numClasses, [], []);

            // Then
            Assert.Equal(TaskMetrics.Keys, metrics.Keys);
            Assert.All(metrics.Values, v => Assert.True(double.IsNaN(v)));
        }

        [Fact]
        public void Should_Throw_When_Scores_Do_Not_Match_The_Labels()
        {
            // Given two samples of 3 classes but only 5 scores
            // When / Then
            Assert.Throws<ArgumentException>(() => TaskMetrics.Compute(TaskKind.MultiClass, 3, [0, 1], [0.1f, 0.2f, 0.7f, 0.5f, 0.5f]));
        }

        [Fact]
        public void Should_Throw_For_A_Binary_Task_With_More_Than_Two_Classes()
        {
            // Given / When / Then
            Assert.Throws<ArgumentOutOfRangeException>(() => TaskMetrics.Compute(TaskKind.Binary, 3, [0, 1], [0.1f, 0.9f]));
        }
    }
}
