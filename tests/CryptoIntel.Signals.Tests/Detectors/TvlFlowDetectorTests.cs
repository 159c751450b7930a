using System.Reactive.Concurrency;
using System.Reactive.Linq;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class TvlFlowDetectorTests
{
    private static List<TvlObservation> Daily(int days, string subject = "protocol:aave", int seed = 5, double sigma = 0.01)
    {
        var random = new Random(seed);
        var tvl = 1e9;
        var list = new List<TvlObservation>();
        for (var i = 0; i < days; i++)
        {
            tvl *= Math.Exp(sigma * Normal(random));
            list.Add(new TvlObservation(subject, Start.AddDays(i), tvl));
        }

        return list;
    }

    private static List<Signal> Run(IEnumerable<TvlObservation> data, TvlFlowDetector? detector = null) =>
        DetectorTestKit.Run(data, o => o.Timestamp, (detector ?? new TvlFlowDetector()).Detect);

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new TvlFlowDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<TvlObservation>(), null!));
    }

    [Fact]
    public void Detect_Outflow_FiresDown()
    {
        var data = Daily(120);
        for (var i = 100; i < data.Count; i++)
        {
            data[i] = data[i] with { TvlUsd = data[i].TvlUsd * 0.7 };
        }

        var signal = Assert.Single(Run(data));

        Assert.Equal(SignalKind.TvlChange, signal.Kind);
        Assert.Equal("protocol:aave", signal.Subject);
        Assert.Null(signal.Asset);
        Assert.Equal(SignalDirection.Down, signal.Direction);
        Assert.Equal(data[100].Timestamp, signal.DetectedAt);
        Assert.InRange(signal.Magnitude, 0.25, 0.35);
        Assert.Contains("outflow", signal.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Inflow_OfAChain_FiresUp()
    {
        var data = Daily(120, "chain:ethereum");
        data[100] = data[100] with { TvlUsd = data[100].TvlUsd * 1.25 };

        var signal = Assert.Single(Run(data));
        Assert.Equal(SignalDirection.Up, signal.Direction);
        Assert.Equal("chain:ethereum", signal.Subject);
    }

    [Fact]
    public void Detect_Noise_DoesNotFire() => Assert.Empty(Run(Daily(1500, seed: 9)));

    [Fact]
    public void Detect_DrainedProtocol_FiresOnZeroTvl_AndNegativeIsSkipped()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var data = Daily(100);
        data.Add(new TvlObservation("protocol:aave", Start.AddDays(100), -5));
        data.Add(new TvlObservation("protocol:aave", Start.AddDays(100), double.NaN));
        data.Add(new TvlObservation("", Start.AddDays(100), 5));
        data.Add(new TvlObservation("protocol:aave", Start.AddDays(100), 0));

        var signal = Assert.Single(Run(data, new TvlFlowDetector(meterFactory: meters)));

        Assert.Equal(SignalDirection.Down, signal.Direction);
        Assert.Equal(3, rejected.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public void Detect_RepeatedOutflowsWithinCoolDown_FireOnce()
    {
        var data = Daily(140);
        foreach (var (day, factor) in new[] { (100, 0.7), (101, 0.7), (120, 0.7) })
        {
            for (var i = day; i < data.Count; i++)
            {
                data[i] = data[i] with { TvlUsd = data[i].TvlUsd * factor };
            }
        }

        var signals = Run(data);

        // Day 101 is within the 2-day cool-down of day 100; day 120 fires again.
        Assert.Equal([data[100].Timestamp, data[120].Timestamp], signals.Select(s => s.DetectedAt));
    }
}
