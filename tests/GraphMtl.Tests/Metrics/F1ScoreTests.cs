using GraphMtl.Metrics;

namespace GraphMtl.Tests.Metrics;

public sealed class F1ScoreTests
{
    public sealed class TheFromCountsMethod
    {
        [Fact]
        public void Should_Return_Twice_Tp_Over_Twice_Tp_Plus_Errors()
        {
            // Given / When / Then 2·3 / (2·3 + 1 + 2) = 6 / 9
            Assert.Equal(6.0 / 9.0, F1Score.FromCounts(3, 1, 2), 12);
        }

        [Fact]
        public void Should_Return_Zero_For_A_Zero_Denominator()
        {
            // Given no true and no predicted sample: sklearn's zero_division default gives 0
            // When / Then
            Assert.Equal(0.0, F1Score.FromCounts(0, 0, 0));
        }
    }

    public sealed class TheScoreMethod
    {
        // Classes 0..4: class 2 is in neither yTrue nor yPred, class 4 is only predicted.
        private static readonly int[] YTrue = [0, 0, 1, 1, 3, 3];
        private static readonly int[] YPred = [0, 1, 1, 1, 3, 4];

        [Fact]
        public void Should_Average_Over_Present_Labels_Only_For_Macro()
        {
            // Given the labels above
            // When
            var f1 = F1Score.Score(YTrue, YPred, F1Average.Macro);

            // Then labels {0, 1, 3, 4} (unique_labels):
            //   0: tp 1, fp 0, fn 1 -> 2/3;  1: tp 2, fp 1, fn 0 -> 4/5;  3: tp 1, fp 0, fn 1 -> 2/3;  4: tp 0, fp 1 -> 0
            //   (2/3 + 4/5 + 2/3 + 0) / 4 = (32/15) / 4 = 8/15; counting the absent class 2 would give 32/75
            Assert.Equal(8.0 / 15.0, f1, 12);
        }

        [Fact]
        public void Should_Equal_Accuracy_For_Micro()
        {
            // Given the labels above (samples 0, 2, 3, 4 right)
            // When
            var f1 = F1Score.Score(YTrue, YPred, F1Average.Micro);

            // Then pooled tp 4, fp 2, fn 2 -> 8 / 12 = 4 / 6, the accuracy
            Assert.Equal(2.0 / 3.0, f1, 12);
            Assert.Equal(Accuracy.Score(YTrue, YPred), f1, 12);
        }

        [Fact]
        public void Should_Score_Every_Listed_Label_Even_Without_Samples()
        {
            // Given an explicit label list that includes the absent class 2
            // When
            var f1 = F1Score.Score(YTrue, YPred, F1Average.Macro, [0, 1, 2, 3, 4]);

            // Then as sklearn's labels=[0..4]: class 2 scores 0 and counts: (32/15) / 5 = 32/75
            Assert.Equal(32.0 / 75.0, f1, 12);
        }

        [Fact]
        public void Should_Pool_Only_Listed_Labels_For_Micro()
        {
            // Given labels [0, 1] only
            // When
            var f1 = F1Score.Score(YTrue, YPred, F1Average.Micro, [0, 1]);

            // Then tp 1 + 2 = 3, fp 0 + 1 = 1, fn 1 + 0 = 1 -> 6 / 8
            Assert.Equal(0.75, f1, 12);
        }

        [Fact]
        public void Should_Score_Class_One_For_Binary()
        {
            // Given tp 2 (samples 1, 4), fp 1 (sample 3), fn 1 (sample 2)
            int[] yTrue = [0, 1, 1, 0, 1];
            int[] yPred = [0, 1, 0, 1, 1];

            // When
            var f1 = F1Score.Score(yTrue, yPred, F1Average.Binary);

            // Then 4 / (4 + 1 + 1)
            Assert.Equal(2.0 / 3.0, f1, 12);
        }

        [Fact]
        public void Should_Follow_Sklearn_On_A_Single_Class_Binary_Task()
        {
            // Given only negatives in yTrue, one false positive
            int[] yTrue = [0, 0, 0];
            int[] yPred = [0, 0, 1];

            // When
            var binary = F1Score.Score(yTrue, yPred, F1Average.Binary);
            var macro = F1Score.Score(yTrue, yPred, F1Average.Macro);

            // Then binary: class 1 has tp 0, fp 1 -> 0; macro over {0, 1}: class 0 tp 2, fn 1 -> 4/5, class 1 -> 0; mean 2/5
            Assert.Equal(0.0, binary);
            Assert.Equal(0.4, macro, 12);
        }

        [Fact]
        public void Should_Follow_Sklearn_When_Everything_Is_Negative()
        {
            // Given only negatives, all predicted right
            int[] yTrue = [0, 0, 0];
            int[] yPred = [0, 0, 0];

            // When / Then binary: class 1 has no true and no predicted sample -> 0 (zero_division);
            // macro over the present labels {0}: class 0 is perfect -> 1
            Assert.Equal(0.0, F1Score.Score(yTrue, yPred, F1Average.Binary));
            Assert.Equal(1.0, F1Score.Score(yTrue, yPred, F1Average.Macro));
        }

        [Fact]
        public void Should_Throw_For_Binary_Averaging_Of_Multi_Class_Labels()
        {
            // Given / When
            var error = Assert.Throws<ArgumentException>(() => F1Score.Score([0, 2], [0, 1], F1Average.Binary));

            // Then
            Assert.Contains("Expected yTrue[1] to be 0 or 1 (got 2)", error.Message);
        }

        [Fact]
        public void Should_Throw_For_Duplicate_Labels()
        {
            // Given / When / Then
            Assert.Throws<ArgumentException>(() => F1Score.Score([0, 1], [0, 1], F1Average.Macro, [1, 1]));
        }

        [Fact]
        public void Should_Return_NaN_For_No_Samples()
        {
            // Given / When / Then
            Assert.True(double.IsNaN(F1Score.Score([], [], F1Average.Macro)));
        }
    }

    public sealed class TheMultiLabelMethod
    {
        // Three rows of four labels; column 3 is all zero in labels and predictions.
        private static readonly int[] YTrue = [1, 0, 1, 0, /**/ 0, 1, 0, 0, /**/ 1, 1, 0, 0];
        private static readonly int[] YPred = [1, 0, 1, 0, /**/ 0, 1, 1, 0, /**/ 1, 0, 0, 0];

        [Fact]
        public void Should_Average_Every_Column_For_Macro()
        {
            // Given the indicators above
            // When
            var f1 = F1Score.MultiLabel(YTrue, YPred, numLabels: 4, F1Average.Macro);

            // Then column 0: tp 2 -> 1;  column 1: tp 1, fn 1 -> 2/3;  column 2: tp 1, fp 1 -> 2/3;  column 3: empty -> 0
            //   (1 + 2/3 + 2/3 + 0) / 4 = 7/12
            Assert.Equal(7.0 / 12.0, f1, 12);
        }

        [Fact]
        public void Should_Pool_All_Cells_For_Micro()
        {
            // Given the indicators above
            // When
            var f1 = F1Score.MultiLabel(YTrue, YPred, numLabels: 4, F1Average.Micro);

            // Then tp 2 + 1 + 1 = 4, fp 1, fn 1 -> 8 / 10
            Assert.Equal(0.8, f1, 12);
        }

        [Fact]
        public void Should_Throw_For_Binary_Averaging()
        {
            // Given / When / Then
            Assert.Throws<ArgumentException>(() => F1Score.MultiLabel(YTrue, YPred, numLabels: 4, F1Average.Binary));
        }
    }
}
