using System.Diagnostics.Metrics;
using CryptoIntel;
using CryptoIntel.Signals.Embeddings.Internal;
using CryptoIntel.Signals.Sentiment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the embedding sentiment scorer of CryptoIntel.Signals.Embeddings to an <see cref="ICryptoIntelBuilder"/>.</summary>
public static class CryptoIntelBuilderEmbeddingSentimentExtensions
{
    /// <summary>The configuration section the options bind from by convention.</summary>
    public const string EmbeddingSentimentSectionName = "CryptoIntel:Signals:EmbeddingSentiment";

    /// <summary>
    /// Makes <see cref="EmbeddingSentimentScorer"/> the registered <see cref="ISentimentScorer"/> (replacing the fast
    /// model that <c>AddSignals</c> registers, before or after this call), with the fast <see cref="MlSentimentScorer"/>
    /// as its fallback. The options are validated at start-up; the encoder and the model load on first use of the scorer.
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ICryptoIntelBuilder AddEmbeddingSentiment(this ICryptoIntelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddMetrics();
        services.AddOptionsWithValidateOnStart<EmbeddingSentimentScorerOptions, EmbeddingSentimentScorerOptionsValidator>();
        services.AddOptionsWithValidateOnStart<SentimentScorerOptions, CryptoIntel.Signals.Sentiment.Internal.SentimentScorerOptionsValidator>();
        services.TryAddSingleton(sp => new MlSentimentScorer(
            sp.GetRequiredService<IOptions<SentimentScorerOptions>>(),
            sp.GetRequiredService<IMeterFactory>(),
            sp.GetService<ILogger<MlSentimentScorer>>()));
        services.TryAddSingleton(sp => new EmbeddingSentimentScorer(
            sp.GetRequiredService<IOptions<EmbeddingSentimentScorerOptions>>(),
            sp.GetRequiredService<MlSentimentScorer>(),
            sp.GetRequiredService<IMeterFactory>(),
            sp.GetService<ILogger<EmbeddingSentimentScorer>>()));
        services.RemoveAll<ISentimentScorer>();
        services.AddSingleton<ISentimentScorer>(sp => sp.GetRequiredService<EmbeddingSentimentScorer>());
        return builder;
    }

    /// <summary>Makes <see cref="EmbeddingSentimentScorer"/> the registered <see cref="ISentimentScorer"/>, with options set by <paramref name="configure"/>.</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder AddEmbeddingSentiment(this ICryptoIntelBuilder builder, Action<EmbeddingSentimentScorerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return AddEmbeddingSentiment(builder);
    }

    /// <summary>
    /// Makes <see cref="EmbeddingSentimentScorer"/> the registered <see cref="ISentimentScorer"/>, with options bound to
    /// <paramref name="section"/> (by convention <see cref="EmbeddingSentimentSectionName"/>; keys <c>ModelPath</c>, <c>MaxTextLength</c>).
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ICryptoIntelBuilder AddEmbeddingSentiment(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.Configure<EmbeddingSentimentScorerOptions>(section);
        return AddEmbeddingSentiment(builder);
    }
}
