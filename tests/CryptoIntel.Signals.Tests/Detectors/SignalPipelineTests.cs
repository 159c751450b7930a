using System.Reactive.Concurrency;
using System.Reactive.Linq;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class SignalPipelineTests
{
    [Fact]
    public void Pipeline_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new SignalPipeline(null!));
        var pipeline = SignalPipeline.CreateDefault();
        Assert.Throws<ArgumentNullException>(() => pipeline.Detect((IObservable<MarketTick>)null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => pipeline.Detect(Observable.Empty<MarketTick>(), null!));
        Assert.Throws<ArgumentNullException>(() => pipeline.Detect((SignalInputs)null!, ImmediateScheduler.Instance));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => SignalPipeline.CreateDefault(options: new SignalPipelineOptions { DeduplicationCapacity = 0 }));
    }

    [Fact]
    public void Detect_MarketTicks_RunsEveryMarketDetectorOnOneSubscription_AndAddsConfluence()
    {
        var subscriptions = 0;
        var ticks = Hourly(400);
        for (var i = 300; i < ticks.Count; i++)
        {
            ticks[i] = ticks[i] with { Price = ticks[i].Price * 0.9, Volume = i == 300 ? ticks[i].Volume * 12 : ticks[i].Volume };
        }

        var source = Observable.Defer(() =>
        {
            subscriptions++;
            return ticks.ToObservable();
        });

        var signals = SignalPipeline.CreateDefault().Detect(source, ImmediateScheduler.Instance).ToEnumerable().ToList();

        Assert.Equal(1, subscriptions);
        Assert.Equal(4, SignalPipeline.CreateDefault().MarketDetectors.Count);
        Assert.Contains(signals, s => s.Kind == SignalKind.VolumeSpike && s.Direction == SignalDirection.Down);
        Assert.Contains(signals, s => s.Kind == SignalKind.PriceMove && s.Direction == SignalDirection.Down);
        var composite = Assert.Single(signals, s => s.Kind == SignalKind.Confluence);
        Assert.Equal(SignalDirection.Down, composite.Direction);
        Assert.Equal(ticks[300].Timestamp, composite.DetectedAt);
    }

    [Fact]
    public void Detect_AllInputs_InVirtualTime_MergesEveryFamily()
    {
        var scheduler = new HistoricalScheduler(Start);
        var fearGreed = Observable.Generate(0, i => i < 10, i => i + 1, i => new FearGreedObservation(Start.AddDays(i), i < 5 ? 50 : 80), i => Start.AddDays(i), scheduler);
        var tvl = Observable.Generate(0, i => i < 120, i => i + 1, i => new TvlObservation("chain:ethereum", Start.AddDays(i), i < 100 ? 1e9 * (1 + (0.001 * (i % 3))) : 5e8), i => Start.AddDays(i), scheduler);
        var inputs = new SignalInputs { FearGreed = fearGreed, Tvl = tvl, Market = Observable.Empty<MarketTick>() };
        var pipeline = SignalPipeline.CreateDefault(options: new SignalPipelineOptions { EmitConfluence = false });

        var signals = new List<Signal>();
        using var subscription = pipeline.Detect(inputs, scheduler).Subscribe(signals.Add);
        scheduler.Start();

        Assert.Contains(signals, s => s.Kind == SignalKind.FearGreedRegime && s.DetectedAt == Start.AddDays(5));
        Assert.Contains(signals, s => s.Kind == SignalKind.TvlChange && s.Direction == SignalDirection.Down && s.DetectedAt == Start.AddDays(100));
        Assert.DoesNotContain(signals, s => s.Kind == SignalKind.Confluence);
    }

    [Fact]
    public void Detect_BuiltInDetectorsInOneSubscription_EmitWhatAPublishAndMergeOfTheDetectorsEmits()
    {
        // Two assets on two sources, shocks, a stablecoin off its peg, and bad input (NaN, zero volume, out of order).
        var ticks = new List<MarketTick>();
        var random = new Random(11);
        for (var i = 0; i < 1200; i++)
        {
            var hour = Start.AddHours(i / 2);
            var shock = i % 300 is >= 200 and < 204 ? 1.08 : 1.0;
            foreach (var (asset, price) in new[] { ("bitcoin", 100.0), ("tether", 1.0) })
            {
                var p = asset == "tether" ? (i % 400 is > 100 and < 110 ? 0.97 : 1 + (0.0005 * Normal(random))) : price * shock * Math.Exp(0.01 * Normal(random));
                var v = 100 * Math.Exp(0.3 * Normal(random)) * (shock > 1 ? 10 : 1);
                ticks.Add(new MarketTick(asset, i % 2 == 0 ? "binance" : "coingecko", hour, i % 97 == 0 ? double.NaN : p, i % 89 == 0 ? 0 : v));
            }

            if (i % 151 == 0)
            {
                ticks.Add(new MarketTick("bitcoin", "binance", hour.AddHours(-3), 100, 100));
            }
        }

        var builtIn = SignalPipeline.CreateDefault();
        var wrapped = new SignalPipeline(builtIn.MarketDetectors.Select(d => (ISignalDetector<MarketTick>)new Opaque(d)));

        var fused = RunTicks(new Opaque(new PipelineAsDetector(builtIn)), ticks);
        var merged = RunTicks(new Opaque(new PipelineAsDetector(wrapped)), ticks);

        Assert.NotEmpty(fused);
        Assert.Contains(fused, s => s.Kind == SignalKind.Depeg);
        Assert.Contains(fused, s => s.Kind == SignalKind.PriceDivergence);
        Assert.Equal(merged.Select(Describe), fused.Select(Describe));
    }

    private static string Describe(Signal s) =>
        FormattableString.Invariant($"{s with { Evidence = [] }} {string.Join(";", s.Evidence.Select(e => FormattableString.Invariant($"{e.Name}={e.Value:R}/{e.Threshold:R}")))}");

    // Hides the built-in detector's engine, so the pipeline falls back to a Publish and Merge of Detect calls.
    private sealed class Opaque(ISignalDetector<MarketTick> inner) : ISignalDetector<MarketTick>
    {
        public string Name => inner.Name;

        public string Version => inner.Version;

        public IObservable<Signal> Detect(IObservable<MarketTick> source, IScheduler scheduler) => inner.Detect(source, scheduler);
    }

    private sealed class PipelineAsDetector(SignalPipeline pipeline) : ISignalDetector<MarketTick>
    {
        public string Name => "pipeline";

        public string Version => "1";

        public IObservable<Signal> Detect(IObservable<MarketTick> source, IScheduler scheduler) => pipeline.Detect(source, scheduler);
    }
}
