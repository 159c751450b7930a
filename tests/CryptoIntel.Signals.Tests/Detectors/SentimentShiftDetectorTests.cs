using System.Reactive.Concurrency;
using System.Reactive.Linq;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class SentimentShiftDetectorTests
{
    // One item every 30 minutes with a noisy score around `mean`.
    private static List<SentimentObservation> Items(int count, double mean, int seed = 2, int offset = 0, string asset = "solana")
    {
        var random = new Random(seed);
        return Enumerable.Range(offset, count)
            .Select(i => new SentimentObservation(asset, Start.AddMinutes(30 * i), Math.Clamp(mean + (0.3 * Normal(random)), -1, 1), "item-" + i))
            .ToList();
    }

    private static List<Signal> Run(IEnumerable<SentimentObservation> items, SentimentShiftDetector? detector = null) =>
        DetectorTestKit.Run(items, o => o.Timestamp, (detector ?? new SentimentShiftDetector()).Detect);

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new SentimentShiftDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<SentimentObservation>(), null!));
    }

    [Fact]
    public void Detect_TurnNegative_FiresDownOnce()
    {
        var items = Items(200, 0.1).Concat(Items(30, -0.6, seed: 3, offset: 200)).ToList();

        var signal = Assert.Single(Run(items));

        Assert.Equal(SignalKind.SentimentShift, signal.Kind);
        Assert.Equal(SignalDirection.Down, signal.Direction);
        Assert.Equal(new AssetId("solana"), signal.Asset);
        Assert.True(signal.DetectedAt > items[200].Timestamp && signal.DetectedAt <= items[212].Timestamp, signal.DetectedAt.ToString("O", null));
        Assert.True(signal.Magnitude >= 0.25);
    }

    [Fact]
    public void Detect_SteadySentiment_DoesNotFire() => Assert.Empty(Run(Items(3000, 0.2, seed: 4)));

    [Fact]
    public void Detect_SecondShiftWithinCoolDown_IsSuppressed()
    {
        // Negative, then positive 2 h later: the positive shift is within the 6 h cool-down.
        var items = Items(200, 0.0).Concat(Items(8, -0.8, seed: 5, offset: 200)).Concat(Items(8, 0.9, seed: 6, offset: 208)).ToList();
        var signals = Run(items);
        Assert.Single(signals);
        Assert.Equal(SignalDirection.Down, signals[0].Direction);
    }

    [Fact]
    public void Detect_BadItems_AreCounted_DuplicatesDropped_EqualTimestampsAccepted()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var items = Items(200, 0.1);
        var at = items[^1].Timestamp;
        items.Add(new SentimentObservation("solana", at, double.NaN));
        items.Add(new SentimentObservation("solana", at, 1.5));
        items.Add(new SentimentObservation("solana", at, 0.1, items[^3].ItemId)); // a duplicate id
        items.Add(new SentimentObservation("solana", at.AddDays(-1), 0.1)); // out of order
        items.Add(new SentimentObservation(default, at, 0.1));
        items.AddRange(Enumerable.Range(0, 10).Select(i => new SentimentObservation("solana", at.AddMinutes(1), -0.9, "burst-" + i))); // same timestamp

        var signals = Run(items, new SentimentShiftDetector(meterFactory: meters));

        Assert.Equal(SignalDirection.Down, Assert.Single(signals).Direction);
        Assert.Equal(5, rejected.GetMeasurementSnapshot().Sum(m => m.Value));
    }
}
