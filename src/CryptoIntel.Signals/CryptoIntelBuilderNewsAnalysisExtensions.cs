using System.Diagnostics.Metrics;
using CryptoIntel;
using CryptoIntel.Signals.News;
using CryptoIntel.Signals.News.Internal;
using CryptoIntel.Signals.Sentiment;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the optional chat news analyser of CryptoIntel.Signals to an <see cref="ICryptoIntelBuilder"/>.</summary>
public static class CryptoIntelBuilderNewsAnalysisExtensions
{
    /// <summary>The configuration section the chat news analysis options bind from by convention.</summary>
    public const string ChatNewsAnalysisSectionName = "CryptoIntel:Signals:ChatNewsAnalysis";

    /// <summary>
    /// Adds an <see cref="INewsAnalyzer"/> (off by default: nothing is registered unless this is called) that asks the
    /// <see cref="IChatClient"/> registered in the container (an LLM the user plugs in) for the sentiment, a summary and the
    /// assets of each news item, as validated JSON. When no <see cref="IChatClient"/> is registered, or the model times
    /// out, throws, or answers empty, truncated, malformed or invalid JSON, the <see cref="ISentimentScorer"/> registered by
    /// <c>AddSignals</c> (else the lexicon) answers, and the counter <c>cryptointel.signals.chat_fallbacks</c> (meter
    /// <c>CryptoIntel.Signals</c>, tag <c>reason</c>) counts it. Options (<see cref="ChatNewsAnalysisOptions"/>) are
    /// validated at start-up.
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ICryptoIntelBuilder AddChatNewsAnalysis(this ICryptoIntelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<ChatNewsAnalysisOptions, ChatNewsAnalysisOptionsValidator>();
        services.TryAddSingleton<INewsAnalyzer>(sp => new ChatNewsAnalyzer(
            sp.GetService<IChatClient>(),
            sp.GetService<ISentimentScorer>() ?? LexiconSentimentScorer.Instance,
            sp.GetRequiredService<IOptions<ChatNewsAnalysisOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IMeterFactory>(),
            sp.GetService<ILogger<INewsAnalyzer>>()));
        return builder;
    }

    /// <summary>Adds the chat news analyser (see <see cref="AddChatNewsAnalysis(ICryptoIntelBuilder)"/>) with options configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder AddChatNewsAnalysis(this ICryptoIntelBuilder builder, Action<ChatNewsAnalysisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddChatNewsAnalysis();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds the chat news analyser (see <see cref="AddChatNewsAnalysis(ICryptoIntelBuilder)"/>) with options bound to a
    /// configuration section (conventionally <see cref="ChatNewsAnalysisSectionName"/>).
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ICryptoIntelBuilder AddChatNewsAnalysis(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddChatNewsAnalysis();
        builder.Services.Configure<ChatNewsAnalysisOptions>(section);
        return builder;
    }
}
