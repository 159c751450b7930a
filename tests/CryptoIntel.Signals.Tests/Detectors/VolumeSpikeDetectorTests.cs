using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Options;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class VolumeSpikeDetectorTests
{
    private static MarketTick WithVolume(MarketTick tick, double factor) => tick with { Volume = tick.Volume * factor };

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new VolumeSpikeDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<MarketTick>(), null!));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<OptionsValidationException>(() => new VolumeSpikeDetector(new VolumeSpikeDetectorOptions { Threshold = 0 }));
        Assert.Throws<OptionsValidationException>(() => new VolumeSpikeDetector(new VolumeSpikeDetectorOptions { ExitThreshold = 5, Threshold = 4 }));
        Assert.Throws<OptionsValidationException>(() => new VolumeSpikeDetector(new VolumeSpikeDetectorOptions { WarmUp = 200, Window = 100 }));
        Assert.Throws<OptionsValidationException>(() => new VolumeSpikeDetector(new VolumeSpikeDetectorOptions { MaxSubjects = 0 }));
        Assert.Throws<OptionsValidationException>(() => new VolumeSpikeDetector(new VolumeSpikeDetectorOptions { CoolDown = TimeSpan.FromHours(-1) }));
    }

    [Fact]
    public void Detect_ClearSpike_FiresOnceWithEvidence()
    {
        var ticks = Hourly(300);
        ticks[250] = WithVolume(ticks[250], 10) with { Price = ticks[249].Price * 1.02 };

        var signals = RunTicks(new VolumeSpikeDetector(), ticks);

        var signal = Assert.Single(signals);
        Assert.Equal(SignalKind.VolumeSpike, signal.Kind);
        Assert.Equal("bitcoin", signal.Subject);
        Assert.Equal(new AssetId("bitcoin"), signal.Asset);
        Assert.Equal(ticks[250].Timestamp, signal.DetectedAt);
        Assert.Equal(SignalDirection.Up, signal.Direction);
        Assert.True(signal.Magnitude >= 3.5, $"z = {signal.Magnitude}");
        Assert.InRange(signal.Confidence, 0.5, 0.99);
        Assert.Equal("volume-spike", signal.Detector);
        Assert.Equal(Signal.CreateId(SignalKind.VolumeSpike, "bitcoin", "volume-spike", "1.0.0", ticks[250].Timestamp), signal.Id);
        Assert.Contains(signal.Evidence, e => e.Name == "zScore" && e.Threshold == 3.5);
        Assert.Contains(signal.Evidence, e => e.Name == "ratio" && e.Value > 5);
        Assert.Contains("volume", signal.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Noise_DoesNotFire()
    {
        Assert.Empty(RunTicks(new VolumeSpikeDetector(), Hourly(5000, seed: 7)));
    }

    [Fact]
    public void Detect_DuringWarmUp_DoesNotFire()
    {
        var ticks = Hourly(60);
        ticks[30] = WithVolume(ticks[30], 20);
        Assert.Empty(RunTicks(new VolumeSpikeDetector(), ticks));
    }

    [Fact]
    public void Detect_SustainedSpike_FiresOnceUntilReArmed()
    {
        var ticks = Hourly(300);
        for (var i = 200; i < 206; i++)
        {
            ticks[i] = WithVolume(ticks[i], 10);
        }

        Assert.Single(RunTicks(new VolumeSpikeDetector(), ticks));
    }

    [Fact]
    public void Detect_SecondSpikeWithinCoolDown_IsSuppressed_AfterItFires()
    {
        var ticks = Hourly(300);
        ticks[200] = WithVolume(ticks[200], 10);
        ticks[203] = WithVolume(ticks[203], 10); // re-armed in between, but within the 6 h cool-down
        ticks[240] = WithVolume(ticks[240], 10); // well after it

        var signals = RunTicks(new VolumeSpikeDetector(), ticks);

        Assert.Equal([ticks[200].Timestamp, ticks[240].Timestamp], signals.Select(s => s.DetectedAt));
    }

    [Fact]
    public void Detect_BadInput_IsCountedAndSkipped()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var ticks = Hourly(300);
        var bad = new List<MarketTick>(ticks[..100])
        {
            ticks[99] with { Price = double.NaN, Timestamp = ticks[99].Timestamp.AddMinutes(10) },
            ticks[99] with { Volume = double.PositiveInfinity, Timestamp = ticks[99].Timestamp.AddMinutes(11) },
            ticks[99] with { Price = -1, Timestamp = ticks[99].Timestamp.AddMinutes(12) },
            ticks[99] with { Price = 0, Timestamp = ticks[99].Timestamp.AddMinutes(13) },
            ticks[99] with { Volume = 0, Timestamp = ticks[99].Timestamp.AddMinutes(14) },
            ticks[99] with { Volume = -5, Timestamp = ticks[99].Timestamp.AddMinutes(15) },
            ticks[99] with { Volume = 5000 }, // duplicate timestamp: skipped, so no spike
            ticks[50] with { Volume = 5000 }, // out of order: skipped
            default, // no asset, no source
        };
        bad.AddRange(ticks[100..]);
        bad[250] = WithVolume(bad[250], 10);

        var signals = RunTicks(new VolumeSpikeDetector(meterFactory: meters), bad);

        Assert.Equal(bad[250].Timestamp, Assert.Single(signals).DetectedAt);
        Assert.Equal(2, Count(rejected, "reason", "not-finite"));
        Assert.Equal(2, Count(rejected, "reason", "non-positive"));
        Assert.Equal(1, Count(rejected, "reason", "zero-volume"));
        Assert.Equal(1, Count(rejected, "reason", "negative"));
        Assert.Equal(1, Count(rejected, "reason", "duplicate"));
        Assert.Equal(1, Count(rejected, "reason", "out-of-order"));
        Assert.Equal(1, Count(rejected, "reason", "missing-key"));
    }

    [Fact]
    public void Detect_GapLongerThanMaxGap_WarmsUpAgain()
    {
        var meters = MeterFactory();
        using var resets = Collect(meters, "cryptointel.signals.state_resets");
        var ticks = Hourly(300);
        var shifted = ticks[..150].Concat(ticks[150..].Select(t => t with { Timestamp = t.Timestamp.AddDays(5) })).ToList();
        shifted[160] = WithVolume(shifted[160], 20); // 10 ticks after the gap: still warming up

        Assert.Empty(RunTicks(new VolumeSpikeDetector(meterFactory: meters), shifted));
        Assert.Equal(1, Count(resets, "reason", "gap"));
    }

    [Fact]
    public void Detect_ClockJumpBack_RestartsAfterARun()
    {
        var meters = MeterFactory();
        using var resets = Collect(meters, "cryptointel.signals.state_resets");
        var ticks = Hourly(300);
        var jumped = ticks[..100].Concat(ticks[100..].Select(t => t with { Timestamp = t.Timestamp.AddDays(-30) })).ToList();

        _ = RunTicks(new VolumeSpikeDetector(meterFactory: meters), jumped);

        Assert.Equal(1, Count(resets, "reason", "clock-jump"));
    }

    [Fact]
    public void Detect_MoreAssetsThanTheCap_ForgetsInactiveOnesAndSkipsTheRest()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        using var evicted = Collect(meters, "cryptointel.signals.state_evictions");
        var options = new VolumeSpikeDetectorOptions { MaxSubjects = 2, EvictAfter = TimeSpan.FromDays(1) };
        var ticks = new List<MarketTick>
        {
            new("a", "x", Start, 1, 1),
            new("b", "x", Start, 1, 1),
            new("c", "x", Start, 1, 1), // a and b seen this instant: c is skipped
            new("a", "x", Start.AddDays(3), 1, 1),
            new("c", "x", Start.AddDays(3), 1, 1), // b inactive for 3 days: forgotten, c admitted
        };

        _ = RunTicks(new VolumeSpikeDetector(options, meterFactory: meters), ticks);

        Assert.Equal(1, Count(rejected, "reason", "capacity"));
        Assert.True(evicted.GetMeasurementSnapshot().Sum(m => m.Value) >= 1);
    }

    [Fact]
    public void Detect_EachSubscription_HasItsOwnState()
    {
        var ticks = Hourly(300);
        ticks[250] = WithVolume(ticks[250], 10);
        var detector = new VolumeSpikeDetector();
        var stream = ticks.ToObservable();

        Assert.Single(detector.Detect(stream, ImmediateScheduler.Instance).ToEnumerable());
        Assert.Single(detector.Detect(stream, ImmediateScheduler.Instance).ToEnumerable());
    }
}
