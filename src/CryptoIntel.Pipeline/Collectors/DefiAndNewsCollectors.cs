using CryptoIntel.Sources;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.News;
using CryptoIntel.Storage;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Pipeline.Collectors;

/// <summary>
/// DeFi Llama: protocols with TVL, chains and stablecoins (3 calls; no monthly quota). Stores the largest protocols,
/// a TVL point for the largest ones and for every chain, and each stablecoin's price (for de-peg checks).
/// </summary>
internal sealed class DefiLlamaCollector(DefiLlamaClient client, IOptions<DefiLlamaClientOptions> options, IOptions<CollectionPipelineOptions> pipeline) : ISourceCollector
{
    public const string StablecoinSource = "defillama-stablecoins";

    public string Provider => DefiLlamaClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 3;

    public int CreditsPerCycle => 3;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var protocolsTask = client.GetProtocolsAsync(cancellationToken);
        var chainsTask = client.GetChainsAsync(cancellationToken);
        var stablecoinsTask = client.GetStablecoinsAsync(cancellationToken);
        var protocols = await protocolsTask.ConfigureAwait(false);
        var at = context.StartedAt;
        var largest = protocols.Where(p => p.Tvl is > 0 && (p.Slug ?? p.Name).Length > 0).OrderByDescending(p => p.Tvl).Take(pipeline.Value.MaxProtocols).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (p, i) in largest.Select((p, i) => (p, i)))
        {
            var slug = (p.Slug ?? p.Name).Trim().ToLowerInvariant();
            if (!seen.Add(slug))
            {
                continue;
            }

            context.Batch.Protocols.Add(new DefiProtocol(slug, p.Name, at)
            {
                Category = p.Category,
                Chains = p.Chains,
                Symbol = p.Symbol is "-" ? null : p.Symbol,
                TvlUsd = p.Tvl,
                Change1dPercent = (double?)p.Change1d,
                Change7dPercent = (double?)p.Change7d,
            });
            if (i < pipeline.Value.TvlSeriesProtocols)
            {
                context.Batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Protocol, slug, at, p.Tvl!.Value));
            }
        }

        var chains = await chainsTask.ConfigureAwait(false);
        foreach (var c in chains.Where(c => c.Tvl is > 0 && !string.IsNullOrWhiteSpace(c.Name)).OrderByDescending(c => c.Tvl).Take(200))
        {
            context.Batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Chain, c.Name, at, c.Tvl!.Value));
        }

        var stablecoins = await stablecoinsTask.ConfigureAwait(false);
        foreach (var s in stablecoins.Where(s => s.Price is > 0 && !string.IsNullOrWhiteSpace(s.GeckoId)))
        {
            context.Batch.Snapshots.Add(new MarketSnapshot(new AssetId(s.GeckoId!), StablecoinSource, at, s.Price!.Value)
            {
                Symbol = s.Symbol,
                Name = s.Name,
                MarketCapUsd = s.Circulating.TryGetValue("peggedUSD", out var circulating) ? circulating * s.Price!.Value : null,
            });
        }

        return new Dictionary<string, int>
        {
            ["protocols"] = protocols.Count,
            ["chains"] = chains.Count,
            ["stablecoins"] = stablecoins.Count,
        };
    }
}

/// <summary>CryptoPanic: the latest posts (posts API with a key, else the free RSS feed; 1 call).</summary>
internal sealed class CryptoPanicCollector(CryptoPanicClient client, IOptions<CryptoPanicClientOptions> options) : ISourceCollector
{
    public string Provider => CryptoPanicClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in client.GetLatestAsync(cancellationToken: cancellationToken).Take(50).ConfigureAwait(false))
        {
            context.Batch.News.Add(new StoredNewsItem(item));
            count++;
        }

        return new Dictionary<string, int> { ["news"] = count };
    }
}

/// <summary>News RSS (CoinDesk, Cointelegraph by default): every configured feed, one call each.</summary>
internal sealed class NewsFeedCollector(NewsFeedClient client, IOptions<NewsFeedClientOptions> options) : ISourceCollector
{
    public string Provider => NewsFeedClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => options.Value.GetFeeds().Count;

    public int CreditsPerCycle => CallsPerCycle;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var items = await client.GetLatestAsync(cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            context.Batch.News.Add(new StoredNewsItem(item));
        }

        return new Dictionary<string, int> { ["news"] = items.Count };
    }
}
