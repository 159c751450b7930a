using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Options;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Noise;

public sealed class SignalObservableExtensionsTests
{
    private static Signal Make(string detector, SignalKind kind, DateTimeOffset at, SignalDirection direction = SignalDirection.Up, double confidence = 0.6, string subject = "bitcoin") =>
        new(Signal.CreateId(kind, subject, detector, "1", at), kind, subject, direction, 1, confidence, at, detector, "1") { Asset = subject };

    private static List<Signal> Replay(IEnumerable<Signal> signals, Func<IObservable<Signal>, IScheduler, IObservable<Signal>> apply, HistoricalScheduler? scheduler = null) =>
        Detectors.DetectorTestKit.Run(signals, s => s.DetectedAt, apply);

    [Fact]
    public void Operators_NullOrInvalidArguments_Throw()
    {
        IObservable<Signal> none = null!;
        var some = Observable.Empty<Signal>();
        Assert.Throws<ArgumentNullException>(() => none.CoolDown(TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => some.CoolDown(TimeSpan.FromHours(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => some.CoolDown(TimeSpan.FromHours(1), maxKeys: 0));
        Assert.Throws<ArgumentNullException>(() => none.DistinctSignals());
        Assert.Throws<ArgumentOutOfRangeException>(() => some.DistinctSignals(0));
        Assert.Throws<ArgumentNullException>(() => none.Confluence(new ConfluenceOptions(), ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => some.Confluence(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => some.Confluence(new ConfluenceOptions(), null!));
        Assert.Throws<OptionsValidationException>(() => some.Confluence(new ConfluenceOptions { MinDetectors = 1 }, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => none.WithConfluence(new ConfluenceOptions(), ImmediateScheduler.Instance));
    }

    [Fact]
    public void CoolDown_PerSubjectAndKind_DropsRepeatsWithinThePeriod()
    {
        var signals = new[]
        {
            Make("a", SignalKind.VolumeSpike, Start),
            Make("a", SignalKind.VolumeSpike, Start.AddHours(1)), // dropped
            Make("b", SignalKind.PriceMove, Start.AddHours(1)), // another kind: passes
            Make("a", SignalKind.VolumeSpike, Start.AddHours(1), subject: "ethereum"), // another subject: passes
            Make("a", SignalKind.VolumeSpike, Start.AddHours(3)), // after the period: passes
        };

        var passed = Replay(signals, (s, _) => s.CoolDown(TimeSpan.FromHours(2)));

        Assert.Equal([signals[0], signals[2], signals[3], signals[4]], passed);
    }

    [Fact]
    public void CoolDown_OverCapacity_ForgetsAndGoesOn()
    {
        var signals = Enumerable.Range(0, 10).Select(i => Make("a", SignalKind.VolumeSpike, Start.AddMinutes(i), subject: "s" + i)).ToList();
        signals.Add(Make("a", SignalKind.VolumeSpike, Start.AddMinutes(20), subject: "s0"));
        var passed = Replay(signals, (s, _) => s.CoolDown(TimeSpan.FromHours(1), maxKeys: 4));
        Assert.Equal(11, passed.Count); // s0's entry was forgotten to make room
    }

    [Fact]
    public void DistinctSignals_DropsRepeatedIds_WithinItsMemory()
    {
        var a = Make("a", SignalKind.VolumeSpike, Start);
        var b = Make("a", SignalKind.VolumeSpike, Start.AddHours(1));
        var c = Make("a", SignalKind.VolumeSpike, Start.AddHours(2));

        Assert.Equal([a, b], Replay([a, a, b, a], (s, _) => s.DistinctSignals()));
        Assert.Equal([a, b, c, a], Replay([a, b, c, a], (s, _) => s.DistinctSignals(capacity: 2)));
    }

    [Fact]
    public void Confluence_TwoDetectorsAgree_ComposesWithCombinedConfidence()
    {
        var volume = Make("volume-spike", SignalKind.VolumeSpike, Start, confidence: 0.6);
        var price = Make("price-move", SignalKind.PriceMove, Start.AddHours(1), confidence: 0.7);

        var composite = Assert.Single(Replay([volume, price], (s, sch) => s.Confluence(new ConfluenceOptions(), sch)));

        Assert.Equal(SignalKind.Confluence, composite.Kind);
        Assert.Equal(SignalDirection.Up, composite.Direction);
        Assert.Equal("bitcoin", composite.Subject);
        Assert.Equal(new AssetId("bitcoin"), composite.Asset);
        Assert.Equal(price.DetectedAt, composite.DetectedAt);
        Assert.Equal(1 - (0.4 * 0.3), composite.Confidence, 9);
        Assert.True(composite.Confidence > Math.Max(volume.Confidence, price.Confidence));
        Assert.Equal(2, composite.Magnitude);
        Assert.Equal("confluence", composite.Detector);
        Assert.Contains(composite.Evidence, e => e.Name == "detectors" && e.Value == 2 && e.Threshold == 2);
        Assert.Equal("bitcoin: 2 detectors agree up (volume-spike, price-move)", composite.Summary);
    }

    [Fact]
    public void Confluence_DisagreeingDirections_OtherSubjects_SameDetector_OrOutsideTheWindow_DoNotCompose()
    {
        Signal[] signals =
        [
            Make("volume-spike", SignalKind.VolumeSpike, Start),
            Make("price-move", SignalKind.PriceMove, Start.AddHours(1), SignalDirection.Down),
            Make("sentiment-shift", SignalKind.SentimentShift, Start.AddHours(1), subject: "ethereum"),
            Make("volume-spike", SignalKind.VolumeSpike, Start.AddHours(2)),
            Make("tvl-flow", SignalKind.TvlChange, Start.AddHours(9)), // the up volume spike was 7 h before
        ];

        Assert.Empty(Replay(signals, (s, sch) => s.Confluence(new ConfluenceOptions(), sch)));
    }

    [Fact]
    public void Confluence_NeutralSignalsSupportADirection_AndOneCompositePerWindow()
    {
        Signal[] signals =
        [
            Make("news-velocity", SignalKind.NewsVelocity, Start, SignalDirection.Neutral),
            Make("price-move", SignalKind.PriceMove, Start.AddHours(1), SignalDirection.Down),
            Make("volume-spike", SignalKind.VolumeSpike, Start.AddHours(2), SignalDirection.Down), // same episode
            Make("price-move", SignalKind.PriceMove, Start.AddHours(10), SignalDirection.Down),
            Make("volume-spike", SignalKind.VolumeSpike, Start.AddHours(11), SignalDirection.Down), // a new window
        ];

        var composites = Replay(signals, (s, sch) => s.Confluence(new ConfluenceOptions(), sch));

        Assert.Equal([Start.AddHours(1), Start.AddHours(11)], composites.Select(c => c.DetectedAt));
        Assert.All(composites, c => Assert.Equal(SignalDirection.Down, c.Direction));
    }

    [Fact]
    public void Confluence_SubjectIdleForAWindowOnTheScheduler_IsForgotten()
    {
        // Data time says the two are 1 h apart, but the scheduler ran 7 h between them (a live stream that
        // stalled): the expiry timer forgot the first one.
        var scheduler = new HistoricalScheduler(Start);
        var subject = new Subject<Signal>();
        var composites = new List<Signal>();
        using var subscription = subject.Confluence(new ConfluenceOptions(), scheduler).Subscribe(composites.Add);

        subject.OnNext(Make("volume-spike", SignalKind.VolumeSpike, Start));
        scheduler.AdvanceBy(TimeSpan.FromHours(7));
        subject.OnNext(Make("price-move", SignalKind.PriceMove, Start.AddHours(1)));
        Assert.Empty(composites);

        subject.OnNext(Make("sentiment-shift", SignalKind.SentimentShift, Start.AddHours(1)));
        Assert.Single(composites);
    }

    [Fact]
    public void WithConfluence_ForwardsTheSignalsAndAddsComposites_AndConfluenceIgnoresComposites()
    {
        var volume = Make("volume-spike", SignalKind.VolumeSpike, Start);
        var price = Make("price-move", SignalKind.PriceMove, Start.AddHours(1));

        var all = Replay([volume, price], (s, sch) => s.WithConfluence(new ConfluenceOptions(), sch));

        Assert.Equal([SignalKind.VolumeSpike, SignalKind.PriceMove, SignalKind.Confluence], all.Select(s => s.Kind));
        Assert.Empty(Replay(all, (s, sch) => s.Where(x => x.Kind == SignalKind.Confluence).Confluence(new ConfluenceOptions(), sch)));
    }
}
