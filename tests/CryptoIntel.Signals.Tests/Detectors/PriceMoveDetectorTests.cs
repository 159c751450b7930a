using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Options;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class PriceMoveDetectorTests
{
    // From index `at` on, prices are multiplied by `factor` (a step that stays).
    private static List<MarketTick> WithStep(List<MarketTick> ticks, int at, double factor, double volumeFactor = 1) =>
        ticks.Select((t, i) => i < at ? t : t with { Price = t.Price * factor, Volume = i == at ? t.Volume * volumeFactor : t.Volume }).ToList();

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new PriceMoveDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<MarketTick>(), null!));
        Assert.Throws<OptionsValidationException>(() => new PriceMoveDetector(new PriceMoveDetectorOptions { RangePeriods = 300, History = 256 }));
        Assert.Throws<OptionsValidationException>(() => new PriceMoveDetector(new PriceMoveDetectorOptions { BreakoutMinZ = 4, Threshold = 3.5 }));
    }

    [Fact]
    public void Detect_LargeDrop_FiresDownOnce()
    {
        var ticks = WithStep(Hourly(400), 300, 0.94);

        var signal = Assert.Single(RunTicks(new PriceMoveDetector(), ticks));

        Assert.Equal(SignalKind.PriceMove, signal.Kind);
        Assert.Equal(SignalDirection.Down, signal.Direction);
        Assert.Equal(ticks[300].Timestamp, signal.DetectedAt);
        Assert.InRange(signal.Magnitude, 0.04, 0.09);
        Assert.Contains(signal.Evidence, e => e.Name == "zScore" && e.Value <= -3.5);
        Assert.Contains(signal.Evidence, e => e.Name == "breakout" && e.Value == 1);
        Assert.InRange(signal.Confidence, 0.5, 0.99);
    }

    [Fact]
    public void Detect_VolumeConfirmation_RaisesConfidence()
    {
        var plain = Assert.Single(RunTicks(new PriceMoveDetector(), WithStep(Hourly(400), 300, 1.06)));
        var confirmed = Assert.Single(RunTicks(new PriceMoveDetector(), WithStep(Hourly(400), 300, 1.06, volumeFactor: 8)));

        Assert.Equal(SignalDirection.Up, confirmed.Direction);
        Assert.True(confirmed.Confidence > plain.Confidence, $"{confirmed.Confidence} <= {plain.Confidence}");
        Assert.Contains("high volume", confirmed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_RandomWalk_FiresRarely()
    {
        // 5,000 hours of a Gaussian random walk: |z| >= 4, or a range breakout with |z| >= 3, is rare.
        var signals = RunTicks(new PriceMoveDetector(), Hourly(5000, seed: 11));
        Assert.True(signals.Count <= 15, $"{signals.Count} signals on noise");
        Assert.All(signals, s => Assert.True(Math.Abs(s.Evidence.Single(e => e.Name == "zScore").Value) >= 3));
    }

    [Fact]
    public void Detect_SmallMovesOfAQuietAsset_DoNotFire()
    {
        // A stablecoin-like series: tiny volatility, so a 0.3 % step is many σ but below MinMove.
        var ticks = WithStep(Hourly(400, priceSigma: 0.0002, startPrice: 1), 300, 1.003);
        Assert.Empty(RunTicks(new PriceMoveDetector(), ticks));
    }

    [Fact]
    public void Detect_MovesWithinCoolDown_FireOnce_ThenAgainAfterIt()
    {
        var options = new PriceMoveDetectorOptions { Lookback = TimeSpan.FromHours(1) };
        var ticks = WithStep(Hourly(500), 300, 0.93);
        ticks = WithStep(ticks, 303, 1.08); // an opposite move 3 h later: within the 6 h cool-down
        ticks = WithStep(ticks, 420, 1.08);

        var signals = RunTicks(new PriceMoveDetector(options), ticks);

        Assert.Equal([ticks[300].Timestamp, ticks[420].Timestamp], signals.Select(s => s.DetectedAt));
    }

    [Fact]
    public void Detect_BadTicks_AreSkipped_AndTheMoveStillFires()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var ticks = WithStep(Hourly(400), 300, 0.94);
        ticks.Insert(200, ticks[199] with { Price = double.NegativeInfinity, Timestamp = ticks[199].Timestamp.AddMinutes(1) });
        ticks.Insert(201, ticks[199] with { Price = 0, Timestamp = ticks[199].Timestamp.AddMinutes(2) });
        ticks.Insert(202, ticks[199] with { Price = ticks[199].Price * 0.5 }); // duplicate timestamp

        var signal = Assert.Single(RunTicks(new PriceMoveDetector(meterFactory: meters), ticks));

        Assert.Equal(SignalDirection.Down, signal.Direction);
        Assert.Equal(3, rejected.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public void Detect_ZeroVolumeCandle_IsUsedForPriceButNotVolume()
    {
        var ticks = WithStep(Hourly(400), 300, 0.94);
        ticks[300] = ticks[300] with { Volume = 0 };
        Assert.Single(RunTicks(new PriceMoveDetector(), ticks));
    }
}
