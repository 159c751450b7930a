using System.Reactive.Concurrency;
using System.Reactive.Linq;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class NewsVelocityDetectorTests
{
    // Hourly Poisson counts with rate λ (Knuth's method).
    private static List<MentionObservation> Counts(int hours, double lambda, int seed = 3, string entity = "ethereum")
    {
        var random = new Random(seed);
        var list = new List<MentionObservation>();
        for (var i = 0; i < hours; i++)
        {
            int k = 0;
            for (var p = random.NextDouble(); p > Math.Exp(-lambda); p *= random.NextDouble())
            {
                k++;
            }

            list.Add(new MentionObservation(entity, Start.AddHours(i), k));
        }

        return list;
    }

    private static List<Signal> Run(IEnumerable<MentionObservation> data, NewsVelocityDetector? detector = null) =>
        DetectorTestKit.Run(data, o => o.Timestamp, (detector ?? new NewsVelocityDetector()).Detect);

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new NewsVelocityDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<MentionObservation>(), null!));
    }

    [Fact]
    public void Detect_Surge_FiresOnce()
    {
        var data = Counts(200, 4);
        for (var i = 150; i < 154; i++)
        {
            data[i] = data[i] with { Count = 30 };
        }

        var signal = Assert.Single(Run(data));

        Assert.Equal(SignalKind.NewsVelocity, signal.Kind);
        Assert.Equal("ethereum", signal.Subject);
        Assert.Equal(["ethereum"], signal.Entities);
        Assert.Equal(data[150].Timestamp, signal.DetectedAt);
        Assert.True(signal.Magnitude > 10);
    }

    [Fact]
    public void Detect_PoissonNoise_DoesNotFire() => Assert.Empty(Run(Counts(5000, 4, seed: 8)));

    [Fact]
    public void Detect_RareEntity_TwoMentions_IsNotASurge()
    {
        var data = Counts(200, 0.05);
        data[150] = data[150] with { Count = 3 };
        Assert.Empty(Run(data));
    }

    [Fact]
    public void Detect_SurgesWithinCoolDown_FireOnce_BadInputCounted()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var data = Counts(300, 4);
        data[150] = data[150] with { Count = 30 };
        data[153] = data[153] with { Count = 30 }; // 3 h later, re-armed but cooling down
        data[250] = data[250] with { Count = 30 };
        data.Insert(100, new MentionObservation("ethereum", data[99].Timestamp.AddMinutes(1), -1));
        data.Insert(101, new MentionObservation("", data[99].Timestamp.AddMinutes(1), 1));
        data.Insert(102, data[99]); // duplicate

        var signals = Run(data, new NewsVelocityDetector(meterFactory: meters));

        Assert.Equal(2, signals.Count);
        Assert.Equal(3, rejected.GetMeasurementSnapshot().Sum(m => m.Value));
    }
}
