using System.Reactive.Concurrency;
using System.Reactive.Linq;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class FearGreedRegimeDetectorTests
{
    private static List<FearGreedObservation> Daily(params int[] values) =>
        values.Select((v, i) => new FearGreedObservation(Start.AddDays(i), v)).ToList();

    private static List<Signal> Run(IEnumerable<FearGreedObservation> data, FearGreedRegimeDetector? detector = null) =>
        DetectorTestKit.Run(data, o => o.Timestamp, (detector ?? new FearGreedRegimeDetector()).Detect);

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new FearGreedRegimeDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<FearGreedObservation>(), null!));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new FearGreedRegimeDetector(new FearGreedRegimeDetectorOptions { GreedFrom = 40 }));
    }

    [Fact]
    public void Detect_RegimeChanges_FireWithDirection()
    {
        var signals = Run(Daily(50, 52, 60, 62, 80, 40, 20));

        Assert.Equal([SignalDirection.Up, SignalDirection.Up, SignalDirection.Down, SignalDirection.Down], signals.Select(s => s.Direction));
        Assert.Equal("Fear & Greed 60: neutral → greed", signals[0].Summary);
        Assert.Equal("market", signals[0].Subject);
        Assert.Null(signals[0].Asset);
        Assert.Contains("greed → fear", signals[2].Summary, StringComparison.Ordinal); // two regimes down at once
        Assert.True(signals[2].Confidence > signals[0].Confidence);
    }

    [Fact]
    public void Detect_WobbleAroundABoundary_DoesNotFire()
    {
        // Boundary 56 with margin 3: values 54..58 never leave neutral.
        Assert.Empty(Run(Daily(50, 55, 57, 54, 58, 56, 55, 57, 58, 54)));
    }

    [Fact]
    public void Detect_ChangesWithinCoolDown_FireOnce_BadReadingsCounted()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var data = new List<FearGreedObservation>
        {
            new(Start, 50),
            new(Start.AddHours(1), 70), // greed
            new(Start.AddHours(2), 30), // fear, but within 12 h
            new(Start.AddHours(3), 101),
            new(Start.AddHours(4), -1),
            new(Start.AddHours(1), 10), // out of order
            new(Start.AddHours(20), 30), // fear, after the cool-down
        };

        var signals = Run(data, new FearGreedRegimeDetector(meterFactory: meters));

        Assert.Equal([Start.AddHours(1), Start.AddHours(20)], signals.Select(s => s.DetectedAt));
        Assert.Equal(2, Count(rejected, "reason", "out-of-range"));
        Assert.Equal(1, Count(rejected, "reason", "out-of-order"));
    }
}
