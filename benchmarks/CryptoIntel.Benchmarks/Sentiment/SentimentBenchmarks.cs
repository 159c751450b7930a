using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using CryptoIntel.Signals.Sentiment;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Benchmarks.Sentiment;

/// <summary>
/// Sentiment scoring: one headline per call (latency, with P50/P95 columns) and a batch of 1,000 headlines per call
/// (reported per headline via OperationsPerInvoke: headlines/s = 1 s / the mean). The headlines are CryptoIntel's own.
/// <c>dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*Sentiment*' --job short</c>
/// </summary>
[Config(typeof(PercentileConfig))]
public class SentimentBenchmarks
{
    private const int BatchSize = 1_000;

    /// <summary>The headlines scored (CryptoIntel's own).</summary>
    internal static readonly string[] Headlines =
    [
        "Solana surges 18% to a new all-time high as ETF inflows pour in",
        "Bridge exploited, hackers drain $120 million from the pools",
        "Developers set a date for the next network upgrade",
        "Traders rekt as $ETH plunges and $400M in longs get liquidated",
        "Payments startup raises $60 million in a Series B round led by a16z crypto",
        "Stablecoin depegs amid a wave of redemptions",
        "Exchange appoints a new head of compliance",
        "SEC does not approve the spot ETF, bitcoin slips 4%",
        "Bitcoin trades flat near $64,000 ahead of the Fed decision",
        "Token slides ahead of a $200 million unlock",
        "Regulator fines exchange $30 million over compliance failures",
        "Lending protocol TVL climbs to a record $12 billion",
        "The company will publish its interim report on 12 May .",
        "Operating profit rose to EUR 13.4 mn from EUR 9.8 mn .",
        "$COIN jumps after earnings beat and raised guidance https://t.co/abc",
        "Memecoin collapses 95% in an apparent rug pull",
    ];

    private readonly string[] _batch = [.. Enumerable.Range(0, BatchSize).Select(i => Headlines[i % Headlines.Length])];
    private MlSentimentScorer _ml = null!;
    private BenchMeterFactory _meters = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _meters = new BenchMeterFactory();
        _ml = new MlSentimentScorer(Options.Create(new SentimentScorerOptions()), _meters);
        if (!_ml.IsModelLoaded)
        {
            throw new InvalidOperationException("The embedded sentiment model did not load.");
        }

        // Warm every pooled engine path once.
        _ml.ScoreBatch(Headlines);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ml.Dispose();
        _meters.Dispose();
    }

    [Benchmark(Description = "ML: one headline")]
    public SentimentScore MlSingle() => _ml.Score(Headlines[_next++ & 15]);

    [Benchmark(Description = "Lexicon: one headline")]
    public SentimentScore LexiconSingle() => LexiconSentimentScorer.Instance.Score(Headlines[_next++ & 15]);

    [Benchmark(Description = "ML: batch of 1,000", OperationsPerInvoke = BatchSize)]
    public IReadOnlyList<SentimentScore> MlBatch() => _ml.ScoreBatch(_batch);

    [Benchmark(Description = "Lexicon: batch of 1,000", OperationsPerInvoke = BatchSize)]
    public IReadOnlyList<SentimentScore> LexiconBatch() => LexiconSentimentScorer.Instance.ScoreBatch(_batch);

    /// <summary>P50/P95 columns and allocations.</summary>
    internal sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            AddColumn(StatisticColumn.P50, StatisticColumn.P95);
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    /// <summary>A meter factory for the scorers' fallback counters.</summary>
    internal sealed class BenchMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _created = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _created.Add(meter);
            return meter;
        }

        public void Dispose() => _created.ForEach(m => m.Dispose());
    }
}
