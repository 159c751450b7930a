using CryptoIntel.Signals.Internal;

namespace CryptoIntel.Signals.Tests.Backtesting;

public sealed class StatisticsTests
{
    [Fact]
    public void Wilson_KnownValues()
    {
        var (low, high) = TrackStatistics.Wilson(8, 10, 0.95);
        Assert.Equal(0.4902, low, 4);
        Assert.Equal(0.9433, high, 4);
        Assert.Equal((0.0, 1.0), TrackStatistics.Wilson(0, 0, 0.95));
    }

    [Fact]
    public void NormalQuantile_KnownValues()
    {
        Assert.Equal(1.959964, TrackStatistics.NormalQuantile(0.95), 5);
        Assert.Equal(2.575829, TrackStatistics.NormalQuantile(0.99), 5);
        Assert.Equal(0.975, TrackStatistics.NormalCdf(1.959964), 6);
    }

    [Fact]
    public void TwoProportionZ_KnownValues()
    {
        // 45/100 vs 60/100: pooled 0.525, se 0.070622, z 2.1240, p 0.0337.
        var (z, p) = TrackStatistics.TwoProportionZ(45, 100, 60, 100);
        Assert.Equal(2.1240, z, 3);
        Assert.Equal(0.0337, p, 3);
    }

    [Fact]
    public void BootstrapMean_IsReproducibleAndBracketsTheMean()
    {
        double[] values = [0.01, -0.02, 0.03, 0.05, -0.01, 0.02, 0.00, 0.04];
        var a = TrackStatistics.BootstrapMean(values, 0.95, 2000, 42);
        var b = TrackStatistics.BootstrapMean(values, 0.95, 2000, 42);
        Assert.Equal(a, b);
        Assert.InRange(values.Average(), a.Low, a.High);
        Assert.True(a.High - a.Low > 0.01);
    }

    [Fact]
    public void Median_EvenAndOdd()
    {
        Assert.Equal(2, TrackStatistics.Median([3, 1, 2]));
        Assert.Equal(2.5, TrackStatistics.Median([4, 1, 2, 3]));
        Assert.True(double.IsNaN(TrackStatistics.Median([])));
    }
}
