using CryptoIntel.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Worker;

/// <summary>The worker's composition: sources, storage, entities and the collection pipeline, all from configuration.</summary>
public static class WorkerServices
{
    /// <summary>Adds the sources (<c>CryptoIntel:Sources</c>), the store (<c>CryptoIntel:Storage</c>; PostgreSQL when
    /// <c>CryptoIntel:Storage:PostgreSql</c> holds a connection string, else SQLite), entity extraction
    /// (<c>CryptoIntel:Entities</c>), the signal detectors and scoring (<c>CryptoIntel:Signals</c>; the fine-tuned sentiment
    /// scorer of CryptoIntel.Signals.Embeddings when <c>CryptoIntel:Signals:EmbeddingSentiment:Enabled</c> is true) and the
    /// collection pipeline (<c>CryptoIntel:Pipeline</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="configureSources">Last say over the shared source settings (e.g. <c>--replay</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCollectionWorker(this IServiceCollection services, IConfiguration configuration, Action<SourcesOptions>? configureSources = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddCryptoIntel();
        builder.AddSources(configuration.GetSection("CryptoIntel:Sources"));
        builder.ConfigureSources(o => configureSources?.Invoke(o));

        // A live worker must not forget this month's spend when it restarts: keep the quota counters on disk
        // unless configured otherwise (replaying spends nothing real, so it keeps them in memory).
        services.PostConfigure<SourcesOptions>(o =>
        {
            if (o.QuotaStateDirectory is null && o.ReplayDirectory is null)
            {
                o.QuotaStateDirectory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "CryptoIntel", "quota");
            }
        });

        var storage = builder.AddStorage(configuration.GetSection("CryptoIntel:Storage"));
        if (configuration["CryptoIntel:Storage:PostgreSql"] is { Length: > 0 } postgres)
        {
            storage.UsePostgreSql(postgres);
        }

        builder.AddEntities(configuration.GetSection("CryptoIntel:Entities"));
        builder.AddSignals(configuration.GetSection("CryptoIntel:Signals"));

        // The slower, more accurate headline sentiment (about 3 ms a headline and 470 MB, loaded at the first cycle):
        // opt in with CryptoIntel:Signals:EmbeddingSentiment:Enabled=true; the rest of the section binds its options.
        var embeddingSentiment = configuration.GetSection(CryptoIntelBuilderEmbeddingSentimentExtensions.EmbeddingSentimentSectionName);
        if (embeddingSentiment.GetValue<bool>("Enabled"))
        {
            builder.AddEmbeddingSentiment(embeddingSentiment);
        }
        builder.AddCollectionPipeline(configuration.GetSection("CryptoIntel:Pipeline"));

        // With CryptoIntel:Realtime:Redis, new signals go to the web hosts' realtime hubs through Redis (the topics'
        // streams and the publish channel that every hub node reads): the worker serves no hub of its own, it only
        // publishes, so it needs no hub keys.
        if (configuration.GetSection("CryptoIntel:Realtime:Redis").Exists())
        {
            builder.AddRealtime(configuration.GetSection("CryptoIntel:Realtime")).UseRedis(configuration.GetSection("CryptoIntel:Realtime:Redis"));
            services.PostConfigure<CryptoIntel.Realtime.RealtimeOptions>(o => o.RequireAuthentication = false);
        }

        return services;
    }
}
