using System.Diagnostics.Metrics;
using CryptoIntel.Signals.Embeddings.Internal;
using CryptoIntel.Signals.Sentiment;
using CryptoIntel.Signals.Sentiment.Internal;
using CryptoIntel.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Tests.Sentiment;

/// <summary>The shipped fine-tuned model, loaded once for the class (about a second and 100 MB each).</summary>
public sealed class EmbeddingScorerFixture : IDisposable
{
    public EmbeddingScorerFixture()
    {
        Services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Fast = new MlSentimentScorer(Options.Create(new SentimentScorerOptions()), Meters);
        Scorer = new EmbeddingSentimentScorer(Options.Create(new EmbeddingSentimentScorerOptions()), Fast, Meters);
        using var weights = SentimentTransformer.OpenEmbedded()!;
        Model = SentimentTransformer.Load(weights);
    }

    public ServiceProvider Services { get; }

    public IMeterFactory Meters => Services.GetRequiredService<IMeterFactory>();

    public MlSentimentScorer Fast { get; }

    public EmbeddingSentimentScorer Scorer { get; }

    internal SentimentTransformer Model { get; }

    public void Dispose()
    {
        Scorer.Dispose();
        Fast.Dispose();
        Model.Dispose();
        Services.Dispose();
    }
}

public sealed class EmbeddingSentimentScorerTests(EmbeddingScorerFixture fixture) : IClassFixture<EmbeddingScorerFixture>
{
    private const string Marker = "FAIL-HERE";

    [Theory]
    // file, minimum accuracy, minimum macro-F1 (measured figures in src/CryptoIntel.Signals.Embeddings/README.md).
    // None of these files was trained on; the fine-tuning recipe and the fast model's weight were fixed on the tweets'
    // training split before any of them was looked at.
    [InlineData("cryptolin_dev.csv", 0.65, 0.69)] // achieved 0.7201 / 0.7084; target 0.65: met
    [InlineData("cryptolin_train.csv", 0.65, 0.64)] // achieved 0.6677 / 0.6550 (never trained on); target 0.65: met
    [InlineData("fpb_allagree_dev.csv", 0.85, 0.88)] // achieved 0.9200 / 0.8870; target 0.85: met
    [InlineData("fpb_allagree_train.csv", 0.85, 0.83)] // achieved 0.8687 / 0.8358 (never trained on)
    [InlineData("twitter_fin_dev.csv", 0.85, 0.80)] // achieved 0.8573 / 0.8073; target 0.85: met
    public void SharedSplit_MeetsGate(string file, double minAccuracy, double minMacroF1)
    {
        var rows = SentimentCsv.Read(SharedData.Path("data", "sentiment", file));
        var scores = fixture.Scorer.ScoreBatch([.. rows.Select(r => r.Text)]);
        var metrics = SentimentMetrics.Compute([.. rows.Select(r => r.Label)], [.. scores.Select(s => s.Label)]);

        Assert.All(scores, s => Assert.Equal(SentimentScorerKind.Embedding, s.Scorer));
        Assert.True(metrics.Accuracy >= minAccuracy, $"{file}: accuracy {metrics.Accuracy:0.0000} < {minAccuracy}");
        Assert.True(metrics.MacroF1 >= minMacroF1, $"{file}: macro-F1 {metrics.MacroF1:0.0000} < {minMacroF1}");
    }

    [Theory]
    [InlineData("cryptolin_train.csv", 0.03)] // 0.6677 against 0.6299
    [InlineData("twitter_fin_dev.csv", 0.03)] // 0.8573 against 0.8245
    public void RealHeadlines_BeatTheFastModel(string file, double margin)
    {
        // The reason the package exists: on real headlines never trained on, the fine-tuned model beats the fast one.
        var rows = SentimentCsv.Read(SharedData.Path("data", "sentiment", file));
        var tuned = Accuracy(fixture.Scorer, rows);
        var fast = Accuracy(fixture.Fast, rows);

        Assert.True(tuned >= fast + margin, $"{file}: fine-tuned {tuned:0.0000}, fast {fast:0.0000}");
    }

    [Theory]
    [InlineData("cryptolin_train.csv", 0.01)] // 0.6677 against 0.6534
    [InlineData("twitter_fin_dev.csv", 0.005)] // 0.8573 against 0.8483
    public void RealHeadlines_CombinedWithTheFastModel_BeatTheTransformerAlone(string file, double margin)
    {
        var rows = SentimentCsv.Read(SharedData.Path("data", "sentiment", file));
        using var alone = new EmbeddingSentimentScorer(fixture.Model, fixture.Fast, fixture.Meters, fastModelWeight: 0);
        var combined = Accuracy(fixture.Scorer, rows);
        var transformer = Accuracy(alone, rows);

        Assert.True(combined >= transformer + margin, $"{file}: combined {combined:0.0000}, transformer alone {transformer:0.0000}");
    }

    [Fact]
    public void Combine_IsTheNormalisedWeightedGeometricMean()
    {
        var fast = new SentimentScore(SentimentLabel.Negative, 0.6f, 0.2f, 0.2f, SentimentScorerKind.MachineLearning);

        // sqrt(0.2·0.6), sqrt(0.5·0.2), sqrt(0.3·0.2), divided by their sum 0.90752.
        var even = EmbeddingSentimentScorer.Combine([0.2f, 0.5f, 0.3f], fast, 0.5f);
        Assert.Equal([0.38172f, 0.34846f, 0.26982f], even, (a, b) => Math.Abs(a - b) < 1e-4f);

        Assert.Equal([0.2f, 0.5f, 0.3f], EmbeddingSentimentScorer.Combine([0.2f, 0.5f, 0.3f], fast, 0f), (a, b) => Math.Abs(a - b) < 1e-6f);

        // A zero from one model is floored, not a veto and not a NaN: the other model can still carry the class.
        var floored = EmbeddingSentimentScorer.Combine([0f, 0.5f, 0.5f], new SentimentScore(SentimentLabel.Negative, 1f, 0f, 0f, SentimentScorerKind.MachineLearning), 0.4f);
        Assert.All(floored, p => Assert.True(float.IsFinite(p) && p >= 0));
        Assert.Equal(1f, floored.Sum(), 4);
    }

    [Fact]
    public void FastModelWeight_CombinesOnlyWithAnMlAnswer()
    {
        const string Text = "Exchange token slides after regulators open an investigation";
        using var alone = new EmbeddingSentimentScorer(fixture.Model, fixture.Fast, fixture.Meters, fastModelWeight: 0);
        using var withLexicon = new EmbeddingSentimentScorer(fixture.Model, LexiconSentimentScorer.Instance, fixture.Meters, fastModelWeight: 0.4);
        using var withFast = new EmbeddingSentimentScorer(fixture.Model, fixture.Fast, fixture.Meters, fastModelWeight: 0.4);

        var transformer = alone.Score(Text);
        Assert.Equal(transformer, withLexicon.Score(Text));
        var expected = SentimentModel.ToScore(EmbeddingSentimentScorer.Combine([transformer.Negative, transformer.Neutral, transformer.Positive], fixture.Fast.Score(Text), 0.4f), SentimentScorerKind.Embedding);
        Assert.Equal(expected, withFast.Score(Text));
        Assert.Equal(expected, fixture.Scorer.Score(Text));
        Assert.NotEqual(transformer, expected);
    }

    [Fact]
    public void FastModelFailure_LeavesTheTransformersAnswer_LogsOnce_CountsNoFallback()
    {
        var logger = new FakeLogger();
        using var fallbacks = new MetricCollector<long>(fixture.Meters, MlSentimentScorer.MeterName, MlSentimentScorer.FallbackCounterName);
        using var alone = new EmbeddingSentimentScorer(fixture.Model, fixture.Fast, fixture.Meters, fastModelWeight: 0);
        using var scorer = new EmbeddingSentimentScorer(fixture.Model, new ThrowingScorer(), fixture.Meters, logger, fastModelWeight: 0.4);

        string[] texts = ["Bridge drained in an exploit", "Token lists on a major exchange"];
        Assert.Equal(alone.ScoreBatch(texts), scorer.ScoreBatch(texts));
        Assert.Equal(alone.Score(texts[0]), scorer.Score(texts[0]));
        Assert.Empty(fallbacks.GetMeasurementSnapshot());
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "EmbeddingSentimentFastModelFailed");
    }

    [Theory]
    [InlineData("Avalanche jumps 22% after a major exchange listing", SentimentLabel.Positive)]
    [InlineData("Lending protocol exploited for $35 million in flash loan attack", SentimentLabel.Negative)]
    [InlineData("Exchange halts withdrawals and files for bankruptcy", SentimentLabel.Negative)]
    [InlineData("Network developers schedule the upgrade for the second week of March", SentimentLabel.Neutral)]
    public void Score_ClearCases(string text, SentimentLabel expected)
    {
        var score = fixture.Scorer.Score(text);
        Assert.Equal(expected, score.Label);
        Assert.Equal(SentimentScorerKind.Embedding, score.Scorer);
        Assert.Equal(1f, score.Negative + score.Neutral + score.Positive, 3);
    }

    [Fact]
    public void ScoreBatch_AcrossEncoderBatches_EqualsOneByOne()
    {
        // 150 texts: three encoder calls of up to 64 (padding to the longest text of a batch must not change a score).
        var texts = Enumerable.Range(0, 150).Select(i => (i % 3) switch
        {
            0 => $"Token {i} surges {i % 50}% after listing on a major exchange as traders pile in",
            1 => $"Protocol {i} hacked",
            _ => $"Foundation {i} publishes its annual report",
        }).ToArray();
        var batch = fixture.Scorer.ScoreBatch(texts);
        var single = texts.Select(fixture.Scorer.Score).ToArray();

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(single[i].Label, batch[i].Label);
            Assert.Equal(single[i].Positive, batch[i].Positive, 3);
            Assert.Equal(single[i].Negative, batch[i].Negative, 3);
        }
    }

    [Fact]
    public void Score_ParallelCalls_GiveTheSequentialAnswers()
    {
        var texts = Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? $"$COIN{i} slides as outflows mount" : $"Exchange {i} lists a new token").ToArray();
        var sequential = texts.Select(fixture.Scorer.Score).ToArray();
        var parallel = new SentimentScore[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, i => parallel[i] = fixture.Scorer.Score(texts[i]));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i].Label, parallel[i].Label);
            Assert.Equal(sequential[i].Positive, parallel[i].Positive, 4);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🚀🚀🚀 $PEPE 🚀🚀🚀 to the moon!!!")]
    [InlineData("\u0000\u0001 control \u200B characters \uFFFD")]
    [InlineData("比特币价格上涨")]
    public void Score_OddText_IsScoredByTheModel(string text)
    {
        var score = fixture.Scorer.Score(text);
        Assert.Equal(SentimentScorerKind.Embedding, score.Scorer);
        Assert.Equal(1f, score.Negative + score.Neutral + score.Positive, 3);
    }

    [Fact]
    public void Score_LongDenseText_IsCutForTheEncoder_NotFallenBack()
    {
        // One word piece per character: without the cut this is thousands of pieces, over the encoder's 512.
        var text = string.Concat(Enumerable.Repeat("!?", 2_500));
        Assert.Equal(SentimentScorerKind.Embedding, fixture.Scorer.Score(text).Scorer);
        Assert.All(fixture.Scorer.ScoreBatch([text, "Bitcoin rallies"]), s => Assert.Equal(SentimentScorerKind.Embedding, s.Scorer));
    }

    [Fact]
    public void NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => fixture.Scorer.Score(null!));
        Assert.Throws<ArgumentNullException>(() => fixture.Scorer.ScoreBatch(null!));
        Assert.Throws<ArgumentNullException>(() => fixture.Scorer.ScoreBatch(["a", null!]));
    }

    [Fact]
    public void CorruptModel_FallsBackToTheFastModel_CountsAndLogsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-sentiment-weights-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, [(byte)'C', (byte)'I', (byte)'M', (byte)'T', 1, 0, 0, 0, 1, 2, 3]);
        try
        {
            var logger = new FakeLogger<EmbeddingSentimentScorer>();
            using var fallbacks = new MetricCollector<long>(fixture.Meters, MlSentimentScorer.MeterName, MlSentimentScorer.FallbackCounterName);
            using var scorer = new EmbeddingSentimentScorer(Options.Create(new EmbeddingSentimentScorerOptions { ModelPath = path }), fixture.Fast, fixture.Meters, logger);

            Assert.False(scorer.IsModelLoaded);
            const string Text = "Solana hits a new all-time high";
            Assert.Equal(fixture.Fast.Score(Text), scorer.Score(Text));
            Assert.All(scorer.ScoreBatch(["a", "b"]), s => Assert.Equal(SentimentScorerKind.MachineLearning, s.Scorer));

            var measurements = fallbacks.GetMeasurementSnapshot();
            Assert.Equal(3, measurements.EvaluateAsCounter());
            Assert.All(measurements, m => Assert.Equal(("embedding", "model_unavailable"), ((string?)m.Tags["scorer"], (string?)m.Tags["reason"])));
            Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "EmbeddingSentimentModelUnavailable");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ModelFailure_FallsBackForTheFailedTextsOnly_CountsEach_LogsOnce()
    {
        var logger = new FakeLogger();
        using var fallbacks = new MetricCollector<long>(fixture.Meters, MlSentimentScorer.MeterName, MlSentimentScorer.FallbackCounterName);
        using var scorer = new EmbeddingSentimentScorer(new FailingPredictor(fixture.Model), fixture.Fast, fixture.Meters, logger);

        Assert.Equal(SentimentScorerKind.MachineLearning, scorer.Score($"Bridge exploited {Marker}").Scorer);
        // 70 texts = two encoder calls; the marker sits in the second, so its 6 texts fall back and the first 64 do not.
        var texts = Enumerable.Range(0, 70).Select(i => i == 66 ? $"Ether rallies {Marker}" : $"Ether rallies {i}").ToArray();
        var scores = scorer.ScoreBatch(texts);

        Assert.All(scores.Take(64), s => Assert.Equal(SentimentScorerKind.Embedding, s.Scorer));
        Assert.All(scores.Skip(64), s => Assert.Equal(SentimentScorerKind.MachineLearning, s.Scorer));
        Assert.Equal(7, fallbacks.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(fallbacks.GetMeasurementSnapshot(), m => Assert.Equal("prediction_failed", m.Tags["reason"]));
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "EmbeddingSentimentPredictionFailed");
    }

    [Fact]
    public void AddEmbeddingSentiment_ReplacesTheFastScorer_InEitherOrder()
    {
        foreach (var embeddingFirst in new[] { false, true })
        {
            var builder = new ServiceCollection().AddCryptoIntel();
            if (embeddingFirst)
            {
                builder.AddEmbeddingSentiment().AddSignals();
            }
            else
            {
                builder.AddSignals().AddEmbeddingSentiment();
            }

            using var services = builder.Services.BuildServiceProvider();
            var scorer = Assert.IsType<EmbeddingSentimentScorer>(services.GetRequiredService<ISentimentScorer>());
            Assert.Same(scorer, services.GetRequiredService<EmbeddingSentimentScorer>());
            Assert.Equal(SentimentScorerKind.Embedding, scorer.Score("Bitcoin ETF sees record inflows").Scorer);
        }
    }

    [Fact]
    public void AddEmbeddingSentiment_BindsAndValidatesOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Signals:EmbeddingSentiment:MaxTextLength"] = "300",
        }).Build();
        using (var services = new ServiceCollection().AddCryptoIntel().AddEmbeddingSentiment(configuration.GetSection(CryptoIntelBuilderEmbeddingSentimentExtensions.EmbeddingSentimentSectionName)).Services.BuildServiceProvider())
        {
            Assert.Equal(300, services.GetRequiredService<IOptions<EmbeddingSentimentScorerOptions>>().Value.MaxTextLength);
        }

        using var invalid = new ServiceCollection().AddCryptoIntel().AddEmbeddingSentiment(o => o.MaxTextLength = 5).Services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<IOptions<EmbeddingSentimentScorerOptions>>().Value);
        Assert.Contains(nameof(EmbeddingSentimentScorerOptions.MaxTextLength), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.4", true)]
    [InlineData("0.99", true)]
    [InlineData("1", false)]
    [InlineData("-0.1", false)]
    [InlineData("NaN", false)]
    public void AddEmbeddingSentiment_ValidatesTheFastModelWeight(string weight, bool valid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Signals:EmbeddingSentiment:FastModelWeight"] = weight,
        }).Build();
        using var services = new ServiceCollection().AddCryptoIntel().AddEmbeddingSentiment(configuration.GetSection(CryptoIntelBuilderEmbeddingSentimentExtensions.EmbeddingSentimentSectionName)).Services.BuildServiceProvider();
        if (valid)
        {
            Assert.Equal(double.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), services.GetRequiredService<IOptions<EmbeddingSentimentScorerOptions>>().Value.FastModelWeight);
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmbeddingSentimentScorerOptions>>().Value);
            Assert.Contains(nameof(EmbeddingSentimentScorerOptions.FastModelWeight), error.Message, StringComparison.Ordinal);
        }
    }

    private static double Accuracy(ISentimentScorer scorer, List<LabelledText> rows) =>
        SentimentMetrics.Compute([.. rows.Select(r => r.Label)], [.. scorer.ScoreBatch([.. rows.Select(r => r.Text)]).Select(s => s.Label)]).Accuracy;

    private sealed class ThrowingScorer : ISentimentScorer
    {
        public SentimentScore Score(string text) => throw new InvalidOperationException("fast model failed");

        public IReadOnlyList<SentimentScore> ScoreBatch(IReadOnlyList<string> texts) => throw new InvalidOperationException("fast model failed");
    }

    /// <summary>The real model, except that a batch holding <see cref="Marker"/> throws.</summary>
    private sealed class FailingPredictor(ISentimentPredictor inner) : ISentimentPredictor
    {
        public float[][] Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Any(t => t.Contains(Marker, StringComparison.Ordinal))
                ? throw new InvalidOperationException("model failed")
                : inner.Predict(texts, cancellationToken);
    }
}
