using System.Diagnostics.Metrics;
using CryptoIntel.Signals.Confidence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Tests.DependencyInjection;

public sealed class AddSignalsTests
{
    private static ServiceProvider Build(Action<ICryptoIntelBuilder> configure)
    {
        var services = new ServiceCollection().AddMetrics();
        configure(services.AddCryptoIntel());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static void ValidateOnStart(IServiceProvider sp) => sp.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void AddSignals_RegistersScoring_AndRulesScoreByDefault()
    {
        using var sp = Build(b => b.AddSignals());
        ValidateOnStart(sp);

        var scored = sp.GetRequiredService<ISignalScoring>().Score(Confidence.ConfidenceScorerTests.MakeSignal(confidence: 0.7));

        Assert.Equal("rules", scored.Signal.Scorer);
        Assert.Equal(0.7, scored.Signal.Confidence);
        Assert.True(scored.Passed);
        Assert.Same(RuleConfidenceScorer.Instance, sp.GetRequiredService<RuleConfidenceScorer>());
    }

    [Fact]
    public void FeatureFlag_On_ScoresWithTheModel_AndTheThresholdFilters()
    {
        using var sp = Build(b => b.AddSignals(o =>
        {
            o.Detectors["step-move"] = new DetectorScoringOptions { UseMl = true, RolloutPercent = 100 };
            o.MinimumConfidence = 1.0;
        }));
        ValidateOnStart(sp);

        var scored = sp.GetRequiredService<ISignalScoring>().Score(Confidence.ConfidenceScorerTests.MakeSignal());

        Assert.NotEqual("rules", scored.Signal.Scorer);
        Assert.False(scored.Passed);
        Assert.Equal("rules", sp.GetRequiredService<ISignalScoring>().Score(Confidence.ConfidenceScorerTests.MakeSignal(detector: "other")).Signal.Scorer);
    }

    [Fact]
    public void PercentageRollout_IsDeterministicPerSubject_AndNearTheShare()
    {
        using var sp = Build(b => b.AddSignals(o => o.Default = new DetectorScoringOptions { UseMl = true, RolloutPercent = 30 }));
        var scoring = sp.GetRequiredService<ISignalScoring>();

        var ml = 0;
        for (var i = 0; i < 400; i++)
        {
            var signal = Confidence.ConfidenceScorerTests.MakeSignal() with { Subject = $"asset-{i}", Asset = $"asset-{i}" };
            var first = scoring.Score(signal).Signal.Scorer;
            Assert.Equal(first, scoring.Score(signal).Signal.Scorer);
            ml += first == "rules" ? 0 : 1;
        }

        Assert.InRange(ml, 80, 160);
    }

    [Fact]
    public void CorruptModel_FallsBackToRules_AndCountsIt()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a model");
            using var sp = Build(b => b.AddSignals(o =>
            {
                o.ModelPath = path;
                o.Default = new DetectorScoringOptions { UseMl = true };
            }));
            using var collector = new MetricCollector<long>(sp.GetRequiredService<IMeterFactory>(), "CryptoIntel.Signals", "cryptointel.signals.scoring.fallbacks");

            var scored = sp.GetRequiredService<ISignalScoring>().Score(Confidence.ConfidenceScorerTests.MakeSignal(confidence: 0.4));

            Assert.Equal("rules", scored.Signal.Scorer);
            Assert.Equal(0.4, scored.Signal.Confidence);
            Assert.True(scored.Passed);
            Assert.Equal(1, collector.GetMeasurementSnapshot().EvaluateAsCounter());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InvalidOptions_FailAtStart()
    {
        using var sp = Build(b => b.AddSignals(o =>
        {
            o.Detectors["volume-spike"] = new DetectorScoringOptions { UseMl = true, RolloutPercent = 150 };
            o.ModelPath = "/nope/model.zip";
        }));

        var e = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(sp));
        Assert.Contains("RolloutPercent", e.Message, StringComparison.Ordinal);
        Assert.Contains("/nope/model.zip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationSection_BindsTheScoringChild()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Signals:Scoring:MinimumConfidence"] = "0.42",
            ["CryptoIntel:Signals:Scoring:Detectors:price-move:UseMl"] = "true",
            ["CryptoIntel:Signals:Scoring:Detectors:price-move:RolloutPercent"] = "25",
            ["CryptoIntel:Signals:Scoring:Outcome:Horizon"] = "12:00:00",
        }).Build();
        using var sp = Build(b => b.AddSignals(config.GetSection("CryptoIntel:Signals")));
        ValidateOnStart(sp);

        var options = sp.GetRequiredService<IOptions<SignalScoringOptions>>().Value;
        Assert.Equal(0.42, options.MinimumConfidence);
        Assert.Equal(25, options.Detectors["PRICE-MOVE"].RolloutPercent);
        Assert.Equal(TimeSpan.FromHours(12), options.Outcome.Horizon);
    }

    [Fact]
    public void AddSignals_RegistersTheDetectorsPipelineAndSentiment()
    {
        using var sp = Build(b => b.AddSignals().AddSignals());
        ValidateOnStart(sp);

        Assert.Equal(["volume-spike", "price-move", "depeg", "price-divergence"], sp.GetServices<ISignalDetector<MarketTick>>().Select(d => d.Name));
        Assert.Single(sp.GetServices<ISignalDetector<TvlObservation>>());
        Assert.Single(sp.GetServices<ISignalDetector<PoolObservation>>());
        Assert.Equal(4, sp.GetRequiredService<SignalPipeline>().MarketDetectors.Count);
        Assert.NotNull(sp.GetRequiredService<global::CryptoIntel.Signals.Sentiment.ISentimentScorer>());
    }

    [Fact]
    public void InvalidDetectorOptions_FromConfiguration_FailAtStart()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["S:Detectors:VolumeSpike:Threshold"] = "2",
            ["S:Detectors:VolumeSpike:ExitThreshold"] = "3",
        }).Build();
        using var sp = Build(b => b.AddSignals(config.GetSection("S")));

        var e = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(sp));
        Assert.Contains("ExitThreshold", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overloads_RejectNull()
    {
        var builder = new ServiceCollection().AddCryptoIntel();
        Assert.Throws<ArgumentNullException>(() => builder.AddSignals((Action<SignalScoringOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddSignals((IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>(() => CryptoIntelBuilderSignalsExtensions.AddSignals(null!));
    }
}
