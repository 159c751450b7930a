using CryptoIntel.Signals.Statistics;

namespace CryptoIntel.Signals.Tests.Statistics;

public sealed class SlidingRangeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(48)]
    public void MaxAndMin_MatchAScanOfTheWindow(int window)
    {
        var random = new Random(window);
        var range = new SlidingRange(window);
        var values = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            // Ties on purpose (a coarse grid), and runs up and down.
            var value = Math.Round(random.NextDouble() * 10) + (i % 97 < 30 ? i % 97 : 0);
            range.Add(value);
            values.Add(value);
            var last = values.Skip(Math.Max(0, values.Count - window)).ToList();
            Assert.Equal(values.Count, range.Added);
            Assert.Equal(last.Max(), range.Max);
            Assert.Equal(last.Min(), range.Min);
        }
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var range = new SlidingRange(3);
        range.Add(10);
        range.Add(1);
        range.Clear();
        Assert.Equal(0, range.Added);
        range.Add(5);
        Assert.Equal(5, range.Max);
        Assert.Equal(5, range.Min);
    }

    [Fact]
    public void TimedRing_LatestAtOrBeforeForward_AgreesWithTheBinarySearch()
    {
        var random = new Random(5);
        var ring = new TimedRing(16);
        long t = 0;
        long query = -100;
        for (var i = 0; i < 3000; i++)
        {
            // Irregular spacing, and queries that mostly move forward but sometimes jump back.
            t += 1 + random.Next(5);
            ring.Add(t, i);
            query = random.Next(20) == 0 ? t - random.Next(200) : Math.Max(query, t - random.Next(40));
            Assert.Equal(ring.LatestAtOrBefore(query), ring.LatestAtOrBeforeForward(query));
            if (i % 500 == 499)
            {
                ring.Clear();
                query = -100;
            }
        }
    }
}
