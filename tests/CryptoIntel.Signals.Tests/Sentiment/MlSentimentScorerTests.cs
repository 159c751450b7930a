using System.Diagnostics.Metrics;
using CryptoIntel.Signals.Sentiment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Tests.Sentiment;

public sealed class MlSentimentScorerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void EmbeddedModel_Loads()
    {
        using var scorer = Create();
        Assert.True(scorer.IsModelLoaded);
        Assert.Equal(SentimentScorerKind.MachineLearning, scorer.Score("Bitcoin trades flat").Scorer);
    }

    [Theory]
    [InlineData("Avalanche jumps 22% after a major exchange listing", SentimentLabel.Positive)]
    [InlineData("Spot ether ETFs pull in $400 million of net inflows", SentimentLabel.Positive)]
    [InlineData("Payments startup raises $60 million in a Series B round", SentimentLabel.Positive)]
    [InlineData("Lending protocol exploited for $35 million in flash loan attack", SentimentLabel.Negative)]
    [InlineData("Dogecoin tumbles 15% as $300 million in longs are liquidated", SentimentLabel.Negative)]
    [InlineData("Exchange halts withdrawals and files for bankruptcy", SentimentLabel.Negative)]
    [InlineData("Network developers schedule the upgrade for the second week of March", SentimentLabel.Neutral)]
    [InlineData("Exchange appoints a new head of compliance", SentimentLabel.Neutral)]
    public void Score_ClearCases(string text, SentimentLabel expected)
    {
        using var scorer = Create();
        var score = scorer.Score(text);
        Assert.Equal(expected, score.Label);
        Assert.Equal(1f, score.Negative + score.Neutral + score.Positive, 3);
        Assert.Equal(score.Positive - score.Negative, score.Value, 5);
    }

    [Fact]
    public void Score_Negation_ChangesTheAnswer()
    {
        using var scorer = Create();
        Assert.True(scorer.Score("Regulator approves spot bitcoin ETF").Value > scorer.Score("Regulator does not approve spot bitcoin ETF").Value);
    }

    [Fact]
    public void ScoreBatch_EqualsOneByOne()
    {
        using var scorer = Create();
        string[] texts = ["Bitcoin crashes below $50K", "Ether hits a record high", "Exchange publishes monthly volume figures", ""];
        Assert.Equal(texts.Select(scorer.Score), scorer.ScoreBatch(texts));
    }

    [Fact]
    public void Score_ParallelCalls_GiveTheSequentialAnswers()
    {
        using var scorer = Create();
        var texts = Enumerable.Range(0, 400).Select(i => (i % 4) switch
        {
            0 => $"Token {i} surges {i % 50}% after listing",
            1 => $"Protocol {i} hacked, ${i} million drained",
            2 => $"Foundation {i} publishes its annual report",
            _ => $"$COIN{i} slides as outflows mount",
        }).ToArray();
        var sequential = texts.Select(scorer.Score).ToArray();
        var parallel = new SentimentScore[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, i => parallel[i] = scorer.Score(texts[i]));
        Assert.Equal(sequential, parallel);
        Assert.All(parallel, s => Assert.Equal(SentimentScorerKind.MachineLearning, s.Scorer));
    }

    [Fact]
    public void MissingModel_FallsBackToLexicon_AndCountsIt()
    {
        using var fallbacks = new MetricCollector<long>(Meters, MlSentimentScorer.MeterName, MlSentimentScorer.FallbackCounterName);
        using var scorer = Create(Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.zip"));

        Assert.False(scorer.IsModelLoaded);
        var score = scorer.Score("Bridge exploited, hackers drain $120 million");
        Assert.Equal(SentimentScorerKind.Lexicon, score.Scorer);
        Assert.Equal(LexiconSentimentScorer.Instance.Score("Bridge exploited, hackers drain $120 million"), score);
        Assert.Equal(2, scorer.ScoreBatch(["a", "b"]).Count);

        Assert.Equal(3, fallbacks.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(fallbacks.GetMeasurementSnapshot(), m => Assert.Equal("model_unavailable", m.Tags["reason"]));
    }

    [Fact]
    public void CorruptModel_FallsBackToLexicon_AndCountsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-model-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
        try
        {
            using var fallbacks = new MetricCollector<long>(Meters, MlSentimentScorer.MeterName, MlSentimentScorer.FallbackCounterName);
            using var scorer = Create(path);
            Assert.False(scorer.IsModelLoaded);
            Assert.Equal(SentimentLabel.Positive, scorer.Score("Solana hits a new all-time high").Label);
            Assert.Equal(1, fallbacks.GetMeasurementSnapshot().EvaluateAsCounter());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PredictionFailure_FallsBackToLexicon_CountsEachAnswer_LogsOnce()
    {
        var logger = new FakeLogger();
        using var fallbacks = new MetricCollector<long>(Meters, MlSentimentScorer.MeterName, MlSentimentScorer.FallbackCounterName);
        using var scorer = new MlSentimentScorer(new DefaultObjectPool<MlSentimentScorer.IPredictor>(new ThrowingPolicy()), Meters, logger);

        var score = scorer.Score("Bridge exploited, hackers drain $120 million");
        Assert.Equal(SentimentScorerKind.Lexicon, score.Scorer);
        Assert.Equal(SentimentLabel.Negative, score.Label);
        Assert.All(scorer.ScoreBatch(["Bitcoin soars to a record high", "Exchange appoints a CFO"]), s => Assert.Equal(SentimentScorerKind.Lexicon, s.Scorer));

        Assert.Equal(3, fallbacks.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(fallbacks.GetMeasurementSnapshot(), m => Assert.Equal("prediction_failed", m.Tags["reason"]));
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "SentimentPredictionFailed");
    }

    [Fact]
    public void MissingModel_IsLogged()
    {
        var logger = new FakeLogger<MlSentimentScorer>();
        using var scorer = new MlSentimentScorer(Options.Create(new SentimentScorerOptions { ModelPath = "/nonexistent/model.zip" }), Meters, logger);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "SentimentModelUnavailable");
    }

    [Fact]
    public void Score_LongAndOddText_DoesNotThrow()
    {
        using var scorer = Create();
        var s = scorer.Score(string.Concat(Enumerable.Repeat("🚀 $BTC ", 5000)) + "\u0000\t\r\n");
        Assert.Equal(SentimentScorerKind.MachineLearning, s.Scorer);
        Assert.Throws<ArgumentNullException>(() => scorer.Score(null!));
    }

    private sealed class ThrowingPolicy : PooledObjectPolicy<MlSentimentScorer.IPredictor>
    {
        public override MlSentimentScorer.IPredictor Create() => new Throwing();

        public override bool Return(MlSentimentScorer.IPredictor obj) => true;

        private sealed class Throwing : MlSentimentScorer.IPredictor
        {
            public float[] Predict(string text, int maxLength) => throw new InvalidOperationException("broken engine");
        }
    }

    private MlSentimentScorer Create(string? modelPath = null) =>
        new(Options.Create(new SentimentScorerOptions { ModelPath = modelPath }), Meters);
}
