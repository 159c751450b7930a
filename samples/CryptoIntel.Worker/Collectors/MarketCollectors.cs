using CryptoIntel.Sources;
using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.Kraken;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Worker.Collectors;

/// <summary>
/// CoinMarketCap: the top 100 listings (1 credit) and the global metrics (1 credit). At the 15-minute cadence that is
/// 5,952 credits in a 31-day month of the Basic plan's 10,000.
/// </summary>
internal sealed class CoinMarketCapCollector(CoinMarketCapClient client, IOptions<CoinMarketCapClientOptions> options) : ISourceCollector
{
    public string Provider => CoinMarketCapClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 2;

    public int CreditsPerCycle => 2;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken)
    {
        var listings = client.GetListingsAsync(new ListingsQuery { Limit = 100 }, cancellationToken);
        var global = client.GetGlobalMetricsAsync(cancellationToken: cancellationToken);
        return new Dictionary<string, int>
        {
            ["listings"] = (await listings.ConfigureAwait(false)).Count,
            ["global"] = await global.ConfigureAwait(false) is null ? 0 : 1,
        };
    }
}

/// <summary>DeFi Llama: protocols with TVL, chains and stablecoins (3 calls; no monthly quota).</summary>
internal sealed class DefiLlamaCollector(DefiLlamaClient client, IOptions<DefiLlamaClientOptions> options) : ISourceCollector
{
    public string Provider => DefiLlamaClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 3;

    public int CreditsPerCycle => 3;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken)
    {
        var protocols = client.GetProtocolsAsync(cancellationToken);
        var chains = client.GetChainsAsync(cancellationToken);
        var stablecoins = client.GetStablecoinsAsync(cancellationToken);
        return new Dictionary<string, int>
        {
            ["protocols"] = (await protocols.ConfigureAwait(false)).Count,
            ["chains"] = (await chains.ConfigureAwait(false)).Count,
            ["stablecoins"] = (await stablecoins.ConfigureAwait(false)).Count,
        };
    }
}

/// <summary>Kraken: tickers of the majors (1 call), for cross-venue price checks.</summary>
internal sealed class KrakenCollector(KrakenClient client, IOptions<KrakenClientOptions> options) : ISourceCollector
{
    public static readonly string[] Pairs = ["XBTUSD", "ETHUSD", "SOLUSD"];

    public string Provider => KrakenClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken) =>
        new Dictionary<string, int> { ["tickers"] = (await client.GetTickersAsync(Pairs, cancellationToken).ConfigureAwait(false)).Count };
}

/// <summary>Binance: 24-hour tickers of the majors (1 call, weight 2 each).</summary>
internal sealed class BinanceCollector(BinanceClient client, IOptions<BinanceClientOptions> options) : ISourceCollector
{
    public static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"];

    public string Provider => BinanceClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken) =>
        new Dictionary<string, int> { ["tickers"] = (await client.GetTickers24hAsync(Symbols, cancellationToken).ConfigureAwait(false)).Count };
}

/// <summary>GeckoTerminal: trending DEX pools across networks (1 call).</summary>
internal sealed class GeckoTerminalCollector(GeckoTerminalClient client, IOptions<GeckoTerminalClientOptions> options) : ISourceCollector
{
    public string Provider => GeckoTerminalClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken) =>
        new Dictionary<string, int> { ["trendingPools"] = (await client.GetTrendingPoolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Count };
}

/// <summary>alternative.me: the latest Fear &amp; Greed value (1 call).</summary>
internal sealed class FearGreedCollector(FearGreedClient client, IOptions<FearGreedClientOptions> options) : ISourceCollector
{
    public string Provider => FearGreedClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken)
    {
        var latest = await client.GetLatestAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, int> { ["index"] = latest.Value };
    }
}
