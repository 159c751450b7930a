using System.Diagnostics.Metrics;
using CryptoIntel;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Signals.Internal.Validators;
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
    /// Adds the signals services: the rule-based and ML confidence scorers, the <see cref="ISignalScoring"/> step the
    /// pipeline calls (a feature flag with percentage rollout per detector decides whether the ML model scores its
    /// signals; the rules answer if the model fails, counted by <c>cryptointel.signals.scoring.fallbacks</c>), and
    /// start-up validation of <see cref="SignalScoringOptions"/>.
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ICryptoIntelBuilder AddSignals(this ICryptoIntelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
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
    /// its <c>Scoring</c> child binds <see cref="SignalScoringOptions"/>.
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
        builder.Services.Configure<SignalScoringOptions>(section.GetSection("Scoring"));
        return builder;
    }
}
