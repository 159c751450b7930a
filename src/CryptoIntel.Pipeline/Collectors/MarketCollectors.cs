using CryptoIntel.Sources;
using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.Kraken;
using CryptoIntel.Storage;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Pipeline.Collectors;

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

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var marketsTask = client.GetMarketsAsync(new MarketsQuery { PerPage = 250 }, cancellationToken);
        var globalTask = client.GetGlobalAsync(cancellationToken);
        var trendingTask = client.GetTrendingAsync(cancellationToken);
        var markets = await marketsTask.ConfigureAwait(false);
        foreach (var m in markets)
        {
            if (m.CurrentPrice is { } price && !string.IsNullOrWhiteSpace(m.Id))
            {
                context.Batch.Snapshots.Add(new MarketSnapshot(new AssetId(m.Id), Provider, context.StartedAt, price)
                {
                    Symbol = m.Symbol.ToUpperInvariant(),
                    Name = m.Name,
                    MarketCapUsd = m.MarketCap,
                    Volume24hUsd = m.TotalVolume,
                    Change24hPercent = (double?)m.PriceChangePercentage24h,
                    Rank = m.MarketCapRank is { } r ? (int)r : null,
                });
            }
        }

        var global = await globalTask.ConfigureAwait(false);
        context.Batch.GlobalMetrics.Add(new GlobalMetrics(Provider, context.StartedAt)
        {
            TotalMarketCapUsd = global.TotalMarketCap.TryGetValue("usd", out var cap) ? cap : null,
            TotalVolume24hUsd = global.TotalVolume.TryGetValue("usd", out var volume) ? volume : null,
            BtcDominancePercent = global.MarketCapPercentage.TryGetValue("btc", out var btc) ? (double)btc : null,
            EthDominancePercent = global.MarketCapPercentage.TryGetValue("eth", out var eth) ? (double)eth : null,
            MarketCapChange24hPercent = (double?)global.MarketCapChangePercentage24hUsd,
            ActiveCryptocurrencies = (int)Math.Min(int.MaxValue, global.ActiveCryptocurrencies),
        });
        return new Dictionary<string, int>
        {
            ["markets"] = markets.Count,
            ["global"] = global.ActiveCryptocurrencies > 0 ? 1 : 0,
            ["trending"] = (await trendingTask.ConfigureAwait(false)).Coins.Count,
        };
    }
}

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

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var listingsTask = client.GetListingsAsync(new ListingsQuery { Limit = 100 }, cancellationToken);
        var globalTask = client.GetGlobalMetricsAsync(cancellationToken: cancellationToken);
        var listings = await listingsTask.ConfigureAwait(false);
        foreach (var l in listings)
        {
            if (!string.IsNullOrWhiteSpace(l.Slug) && l.Quote.TryGetValue("USD", out var q) && q.Price is { } price)
            {
                context.Batch.Snapshots.Add(new MarketSnapshot(new AssetId(l.Slug), Provider, context.StartedAt, price)
                {
                    Symbol = l.Symbol,
                    Name = l.Name,
                    MarketCapUsd = q.MarketCap,
                    Volume24hUsd = q.Volume24h,
                    Change24hPercent = (double?)q.PercentChange24h,
                    Rank = l.CmcRank is { } r ? (int)r : null,
                });
            }
        }

        var global = await globalTask.ConfigureAwait(false);
        if (global is not null)
        {
            global.Quote.TryGetValue("USD", out var gq);
            context.Batch.GlobalMetrics.Add(new GlobalMetrics(Provider, context.StartedAt)
            {
                TotalMarketCapUsd = gq?.TotalMarketCap,
                TotalVolume24hUsd = gq?.TotalVolume24h,
                BtcDominancePercent = (double?)global.BtcDominance,
                EthDominancePercent = (double?)global.EthDominance,
                MarketCapChange24hPercent = (double?)gq?.TotalMarketCapYesterdayPercentageChange,
                ActiveCryptocurrencies = global.ActiveCryptocurrencies is { } a ? (int)Math.Min(int.MaxValue, a) : null,
            });
        }

        return new Dictionary<string, int>
        {
            ["listings"] = listings.Count,
            ["global"] = global is null ? 0 : 1,
        };
    }
}

/// <summary>Kraken: tickers of the majors (1 call), for cross-venue price checks.</summary>
internal sealed class KrakenCollector(KrakenClient client, IOptions<KrakenClientOptions> options) : ISourceCollector
{
    public static readonly string[] Pairs = ["XBTUSD", "ETHUSD", "SOLUSD"];

    private static readonly Dictionary<string, string> Assets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["XBT"] = "bitcoin", ["XXBT"] = "bitcoin", ["ETH"] = "ethereum", ["XETH"] = "ethereum", ["SOL"] = "solana",
    };

    public string Provider => KrakenClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var tickers = await client.GetTickersAsync(Pairs, cancellationToken).ConfigureAwait(false);
        foreach (var t in tickers)
        {
            var pair = t.Pair.ToUpperInvariant();
            var baseSymbol = Assets.Keys.Where(k => pair.StartsWith(k, StringComparison.Ordinal)).OrderByDescending(k => k.Length).FirstOrDefault();
            if (baseSymbol is not null && t.LastPrice is { } price)
            {
                context.Batch.Snapshots.Add(new MarketSnapshot(new AssetId(Assets[baseSymbol]), Provider, context.StartedAt, price)
                {
                    Volume24hUsd = t.Volume24h * price,
                });
            }
        }

        return new Dictionary<string, int> { ["tickers"] = tickers.Count };
    }
}

/// <summary>Binance: 24-hour tickers of the majors (1 call, weight 2 each).</summary>
internal sealed class BinanceCollector(BinanceClient client, IOptions<BinanceClientOptions> options) : ISourceCollector
{
    public static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"];

    private static readonly Dictionary<string, string> Assets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BTCUSDT"] = "bitcoin", ["ETHUSDT"] = "ethereum", ["SOLUSDT"] = "solana", ["BNBUSDT"] = "binancecoin", ["XRPUSDT"] = "ripple",
    };

    public string Provider => BinanceClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var tickers = await client.GetTickers24hAsync(Symbols, cancellationToken).ConfigureAwait(false);
        foreach (var t in tickers)
        {
            if (Assets.TryGetValue(t.Symbol, out var asset) && t.LastPrice is { } price)
            {
                context.Batch.Snapshots.Add(new MarketSnapshot(new AssetId(asset), Provider, context.StartedAt, price)
                {
                    Volume24hUsd = t.QuoteVolume,
                    Change24hPercent = (double?)t.PriceChangePercent,
                });
            }
        }

        return new Dictionary<string, int> { ["tickers"] = tickers.Count };
    }
}

/// <summary>GeckoTerminal: trending DEX pools across networks (1 call).</summary>
internal sealed class GeckoTerminalCollector(GeckoTerminalClient client, IOptions<GeckoTerminalClientOptions> options) : ISourceCollector
{
    public string Provider => GeckoTerminalClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var pools = await client.GetTrendingPoolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var p in pools)
        {
            var network = p.Network ?? (p.Id.Contains('_', StringComparison.Ordinal) ? p.Id[..p.Id.IndexOf('_', StringComparison.Ordinal)] : "unknown");
            context.Batch.DexPools.Add(new DexPool(network, p.Address, context.StartedAt)
            {
                Name = p.Name,
                Dex = p.Dex,
                BaseTokenPriceUsd = p.BaseTokenPriceUsd,
                ReserveUsd = p.ReserveUsd,
                Volume24hUsd = p.VolumeUsd.TryGetValue("h24", out var v) ? v : null,
                PriceChange24hPercent = p.PriceChangePercentage.TryGetValue("h24", out var c) ? (double)c : null,
                Transactions24h = p.Transactions.TryGetValue("h24", out var t) ? (int)Math.Min(int.MaxValue, t.Buys + t.Sells) : null,
            });
        }

        return new Dictionary<string, int> { ["trendingPools"] = pools.Count };
    }
}

/// <summary>alternative.me: the latest Fear &amp; Greed value (1 call).</summary>
internal sealed class FearGreedCollector(FearGreedClient client, IOptions<FearGreedClientOptions> options) : ISourceCollector
{
    public string Provider => FearGreedClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var latest = await client.GetLatestAsync(cancellationToken).ConfigureAwait(false);
        context.Batch.FearGreed.Add(new FearGreedReading(latest.Timestamp, latest.Value, latest.Classification));
        return new Dictionary<string, int> { ["index"] = latest.Value };
    }
}
