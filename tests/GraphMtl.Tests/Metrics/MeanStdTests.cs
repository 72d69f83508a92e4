using GraphMtl.Metrics;

namespace GraphMtl.Tests.Metrics;

public sealed class MeanStdTests
{
    public sealed class TheOfMethod
    {
        [Fact]
        public void Should_Use_The_Population_Standard_Deviation()
        {
            // Given / When
            var summary = MeanStd.Of([1.0, 2.0, 3.0, 4.0]);

            // Then mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; √(5 / 4) = 1.1180… (ddof = 0; the sample
            //   standard deviation √(5 / 3) = 1.2910… would be wrong)
            Assert.Equal(2.5, summary.Mean, 12);
            Assert.Equal(Math.Sqrt(1.25), summary.Std, 12);
            Assert.Equal([1.0, 2.0, 3.0, 4.0], summary.Values);
        }

        [Fact]
        public void Should_Ignore_NaN_Values()
        {
            // Given one run whose metric was undefined
            // When
            var summary = MeanStd.Of([0.8, double.NaN, 0.9]);

            // Then the summary of [0.8, 0.9]: mean 0.85, deviations ±0.05, std 0.05
            Assert.Equal(0.85, summary.Mean, 12);
            Assert.Equal(0.05, summary.Std, 12);
            Assert.Equal([0.8, 0.9], summary.Values);
        }

        [Fact]
        public void Should_Return_NaN_When_All_Values_Are_NaN()
        {
            // Given / When
            var summary = MeanStd.Of([double.NaN, double.NaN]);

            // Then
            Assert.True(double.IsNaN(summary.Mean));
            Assert.True(double.IsNaN(summary.Std));
            Assert.Empty(summary.Values);
        }

        [Fact]
        public void Should_Give_Zero_Spread_For_One_Value()
        {
            // Given / When
            var summary = MeanStd.Of([0.7]);

            // Then
            Assert.Equal(0.7, summary.Mean);
            Assert.Equal(0.0, summary.Std);
        }
    }

    public sealed class TheToStringMethod
    {
        [Fact]
        public void Should_Print_Mean_Plus_Minus_Std_With_Four_Decimals()
        {
            // Given / When / Then mean 0.8125, std √((0.0125² + 0.0125²) / 2) = 0.0125
            Assert.Equal("0.8125 ± 0.0125", MeanStd.Of([0.8, 0.825]).ToString());
        }
    }
}
