using GraphMtl.Metrics;

namespace GraphMtl.Tests.Metrics;

public sealed class RelativeGainTests
{
    // LibMTL's count_improvement docstring example: task A has a higher-is-better and a lower-is-better metric, task B one
    // higher-is-better metric.
    private static readonly Dictionary<string, IReadOnlyDictionary<string, double>> Baseline = new()
    {
        ["A"] = new Dictionary<string, double> { ["acc"] = 96, ["err"] = 98 },
        ["B"] = new Dictionary<string, double> { ["acc"] = 0.2 },
    };

    private static readonly Dictionary<string, IReadOnlyDictionary<string, double>> Method = new()
    {
        ["A"] = new Dictionary<string, double> { ["acc"] = 93, ["err"] = 99 },
        ["B"] = new Dictionary<string, double> { ["acc"] = 0.5 },
    };

    private static bool HigherIsBetter(string key) => key == "acc";

    public sealed class TheForTaskMethod
    {
        [Fact]
        public void Should_Average_Signed_Relative_Changes()
        {
            // Given accuracy 0.80 -> 0.88 (higher is better) and loss 0.50 -> 0.40 (lower is better)
            // When
            var gain = RelativeGain.ForTask([0.80, 0.50], [0.88, 0.40], [true, false]);

            // Then (+(0.88 − 0.80)/0.80 − (0.40 − 0.50)/0.50) / 2 = (0.10 + 0.20) / 2
            Assert.Equal(0.15, gain, 12);
        }

        [Fact]
        public void Should_Throw_When_Lengths_Differ()
        {
            // Given / When / Then
            Assert.Throws<ArgumentException>(() => RelativeGain.ForTask([0.8, 0.5], [0.9], [true, false]));
        }

        [Fact]
        public void Should_Throw_For_No_Metric()
        {
            // Given / When / Then
            Assert.Throws<ArgumentException>(() => RelativeGain.ForTask([], [], []));
        }
    }

    public sealed class ThePerTaskMethod
    {
        [Fact]
        public void Should_Give_The_Gain_Of_Each_Task()
        {
            // Given LibMTL's example
            // When
            var gains = RelativeGain.PerTask(Baseline, Method, HigherIsBetter);

            // Then A: ((93 − 96)/96 − (99 − 98)/98) / 2 = (−0.03125 − 0.0102040816…) / 2 = −0.0207270408…;
            //   B: (0.5 − 0.2)/0.2 = 1.5
            Assert.Equal(["A", "B"], gains.Keys);
            Assert.Equal((-3.0 / 96.0 - 1.0 / 98.0) / 2.0, gains["A"], 12);
            Assert.Equal(-0.020727040816326, gains["A"], 12);
            Assert.Equal(1.5, gains["B"], 12);
        }

        [Fact]
        public void Should_Use_The_Task_Metric_Directions_By_Default()
        {
            // Given TaskMetrics keys: ap 0.50 -> 0.55 (higher is better), loss 0.40 -> 0.30 (lower is better)
            var baseline = new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["t"] = new Dictionary<string, double> { ["ap"] = 0.50, ["loss"] = 0.40 },
            };
            var method = new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["t"] = new Dictionary<string, double> { ["ap"] = 0.55, ["loss"] = 0.30, ["roc_auc"] = 0.9 },
            };

            // When
            var gains = RelativeGain.PerTask(baseline, method);

            // Then (0.05/0.50 + 0.10/0.40) / 2 = (0.10 + 0.25) / 2; the method's extra roc_auc is ignored
            Assert.Equal(0.175, gains["t"], 12);
        }

        [Fact]
        public void Should_Throw_When_The_Method_Lacks_A_Metric()
        {
            // Given
            var method = new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["A"] = new Dictionary<string, double> { ["acc"] = 93 },
                ["B"] = new Dictionary<string, double> { ["acc"] = 0.5 },
            };

            // When
            var error = Assert.Throws<ArgumentException>(() => RelativeGain.PerTask(Baseline, method, HigherIsBetter));

            // Then
            Assert.Contains("Expected metric 'err' of task 'A' for the method", error.Message);
        }
    }

    public sealed class TheAverageMethod
    {
        [Fact]
        public void Should_Match_LibMTLs_Count_Improvement()
        {
            // Given LibMTL's example
            // When
            var delta = RelativeGain.Average(Baseline, Method, HigherIsBetter);

            // Then (−0.0207270408… + 1.5) / 2 = 0.7396364795…, as count_improvement returns
            Assert.Equal(0.739636479591837, delta, 12);
        }
    }
}
