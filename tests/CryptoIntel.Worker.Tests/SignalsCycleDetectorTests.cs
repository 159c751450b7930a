using System.Reactive.Concurrency;
using System.Reactive.Linq;
using CryptoIntel.Pipeline;
using CryptoIntel.Pipeline.Internal;
using CryptoIntel.Signals;
using CryptoIntel.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Worker.Tests;

public sealed class SignalsCycleDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AStreamThatEndsWithAnError_FailsThatCycle_AndTheNextCycleDetectsAgain()
    {
        using var services = new ServiceCollection()
            .AddSingleton(new SignalPipeline([new EveryTickDetector()]))
            .BuildServiceProvider();
        using var detector = new SignalsCycleDetector(services);

        var first = await detector.DetectAsync(Cycle(1, 10m), TestContext.Current.CancellationToken);
        Assert.Single(first);

        // A price of 13 makes the detector's stream fail (outside any detector's own error handling).
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await detector.DetectAsync(Cycle(2, 13m), TestContext.Current.CancellationToken));
        Assert.IsType<ArithmeticException>(error.InnerException);

        // Not silently dead: the next cycle runs on a fresh subscription.
        var third = await detector.DetectAsync(Cycle(3, 11m), TestContext.Current.CancellationToken);
        Assert.Equal(T0.AddHours(3), Assert.Single(third).DetectedAt);
    }

    [Fact]
    public async Task WithoutAddSignals_FindsNothing()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        using var detector = new SignalsCycleDetector(services);
        Assert.Empty(await detector.DetectAsync(Cycle(1, 10m), TestContext.Current.CancellationToken));
    }

    private static CollectionContext Cycle(int hour, decimal price)
    {
        var batch = new StorageBatch();
        batch.Snapshots.Add(new MarketSnapshot(AssetId.Bitcoin, "test", T0.AddHours(hour), price) { Volume24hUsd = 1m });
        return new CollectionContext("c" + hour, T0.AddHours(hour), batch);
    }

    /// <summary>Signals every tick; a price of 13 ends its stream with an error.</summary>
    private sealed class EveryTickDetector : ISignalDetector<MarketTick>
    {
        public string Name => "every-tick";

        public string Version => "1";

        public IObservable<Signal> Detect(IObservable<MarketTick> source, IScheduler scheduler) =>
            source.Select(t => t.Price == 13
                ? throw new ArithmeticException("unlucky price")
                : new Signal(Signal.CreateId(SignalKind.PriceMove, t.Asset.Value, Name, Version, t.Timestamp), SignalKind.PriceMove, t.Asset.Value,
                    SignalDirection.Up, 1, 0.5, t.Timestamp, Name, Version) { Asset = t.Asset });
    }
}
