using System.Diagnostics.Metrics;
using CryptoIntel.Signals.Backtesting;
using CryptoIntel.Signals.Confidence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CryptoIntel.Signals.Tests.Confidence;

public sealed class ConfidenceScorerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("signals-confidence-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    internal static Signal MakeSignal(double magnitude = 2.5, double confidence = 0.7, string detector = "step-move", SignalDirection direction = SignalDirection.Up) =>
        new(Signal.CreateId(SignalKind.PriceMove, "aaa", detector, "1", DateTimeOffset.UnixEpoch), SignalKind.PriceMove, "aaa", direction, magnitude, confidence,
            DateTimeOffset.UnixEpoch, detector, "1")
        {
            Asset = "aaa",
            Evidence = [new SignalEvidence("zScore", magnitude, 2)],
        };

    [Theory]
    [InlineData(0.7, 0.7)]
    [InlineData(1.5, 1.0)]
    [InlineData(-1, 0.0)]
    [InlineData(double.NaN, 0.0)]
    public void Rules_ReturnTheDetectorsConfidence_Clamped(double confidence, double expected)
    {
        var score = RuleConfidenceScorer.Instance.Score(MakeSignal(confidence: confidence), SignalContext.Empty);
        Assert.Equal(expected, score.Confidence);
        Assert.Equal("rules", score.Scorer);
    }

    [Fact]
    public void Ml_CorruptModelFile_FallsBackToRules_AndCountsIt()
    {
        var path = Path.Combine(_dir, "corrupt.zip");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
        using var collector = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), "CryptoIntel.Signals", "cryptointel.signals.scoring.fallbacks");
        using var scorer = new MlConfidenceScorer(path, _services.GetRequiredService<IMeterFactory>());

        var score = scorer.Score(MakeSignal(confidence: 0.66), SignalContext.Empty);

        Assert.False(scorer.IsModelLoaded);
        Assert.Equal(0.66, score.Confidence);
        Assert.Equal("rules", score.Scorer);
        Assert.Equal(1, collector.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public void Ml_MissingModelFile_FallsBackToRules()
    {
        using var scorer = new MlConfidenceScorer(Path.Combine(_dir, "missing.zip"));
        Assert.False(scorer.IsModelLoaded);
        Assert.Equal(0.5, scorer.Score(MakeSignal(confidence: 0.5), SignalContext.Empty).Confidence);
    }

    [Fact]
    public void Ml_ShippedModel_LoadsAndScoresInZeroToOne()
    {
        using var scorer = new MlConfidenceScorer();

        Assert.True(scorer.IsModelLoaded, "the model must ship inside the package");
        Assert.InRange(scorer.RecommendedThreshold, 0, 1);
        var score = scorer.Score(MakeSignal(), new SignalContext { Return24h = 0.05, Volatility24h = 0.01, VolumeRatio = 2 });
        Assert.InRange(score.Confidence, 0, 1);
        Assert.NotEqual("rules", score.Scorer);
        var withBadContext = scorer.Score(MakeSignal(magnitude: double.PositiveInfinity), new SignalContext { Return24h = double.NaN, ConfluenceCount = -3 });
        Assert.InRange(withBadContext.Confidence, 0, 1);
    }

    [Fact]
    public void Trainer_LearnsASeparableRule_AndIsReproducible()
    {
        // Signals whose magnitude is above 3 are borne out, the others not: a model must rank them apart.
        var random = new Random(5);
        var signals = new List<BacktestSignal>();
        for (var i = 0; i < 600; i++)
        {
            var magnitude = 2 + (random.NextDouble() * 2);
            var signal = MakeSignal(magnitude: magnitude, confidence: 0.6) with { DetectedAt = DateTimeOffset.UnixEpoch.AddHours(i) };
            signals.Add(new BacktestSignal(signal, SignalContext.Empty, BacktestPeriod.Train, new SignalOutcome(magnitude > 3, null, 0)));
        }

        var run = new BacktestRun(signals, TimeSpan.Zero, 0);
        var fastTree = new ConfidenceModelConfig(100, 8, 20, 0.1);
        var a = ConfidenceTrainer.Train(run, null, seed: 3, config: fastTree);
        var b = ConfidenceTrainer.Train(run, null, seed: 3, config: fastTree);
        using var scorerA = new MlConfidenceScorer(a.Model, "test", a.Metadata.Threshold);
        using var scorerB = new MlConfidenceScorer(b.Model, "test", b.Metadata.Threshold);

        var high = scorerA.Score(MakeSignal(magnitude: 3.8), SignalContext.Empty).Confidence;
        var low = scorerA.Score(MakeSignal(magnitude: 2.2), SignalContext.Empty).Confidence;
        Assert.True(high > 0.8 && low < 0.2, $"high {high}, low {low}");
        Assert.Equal(high, scorerB.Score(MakeSignal(magnitude: 3.8), SignalContext.Empty).Confidence);
        Assert.Equal(a.Metadata.Threshold, b.Metadata.Threshold);
    }

    [Fact]
    public void Trainer_DefaultModel_CalibratesTheMoveProbability()
    {
        // The shipped configuration reads only the volatility-implied move probability: hits where it is high.
        var random = new Random(7);
        var signals = new List<BacktestSignal>();
        for (var i = 0; i < 800; i++)
        {
            var p = random.NextDouble();
            var signal = MakeSignal() with { DetectedAt = DateTimeOffset.UnixEpoch.AddHours(i) };
            signals.Add(new BacktestSignal(signal, new SignalContext { MoveProbability = p }, BacktestPeriod.Train, new SignalOutcome(random.NextDouble() < p, null, 0)));
        }

        var result = ConfidenceTrainer.Train(new BacktestRun(signals, TimeSpan.Zero, 0), null, seed: 1);
        using var scorer = new MlConfidenceScorer(result.Model, "test", result.Metadata.Threshold);

        Assert.Equal("move-logistic-v3", result.Metadata.Name);
        var high = scorer.Score(MakeSignal(), new SignalContext { MoveProbability = 0.9 }).Confidence;
        var low = scorer.Score(MakeSignal(), new SignalContext { MoveProbability = 0.1 }).Confidence;
        Assert.InRange(high, 0.75, 0.97);
        Assert.InRange(low, 0.03, 0.25);
    }

    [Fact]
    public void ChooseThreshold_KeepsTheRequiredHits_WithTheFewestFalsePositives()
    {
        (double, bool)[] scored = [(0.9, true), (0.8, false), (0.7, true), (0.6, true), (0.5, false), (0.4, true), (0.3, false)];

        Assert.Equal(0.6, ConfidenceTrainer.ChooseThreshold(scored, 3, 10).Threshold);
        Assert.Equal(0.4, ConfidenceTrainer.ChooseThreshold(scored, 4, 10).Threshold);
        Assert.Equal(0, ConfidenceTrainer.ChooseThreshold(scored, 5, 10).Threshold);
    }
}
