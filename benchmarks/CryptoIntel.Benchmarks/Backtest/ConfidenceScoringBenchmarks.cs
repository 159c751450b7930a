using BenchmarkDotNet.Attributes;
using CryptoIntel;
using CryptoIntel.Signals.Confidence;

namespace CryptoIntel.Benchmarks.Backtest;

/// <summary>
/// Confidence scoring per signal: the rules, the shipped ML model, and capturing the context (ns/op, with P50/P95 of
/// the iterations). <c>dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*ConfidenceScoring*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[PercentileColumns]
public class ConfidenceScoringBenchmarks
{
    private readonly Signal _signal = new(
        Signal.CreateId(SignalKind.PriceMove, "bitcoin", "price-move", "1.0.0", DateTimeOffset.UnixEpoch), SignalKind.PriceMove, "bitcoin",
        SignalDirection.Up, 4.6, 0.62, new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero), "price-move", "1.0.0")
    {
        Asset = AssetId.Bitcoin,
        Evidence = [new SignalEvidence("zScore", 4.6, 4), new SignalEvidence("move", 0.031, 0.01)],
    };

    private readonly SignalContext _context = new()
    {
        Return4h = 0.03, Return24h = 0.04, Return7d = 0.08, RangePosition24h = 0.95, Volatility24h = 0.008, Volatility7d = 0.006,
        VolatilityRatio = 1.3, VolumeRatio = 1.8, BtcReturn24h = 0.04, BtcReturn7d = 0.08, BtcVolatilityRatio = 1.3, RecentHitRate = 0.6, RecentOutcomes = 12,
    };

    private MlConfidenceScorer _ml = null!;
    private SignalContextTracker _tracker = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MlConfidenceScorer();
        if (!_ml.IsModelLoaded)
        {
            throw new InvalidOperationException("the shipped confidence model did not load");
        }

        _tracker = new SignalContextTracker();
        var t0 = _signal.DetectedAt.AddDays(-8);
        for (var i = 0; i < 24 * 8; i++)
        {
            _tracker.Observe(new global::CryptoIntel.Signals.MarketTick(AssetId.Bitcoin, "b", t0.AddHours(i), 60_000 + (i * 10), 100));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _ml.Dispose();

    [Benchmark(Baseline = true)]
    public double Rules() => RuleConfidenceScorer.Instance.Score(_signal, _context).Confidence;

    [Benchmark]
    public double Ml() => _ml.Score(_signal, _context).Confidence;

    [Benchmark]
    public SignalContext CaptureContext() => _tracker.Capture(_signal);
}
