using GraphMtl.Data;

namespace GraphMtl.Tests.Data;

public sealed class SeededRandomTests
{
    public sealed class TheNextIntMethod
    {
        [Fact]
        public void Should_Repeat_For_A_Seed_And_Stream()
        {
            var a = new SeededRandom(42, 3);
            var b = new SeededRandom(42, 3);
            var c = new SeededRandom(42, 4);

            var x = Enumerable.Range(0, 50).Select(_ => a.NextInt(1000)).ToArray();

            Assert.Equal(x, Enumerable.Range(0, 50).Select(_ => b.NextInt(1000)));
            Assert.NotEqual(x, Enumerable.Range(0, 50).Select(_ => c.NextInt(1000)));
        }

        [Fact]
        public void Should_Be_Roughly_Uniform()
        {
            var rng = new SeededRandom(1);
            var counts = new int[7];

            for (int i = 0; i < 70_000; i++) counts[rng.NextInt(7)]++;

            Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        }
    }

    public sealed class ThePermutationMethod
    {
        [Fact]
        public void Should_Return_Every_Index_Once()
        {
            var p = new SeededRandom(0).Permutation(100);

            Assert.Equal(Enumerable.Range(0, 100), p.Order());
            Assert.NotEqual(Enumerable.Range(0, 100), p);
        }
    }
}
