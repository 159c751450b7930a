using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Options;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class DepegDetectorTests
{
    private static List<MarketTick> Stable(params double[] prices) =>
        prices.Select((p, i) => new MarketTick("usd-coin", "binance", Start.AddHours(i), p, 1e6)).ToList();

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new DepegDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<MarketTick>(), null!));
        Assert.Throws<OptionsValidationException>(() => new DepegDetector(new DepegDetectorOptions { SevereThreshold = 0.001 }));
    }

    [Fact]
    public void Detect_SustainedDeviation_FiresOnceDown_ThenEscalatesToSevere()
    {
        var ticks = Stable(1.0, 1.0001, 0.999, 0.993, 0.992, 0.991, 0.99, 0.97, 0.96, 0.995);

        var signals = RunTicks(new DepegDetector(), ticks);

        Assert.Equal(2, signals.Count);
        Assert.All(signals, s => Assert.Equal(SignalDirection.Down, s.Direction));
        Assert.Equal(ticks[4].Timestamp, signals[0].DetectedAt); // the second tick below 0.995
        Assert.Equal(ticks[8].Timestamp, signals[1].DetectedAt); // the second tick below 0.98, inside the cool-down
        Assert.True(signals[1].Confidence > signals[0].Confidence);
        Assert.Equal(SignalKind.Depeg, signals[0].Kind);
        Assert.InRange(signals[0].Magnitude, 0.0079, 0.0081);
    }

    [Fact]
    public void Detect_OneBadPrint_OrNoise_DoesNotFire()
    {
        Assert.Empty(RunTicks(new DepegDetector(), Stable(1.0, 0.98, 1.0, 1.001, 0.999, 1.002, 0.998, 1.0)));
        var noise = Hourly(3000, asset: "tether", priceSigma: 0.0003, startPrice: 1).Select(t => t with { Price = 1 + ((t.Price - 1) * 0.1) });
        Assert.Empty(RunTicks(new DepegDetector(), noise));
    }

    [Fact]
    public void Detect_Hysteresis_NeedsARecoveryBelowTheExitThreshold()
    {
        // Off peg, back to 0.3 % (above the 0.2 % exit), off again: one signal; then a real recovery and a new de-peg.
        var ticks = Stable(1, 1.006, 1.007, 1.003, 1.006, 1.007, 1.0, 1, 1, 1, 1.006, 1.007);
        var signals = RunTicks(new DepegDetector(new DepegDetectorOptions { CoolDown = TimeSpan.Zero }), ticks);
        Assert.Equal([ticks[2].Timestamp, ticks[11].Timestamp], signals.Select(s => s.DetectedAt));
        Assert.All(signals, s => Assert.Equal(SignalDirection.Up, s.Direction));
    }

    [Fact]
    public void Detect_ReentryWithinCoolDown_IsSuppressed()
    {
        var ticks = Stable(1, 0.99, 0.99, 1, 0.99, 0.99, 1, 1, 1, 1, 1, 1, 0.99, 0.99);
        var signals = RunTicks(new DepegDetector(new DepegDetectorOptions { CoolDown = TimeSpan.FromHours(6) }), ticks);
        Assert.Equal([ticks[2].Timestamp, ticks[13].Timestamp], signals.Select(s => s.DetectedAt));
    }

    [Fact]
    public void Detect_OtherAssets_AreIgnored_ConfiguredSetIsUsed_BadPricesCounted()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var btc = Stable(1, 0.9, 0.9, 0.9).Select(t => t with { Asset = "bitcoin" });
        var mine = Stable(1, 0.9, 0.9).Select(t => t with { Asset = "my-dollar" });
        var bad = Stable(double.NaN, -1).Select(t => t with { Asset = "my-dollar", Timestamp = t.Timestamp.AddDays(1) });
        var options = new DepegDetectorOptions { Stablecoins = { "my-dollar" } };

        var signal = Assert.Single(RunTicks(new DepegDetector(options, meterFactory: meters), [.. btc, .. mine, .. bad]));

        Assert.Equal("my-dollar", signal.Subject);
        Assert.Equal(2, rejected.GetMeasurementSnapshot().Sum(m => m.Value));
    }
}
