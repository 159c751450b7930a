using CryptoIntel.Pipeline.Collectors;
using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.Kraken;
using CryptoIntel.Sources.News;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Pipeline.Internal;

/// <summary>The built-in collector of each provider, used when that provider's client is registered; plus any registered <see cref="ISourceCollector"/>.</summary>
internal static class CollectorCatalog
{
    public static IReadOnlyList<(Type Client, Type Collector)> BuiltIn { get; } =
    [
        (typeof(CoinGeckoClient), typeof(CoinGeckoCollector)),
        (typeof(CoinMarketCapClient), typeof(CoinMarketCapCollector)),
        (typeof(DefiLlamaClient), typeof(DefiLlamaCollector)),
        (typeof(KrakenClient), typeof(KrakenCollector)),
        (typeof(CryptoPanicClient), typeof(CryptoPanicCollector)),
        (typeof(NewsFeedClient), typeof(NewsFeedCollector)),
        (typeof(FearGreedClient), typeof(FearGreedCollector)),
        (typeof(BinanceClient), typeof(BinanceCollector)),
        (typeof(GeckoTerminalClient), typeof(GeckoTerminalCollector)),
    ];

    public static IEnumerable<ISourceCollector> Create(IServiceProvider services)
    {
        var custom = services.GetServices<ISourceCollector>().ToList();
        var taken = custom.Select(c => c.Provider).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (client, collector) in BuiltIn)
        {
            if (services.GetService(client) is not null)
            {
                var c = (ISourceCollector)ActivatorUtilities.CreateInstance(services, collector);
                if (!taken.Contains(c.Provider))
                {
                    yield return c;
                }
            }
        }

        foreach (var c in custom)
        {
            yield return c;
        }
    }
}
