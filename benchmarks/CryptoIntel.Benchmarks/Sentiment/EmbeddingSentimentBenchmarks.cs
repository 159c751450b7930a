using BenchmarkDotNet.Attributes;
using CryptoIntel.Signals.Sentiment;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Benchmarks.Sentiment;

/// <summary>
/// The embedding sentiment scorer (CryptoIntel.Signals.Embeddings): one headline per call (P50/P95 columns) and a
/// batch of 256 per call (reported per headline). ONNX Runtime uses every core for one call.
/// <c>dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*EmbeddingSentiment*' --job short</c>
/// </summary>
[Config(typeof(SentimentBenchmarks.PercentileConfig))]
public class EmbeddingSentimentBenchmarks
{
    private const int BatchSize = 256;
    private readonly string[] _batch = [.. Enumerable.Range(0, BatchSize).Select(i => SentimentBenchmarks.Headlines[i % SentimentBenchmarks.Headlines.Length])];
    private SentimentBenchmarks.BenchMeterFactory _meters = null!;
    private MlSentimentScorer _fast = null!;
    private EmbeddingSentimentScorer _scorer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _meters = new SentimentBenchmarks.BenchMeterFactory();
        _fast = new MlSentimentScorer(Options.Create(new SentimentScorerOptions()), _meters);
        _scorer = new EmbeddingSentimentScorer(Options.Create(new EmbeddingSentimentScorerOptions()), _fast, _meters);
        if (!_scorer.IsModelLoaded)
        {
            throw new InvalidOperationException("The embedding sentiment model did not load.");
        }

        _scorer.ScoreBatch(SentimentBenchmarks.Headlines);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scorer.Dispose();
        _fast.Dispose();
        _meters.Dispose();
    }

    [Benchmark(Description = "Embedding: one headline")]
    public SentimentScore OneHeadline() => _scorer.Score(SentimentBenchmarks.Headlines[_next++ & 15]);

    [Benchmark(Description = "Embedding: batch of 256", OperationsPerInvoke = BatchSize)]
    public IReadOnlyList<SentimentScore> Batch() => _scorer.ScoreBatch(_batch);
}
