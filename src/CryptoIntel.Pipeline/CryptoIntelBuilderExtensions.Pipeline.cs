using CryptoIntel;
using CryptoIntel.Pipeline;
using CryptoIntel.Pipeline.Internal;
using CryptoIntel.Pipeline.Internal.Validators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the CryptoIntel collection pipeline to an <see cref="ICryptoIntelBuilder"/>.</summary>
public static class CryptoIntelBuilderPipelineExtensions
{
    /// <summary>The configuration section the pipeline options bind from by convention.</summary>
    public const string PipelineSectionName = "CryptoIntel:Pipeline";

    /// <summary>
    /// Adds the collection pipeline: a singleton <see cref="CollectionCycle"/> (a collector for every source whose client
    /// is registered with <c>AddSources</c>/<c>Add&lt;Provider&gt;</c>, plus any registered <see cref="ISourceCollector"/>),
    /// <see cref="HistoryBackfill"/>, and a hosted service that runs the cycle on
    /// <see cref="CollectionPipelineOptions.Schedule"/> (cron, every 15 minutes by default) on the registered
    /// <see cref="TimeProvider"/>. What else is registered lights up steps: <c>AddStorage()</c> stores each cycle in one
    /// transaction, <c>AddEntities()</c> extracts entities from news, each <see cref="ICycleSignalDetector"/> detects
    /// signals, an <see cref="ISignalPublisher"/> receives the new ones.
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ICryptoIntelBuilder AddCollectionPipeline(this ICryptoIntelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<CollectionPipelineOptions, CollectionPipelineOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CollectionPipelineOptions>, CollectionPipelineScheduleValidator>());
        services.TryAddSingleton<CollectionCycle>();
        services.TryAddSingleton<HistoryBackfill>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICycleSignalDetector, SignalsCycleDetector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CollectionService>());
        return builder;
    }

    /// <summary>Adds the collection pipeline, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder AddCollectionPipeline(this ICryptoIntelBuilder builder, Action<CollectionPipelineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddCollectionPipeline();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the collection pipeline, bound to a configuration section (conventionally <see cref="PipelineSectionName"/>).</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ICryptoIntelBuilder AddCollectionPipeline(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddCollectionPipeline();
        builder.Services.Configure<CollectionPipelineOptions>(section);
        return builder;
    }
}
