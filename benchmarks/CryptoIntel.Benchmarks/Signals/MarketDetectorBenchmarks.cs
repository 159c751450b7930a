using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using CryptoIntel.Signals;

namespace CryptoIntel.Benchmarks.Signals;

/// <summary>
/// Ticks per second through the market detectors (volume spike, price move, de-peg, cross-source divergence) and
/// allocations per tick. Each invocation replays <see cref="TickCount"/> hourly ticks of 20 assets (a random walk
/// with log-normal volume and occasional shocks, one stablecoin among them) through a fresh subscription, so the
/// figure includes the warm-up, the per-asset state and the signals. Results are per tick (OperationsPerInvoke).
/// Run: dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*MarketDetector*' --job short
/// </summary>
[MemoryDiagnoser]
public class MarketDetectorBenchmarks
{
    public const int TickCount = 200_000;
    private const int Assets = 20;

    private MarketTick[] _ticks = [];
    private SignalPipeline _pipeline = null!;
    private VolumeSpikeDetector _volume = null!;
    private PriceMoveDetector _price = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ticks = Generate(TickCount, Assets, seed: 42);
        _pipeline = SignalPipeline.CreateDefault();
        _volume = new VolumeSpikeDetector();
        _price = new PriceMoveDetector();
    }

    /// <summary>The four market detectors sharing one stream, with de-duplication and confluence.</summary>
    [Benchmark(OperationsPerInvoke = TickCount, Baseline = true)]
    public int FullMarketPipeline() => Replay(s => _pipeline.Detect(s, ImmediateScheduler.Instance));

    [Benchmark(OperationsPerInvoke = TickCount)]
    public int VolumeSpikeOnly() => Replay(s => _volume.Detect(s, ImmediateScheduler.Instance));

    [Benchmark(OperationsPerInvoke = TickCount)]
    public int PriceMoveOnly() => Replay(s => _price.Detect(s, ImmediateScheduler.Instance));

    internal static MarketTick[] Generate(int count, int assets, int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, assets).Select(i => i == 0 ? new AssetId("tether") : new AssetId("asset-" + i)).ToArray();
        var prices = Enumerable.Range(0, assets).Select(i => i == 0 ? 1.0 : 100.0 * (i + 1)).ToArray();
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ticks = new MarketTick[count];
        for (var i = 0; i < count; i++)
        {
            var a = i % assets;
            var shock = random.NextDouble() < 0.002 ? 8.0 : 1.0;
            var sigma = a == 0 ? 0.0002 : 0.006 * shock;
            prices[a] = a == 0 ? 1 + (sigma * Normal(random)) : prices[a] * Math.Exp(sigma * Normal(random));
            var volume = 1000 * shock * Math.Exp(0.3 * Normal(random));
            ticks[i] = new MarketTick(names[a], "binance", start.AddHours(i / assets), prices[a], volume);
        }

        return ticks;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private int Replay(Func<IObservable<MarketTick>, IObservable<Signal>> detect)
    {
        var subject = new Subject<MarketTick>();
        var count = 0;
        using (detect(subject).Subscribe(_ => count++))
        {
            foreach (var tick in _ticks)
            {
                subject.OnNext(tick);
            }

            subject.OnCompleted();
        }

        return count;
    }
}
