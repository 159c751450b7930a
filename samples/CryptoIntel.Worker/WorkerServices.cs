using CryptoIntel.Sources;
using CryptoIntel.Worker.Collectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Worker;

/// <summary>The worker's composition: sources from configuration, one collector per source, the cycle.</summary>
public static class WorkerServices
{
    /// <summary>Adds the sources, collectors and the collection cycle.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (sections <c>CryptoIntel:Sources</c> and <c>CryptoIntel:Worker</c>).</param>
    /// <param name="configureSources">Last say over the shared source settings (e.g. <c>--replay</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCollectionWorker(this IServiceCollection services, IConfiguration configuration, Action<SourcesOptions>? configureSources = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection("CryptoIntel:Worker")).ValidateDataAnnotations().ValidateOnStart();
        var sources = configuration.GetSection("CryptoIntel:Sources");
        services.AddOptions<SourcesOptions>().Bind(sources);
        var builder = services.AddCryptoIntel().ConfigureSources(o => configureSources?.Invoke(o));

        builder.AddCoinGecko(sources.GetSection("CoinGecko"));
        services.AddSingleton<ISourceCollector, CoinGeckoCollector>();

        services.AddSingleton<CollectionCycle>();
        return services;
    }
}
