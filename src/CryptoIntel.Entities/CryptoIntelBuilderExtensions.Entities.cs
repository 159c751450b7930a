using System.Diagnostics;
using CryptoIntel;
using CryptoIntel.Entities;
using CryptoIntel.Entities.Internal;
using CryptoIntel.Entities.Internal.Validators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CryptoIntel.Entities to an <see cref="ICryptoIntelBuilder"/> (a separate class per package: partial classes cannot span assemblies).</summary>
public static class CryptoIntelBuilderEntitiesExtensions
{
    /// <summary>The configuration section the entity options bind from by convention.</summary>
    public const string EntitiesSectionName = "CryptoIntel:Entities";

    /// <summary>
    /// Adds entity extraction and tracking: a singleton <see cref="EntityExtractor"/> (seed list plus
    /// <see cref="EntityExtractorOptions.GazetteerFiles"/>, built at first use), a singleton <see cref="EntityTracker"/>
    /// driven by the registered <see cref="TimeProvider"/>, and start-up validation of <see cref="EntityExtractorOptions"/>
    /// and <see cref="EntityTrackerOptions"/>.
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ICryptoIntelBuilder AddEntities(this ICryptoIntelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<EntityExtractorOptions, EntityExtractorOptionsValidator>();
        services.AddOptionsWithValidateOnStart<EntityTrackerOptions, EntityTrackerOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntityExtractorOptions>, EntityOptionsCustomValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntityTrackerOptions>, EntityOptionsCustomValidator>());
        services.TryAddSingleton(CreateExtractor);
        services.TryAddSingleton(sp => new EntityTracker(
            sp.GetRequiredService<EntityExtractor>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<EntityTrackerOptions>>().Value,
            sp.GetService<ILogger<EntityTracker>>()));
        return builder;
    }

    /// <summary>Adds entity extraction and tracking, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="configure">Configures the extractor options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder AddEntities(this ICryptoIntelBuilder builder, Action<EntityExtractorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddEntities();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds entity extraction and tracking, bound to a configuration section (conventionally
    /// <see cref="EntitiesSectionName"/>); its <c>Tracker</c> child binds <see cref="EntityTrackerOptions"/>.
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ICryptoIntelBuilder AddEntities(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddEntities();
        builder.Services.Configure<EntityExtractorOptions>(section);
        builder.Services.Configure<EntityTrackerOptions>(section.GetSection("Tracker"));
        return builder;
    }

    private static EntityExtractor CreateExtractor(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EntityExtractorOptions>>().Value;
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<EntityExtractor>();
        var started = Stopwatch.GetTimestamp();
        var gazetteerBuilder = Gazetteer.CreateBuilder();
        if (options.IncludeSeed)
        {
            gazetteerBuilder.AddSeed();
        }

        foreach (var file in options.GazetteerFiles)
        {
            gazetteerBuilder.AddCsvFile(file);
        }

        var gazetteer = gazetteerBuilder.Build();
        foreach (var issue in gazetteer.Issues)
        {
            Log.GazetteerIssue(logger, issue.ToString());
        }

        Log.GazetteerBuilt(logger, gazetteer.Count, gazetteer.PatternCount, gazetteer.Issues.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new EntityExtractor(gazetteer, options, logger);
    }
}
