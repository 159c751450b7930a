using CryptoIntel.Signals.Statistics;

namespace CryptoIntel.Signals.Tests.Statistics;

public sealed class EwmaAndRingTests
{
    [Fact]
    public void Ewma_ConvergesToTheMeanAndVarianceOfAStationarySeries()
    {
        var random = new Random(3);
        var ewma = new Ewma(Ewma.AlphaFromHalfLife(500));
        for (var i = 0; i < 20_000; i++)
        {
            ewma.Update(10 + (2 * (random.NextDouble() - 0.5)));
        }

        Assert.Equal(10, ewma.Mean, 1);
        Assert.Equal(1.0 / 3, ewma.Variance, 1); // uniform on [-1, 1]
        Assert.Equal(20_000, ewma.Count);
    }

    [Fact]
    public void Ewma_HalfLife_HalvesTheWeightOfAStep()
    {
        var ewma = new Ewma(Ewma.AlphaFromHalfLife(10));
        for (var i = 0; i < 1000; i++)
        {
            ewma.Update(0);
        }

        for (var i = 0; i < 10; i++)
        {
            ewma.Update(1);
        }

        Assert.Equal(0.5, ewma.Mean, 9);
        ewma.Reset();
        Assert.Equal(0, ewma.Count);
    }

    [Fact]
    public void Ewma_Start_IsARunningMean()
    {
        var ewma = new Ewma(Ewma.AlphaFromHalfLife(1000));
        ewma.Update(1);
        ewma.Update(2);
        ewma.Update(6);
        Assert.Equal(3, ewma.Mean, 9);
    }

    [Fact]
    public void TimedRing_FindsTheLatestValueAtOrBefore_AndDropsTheOldest()
    {
        var ring = new TimedRing(3);
        ring.Add(10, 1);
        ring.Add(20, 2);
        ring.Add(30, 3);
        ring.Add(40, 4);
        Assert.Equal(3, ring.Count);
        Assert.Equal(-1, ring.LatestAtOrBefore(15));
        Assert.Equal(2, ring.ValueAt(ring.LatestAtOrBefore(25)));
        Assert.Equal(4, ring.ValueAt(ring.LatestAtOrBefore(100)));
        Assert.Equal(20, ring.TicksAt(0));
    }
}
