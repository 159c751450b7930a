using System.Diagnostics.Metrics;
using CryptoIntel;
using CryptoIntel.Signals;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Signals.Internal.Validators;
using CryptoIntel.Signals.Sentiment;
using CryptoIntel.Signals.Sentiment.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CryptoIntel.Signals to an <see cref="ICryptoIntelBuilder"/>.</summary>
public static class CryptoIntelBuilderSignalsExtensions
{
    /// <summary>The configuration section the signals options bind from by convention.</summary>
    public const string SignalsSectionName = "CryptoIntel:Signals";

    /// <summary>
    /// Adds the signals services: the nine detectors (each a singleton, also registered as
    /// <see cref="ISignalDetector{TInput}"/>, with its options validated at start-up), the <see cref="SignalPipeline"/>
    /// composing them, the sentiment scorer (<see cref="ISentimentScorer"/>: the ML.NET model when an
    /// <see cref="IMeterFactory"/> is registered, else the lexicon), the rule-based and ML confidence scorers, and the
    /// <see cref="ISignalScoring"/> step the pipeline calls (a feature flag with percentage rollout per detector decides
    /// whether the ML model scores its signals; the rules answer if the model fails, counted by
    /// <c>cryptointel.signals.scoring.fallbacks</c>).
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ICryptoIntelBuilder AddSignals(this ICryptoIntelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        AddDetector<VolumeSpikeDetectorOptions, VolumeSpikeDetectorOptionsValidator, MarketTick, VolumeSpikeDetector>(services, (o, l, m) => new(o, l, m));
        AddDetector<PriceMoveDetectorOptions, PriceMoveDetectorOptionsValidator, MarketTick, PriceMoveDetector>(services, (o, l, m) => new(o, l, m));
        AddDetector<DepegDetectorOptions, DepegDetectorOptionsValidator, MarketTick, DepegDetector>(services, (o, l, m) => new(o, l, m));
        AddDetector<PriceDivergenceDetectorOptions, PriceDivergenceDetectorOptionsValidator, MarketTick, PriceDivergenceDetector>(services, (o, l, m) => new(o, l, m));
        AddDetector<TvlFlowDetectorOptions, TvlFlowDetectorOptionsValidator, TvlObservation, TvlFlowDetector>(services, (o, l, m) => new(o, l, m));
        AddDetector<SentimentShiftDetectorOptions, SentimentShiftDetectorOptionsValidator, SentimentObservation, SentimentShiftDetector>(services, (o, l, m) => new(o, l, m));
        AddDetector<NewsVelocityDetectorOptions, NewsVelocityDetectorOptionsValidator, MentionObservation, NewsVelocityDetector>(services, (o, l, m) => new(o, l, m));
        AddDetector<FearGreedRegimeDetectorOptions, FearGreedRegimeDetectorOptionsValidator, FearGreedObservation, FearGreedRegimeDetector>(services, (o, l, m) => new(o, l, m));
        AddDetector<DexPoolDetectorOptions, DexPoolDetectorOptionsValidator, PoolObservation, DexPoolDetector>(services, (o, l, m) => new(o, l, m));
        services.AddOptionsWithValidateOnStart<SignalPipelineOptions, SignalPipelineOptionsValidator>();
        services.TryAddSingleton(sp => new SignalPipeline(
            sp.GetServices<ISignalDetector<MarketTick>>(),
            sp.GetServices<ISignalDetector<TvlObservation>>(),
            sp.GetServices<ISignalDetector<SentimentObservation>>(),
            sp.GetServices<ISignalDetector<MentionObservation>>(),
            sp.GetServices<ISignalDetector<FearGreedObservation>>(),
            sp.GetServices<ISignalDetector<PoolObservation>>(),
            sp.GetRequiredService<IOptions<SignalPipelineOptions>>().Value));

        services.AddOptionsWithValidateOnStart<SentimentScorerOptions, SentimentScorerOptionsValidator>();
        services.TryAddSingleton<ISentimentScorer>(sp => sp.GetService<IMeterFactory>() is { } meters
            ? new MlSentimentScorer(sp.GetRequiredService<IOptions<SentimentScorerOptions>>(), meters, sp.GetService<ILogger<MlSentimentScorer>>())
            : LexiconSentimentScorer.Instance);

        services.AddOptionsWithValidateOnStart<SignalScoringOptions, SignalScoringOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignalScoringOptions>, SignalScoringOptionsCustomValidator>());
        services.TryAddSingleton(RuleConfidenceScorer.Instance);
        services.TryAddSingleton(sp => new MlConfidenceScorer(
            sp.GetRequiredService<IOptions<SignalScoringOptions>>().Value.ModelPath,
            sp.GetService<IMeterFactory>(),
            sp.GetService<ILogger<MlConfidenceScorer>>()));
        services.TryAddSingleton<ISignalConfidenceScorer>(sp => sp.GetRequiredService<MlConfidenceScorer>());
        services.TryAddSingleton<ISignalScoring>(sp => new SignalScoring(
            sp.GetRequiredService<IOptions<SignalScoringOptions>>().Value,
            sp.GetRequiredService<MlConfidenceScorer>,
            sp.GetService<IMeterFactory>()));
        return builder;
    }

    /// <summary>Adds the signals services, with the scoring configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="configure">Configures the scoring options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder AddSignals(this ICryptoIntelBuilder builder, Action<SignalScoringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddSignals();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds the signals services, bound to a configuration section (conventionally <see cref="SignalsSectionName"/>):
    /// its <c>Scoring</c> child binds <see cref="SignalScoringOptions"/>, <c>Pipeline</c> the
    /// <see cref="SignalPipelineOptions"/>, <c>Sentiment</c> the <see cref="SentimentScorerOptions"/>, and
    /// <c>Detectors:&lt;Name&gt;</c> each detector's options (<c>VolumeSpike</c>, <c>PriceMove</c>, <c>Depeg</c>,
    /// <c>PriceDivergence</c>, <c>TvlFlow</c>, <c>SentimentShift</c>, <c>NewsVelocity</c>, <c>FearGreedRegime</c>, <c>DexPool</c>).
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ICryptoIntelBuilder AddSignals(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddSignals();
        var services = builder.Services;
        services.Configure<SignalScoringOptions>(section.GetSection("Scoring"));
        services.Configure<SignalPipelineOptions>(section.GetSection("Pipeline"));
        services.Configure<SentimentScorerOptions>(section.GetSection("Sentiment"));
        var detectors = section.GetSection("Detectors");
        services.Configure<VolumeSpikeDetectorOptions>(detectors.GetSection("VolumeSpike"));
        services.Configure<PriceMoveDetectorOptions>(detectors.GetSection("PriceMove"));
        services.Configure<DepegDetectorOptions>(detectors.GetSection("Depeg"));
        services.Configure<PriceDivergenceDetectorOptions>(detectors.GetSection("PriceDivergence"));
        services.Configure<TvlFlowDetectorOptions>(detectors.GetSection("TvlFlow"));
        services.Configure<SentimentShiftDetectorOptions>(detectors.GetSection("SentimentShift"));
        services.Configure<NewsVelocityDetectorOptions>(detectors.GetSection("NewsVelocity"));
        services.Configure<FearGreedRegimeDetectorOptions>(detectors.GetSection("FearGreedRegime"));
        services.Configure<DexPoolDetectorOptions>(detectors.GetSection("DexPool"));
        return builder;
    }

    private static void AddDetector<TOptions, TValidator, TInput, TDetector>(IServiceCollection services, Func<TOptions, ILoggerFactory?, IMeterFactory?, TDetector> create)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TDetector : class, ISignalDetector<TInput>
    {
        if (services.Any(d => d.ServiceType == typeof(TDetector)))
        {
            return;
        }

        services.AddOptionsWithValidateOnStart<TOptions, TValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IValidateOptions<TOptions>), DetectorOptionsCustomValidator.Instance));
        services.AddSingleton(sp => create(sp.GetRequiredService<IOptions<TOptions>>().Value, sp.GetService<ILoggerFactory>(), sp.GetService<IMeterFactory>()));
        services.AddSingleton<ISignalDetector<TInput>>(sp => sp.GetRequiredService<TDetector>());
    }
}
