using CryptoIntel.Sources;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.News;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Worker.Collectors;

/// <summary>CryptoPanic: the latest posts (posts API with a key, else the free RSS feed; 1 call).</summary>
internal sealed class CryptoPanicCollector(CryptoPanicClient client, IOptions<CryptoPanicClientOptions> options) : ISourceCollector
{
    public string Provider => CryptoPanicClient.ProviderName;

    public SourceClientOptions Options => options.Value;

    public int CallsPerCycle => 1;

    public int CreditsPerCycle => 1;

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in client.GetLatestAsync(cancellationToken: cancellationToken).Take(50).ConfigureAwait(false))
        {
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

    public async Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken) =>
        new Dictionary<string, int> { ["news"] = (await client.GetLatestAsync(cancellationToken).ConfigureAwait(false)).Count };
}
