using System.Reactive.Concurrency;
using System.Reactive.Linq;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class PriceDivergenceDetectorTests
{
    // Per minute, three sources quoting (nearly) the same price, seconds apart.
    private static List<MarketTick> Quotes(int minutes, Func<int, string, double>? price = null)
    {
        var list = new List<MarketTick>();
        foreach (var i in Enumerable.Range(0, minutes))
        {
            var offset = 0;
            foreach (var source in new[] { "binance", "coingecko", "coinmarketcap" })
            {
                var p = price?.Invoke(i, source) ?? 100 * (1 + (0.0005 * Math.Sin(i + offset)));
                list.Add(new MarketTick("bitcoin", source, Start.AddMinutes(i).AddSeconds(offset * 7), p, 0));
                offset++;
            }
        }

        return list;
    }

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new PriceDivergenceDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<MarketTick>(), null!));
    }

    [Fact]
    public void Detect_OneSourceOff_FiresOnceNeutral()
    {
        var ticks = Quotes(60, (i, s) => s == "coingecko" && i is >= 30 and < 40 ? 102.5 : 100);

        var signal = Assert.Single(RunTicks(new PriceDivergenceDetector(), ticks));

        Assert.Equal(SignalKind.PriceDivergence, signal.Kind);
        Assert.Equal(SignalDirection.Neutral, signal.Direction);
        Assert.Equal(0.025, signal.Magnitude, 6);
        Assert.Contains(signal.Evidence, e => e.Name == "price:coingecko" && e.Value == 102.5);
        Assert.Contains(signal.Evidence, e => e.Name == "sources" && e.Value == 3);
        Assert.Contains("coingecko", signal.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_SmallDifferences_OrStaleQuotes_DoNotFire()
    {
        Assert.Empty(RunTicks(new PriceDivergenceDetector(), Quotes(500)));

        // A stale quote of another source (an hour old) is not compared.
        var ticks = new List<MarketTick>
        {
            new("bitcoin", "coingecko", Start, 90, 0),
            new("bitcoin", "binance", Start.AddHours(1), 100, 0),
        };
        Assert.Empty(RunTicks(new PriceDivergenceDetector(), ticks));
    }

    [Fact]
    public void Detect_DivergenceWithinCoolDown_FiresOnce_AndOutOfOrderPerSourceIsCounted()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var ticks = Quotes(200, (i, s) => s == "coingecko" && (i is >= 30 and < 35 || i is >= 50 and < 55 || i is >= 150 and < 155) ? 102.5 : 100);
        ticks.Add(ticks[^3] with { Price = 200 }); // binance again at its own last timestamp: duplicate
        ticks.Add(ticks[^3] with { Timestamp = Start }); // coingecko back in time: out of order

        var signals = RunTicks(new PriceDivergenceDetector(meterFactory: meters), ticks);

        Assert.Equal([Start.AddMinutes(30).AddSeconds(7), Start.AddMinutes(150).AddSeconds(7)], signals.Select(s => s.DetectedAt));
        Assert.Equal(1, Count(rejected, "reason", "duplicate"));
        Assert.Equal(1, Count(rejected, "reason", "out-of-order"));
    }
}
