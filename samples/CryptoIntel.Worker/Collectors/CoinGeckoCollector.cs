using CryptoIntel.Sources;
using CryptoIntel.Sources.CoinGecko;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Worker.Collectors;

/// <summary>
/// CoinGecko: the top 250 markets, the global figures and what is trending: 3 calls a cycle. At the 15-minute
/// cadence that is 8,928 calls in a 31-day month, inside the Demo plan's 10,000.
/// </summary>
internal sealed class CoinGeckoCollector(CoinGeckoClient client, IOptions<CoinGeckoClientOptions> options) : ISourceCollector
{
    public string Provider => CoinGeckoClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 3;

    public int CreditsPerCycle => 3;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken)
    {
        var markets = client.GetMarketsAsync(new MarketsQuery { PerPage = 250 }, cancellationToken);
        var global = client.GetGlobalAsync(cancellationToken);
        var trending = client.GetTrendingAsync(cancellationToken);
        return new Dictionary<string, int>
        {
            ["markets"] = (await markets.ConfigureAwait(false)).Count,
            ["global"] = (await global.ConfigureAwait(false)).ActiveCryptocurrencies > 0 ? 1 : 0,
            ["trending"] = (await trending.ConfigureAwait(false)).Coins.Count,
        };
    }
}
