using CryptoIntel.Sources;
using CryptoIntel.Worker.Collectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Worker;

/// <summary>The worker's composition: sources from configuration, one collector per source, the cycle.</summary>
public static class WorkerServices
{
    /// <summary>The collector of each provider: what one cycle asks it for.</summary>
    public static IReadOnlyDictionary<string, Type> Collectors { get; } = new Dictionary<string, Type>
    {
        ["coingecko"] = typeof(CoinGeckoCollector),
        ["coinmarketcap"] = typeof(CoinMarketCapCollector),
        ["defillama"] = typeof(DefiLlamaCollector),
        ["kraken"] = typeof(KrakenCollector),
        ["cryptopanic"] = typeof(CryptoPanicCollector),
        ["news"] = typeof(NewsFeedCollector),
        ["feargreed"] = typeof(FearGreedCollector),
        ["binance"] = typeof(BinanceCollector),
        ["geckoterminal"] = typeof(GeckoTerminalCollector),
    };

    /// <summary>Adds the sources, collectors and the collection cycle.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (sections <c>CryptoIntel:Sources</c> and <c>CryptoIntel:Worker</c>).</param>
    /// <param name="configureSources">Last say over the shared source settings (e.g. <c>--replay</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCollectionWorker(this IServiceCollection services, IConfiguration configuration, Action<SourcesOptions>? configureSources = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection("CryptoIntel:Worker")).ValidateDataAnnotations().ValidateOnStart();
        var builder = services.AddCryptoIntel();
        var added = builder.AddSources(configuration.GetSection("CryptoIntel:Sources"));
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
        foreach (var provider in added)
        {
            services.AddSingleton(typeof(ISourceCollector), Collectors[provider]);
        }

        services.AddSingleton<CollectionCycle>();
        return services;
    }
}
