using CryptoIntel.Signals.Statistics;

namespace CryptoIntel.Signals.Tests.Statistics;

public sealed class RollingRobustWindowTests
{
    private static double NaiveMedian(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(168)]
    public void MedianAndMad_MatchANaiveComputation(int capacity)
    {
        var random = new Random(capacity);
        var window = new RollingRobustWindow(capacity);
        var recent = new Queue<double>();
        for (var i = 0; i < 1000; i++)
        {
            // Ties on purpose: values on a coarse grid.
            var value = Math.Round(random.NextDouble() * 20) / 2;
            window.Add(value);
            recent.Enqueue(value);
            if (recent.Count > capacity)
            {
                recent.Dequeue();
            }

            var median = NaiveMedian(recent);
            Assert.Equal(recent.Count, window.Count);
            Assert.Equal(median, window.Median(), 12);
            Assert.Equal(NaiveMedian(recent.Select(v => Math.Abs(v - median))), window.Mad(), 12);
        }
    }

    [Fact]
    public void RobustZ_FloorsTheScale()
    {
        var window = new RollingRobustWindow(10);
        for (var i = 0; i < 10; i++)
        {
            window.Add(5);
        }

        Assert.Equal(0, window.Mad());
        Assert.Equal(10, window.RobustZ(6, minScale: 0.1), 9);
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var window = new RollingRobustWindow(4);
        window.Add(1);
        window.Add(2);
        window.Clear();
        Assert.Equal(0, window.Count);
        Assert.Equal(0, window.Median());
        window.Add(3);
        Assert.Equal(3, window.Median());
    }
}
