using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Feeds;

namespace CryptoIntel.Sources.News;

/// <summary>
/// Reads crypto news feeds (RSS 2.0, RSS 1.0 and Atom; CoinDesk and Cointelegraph by default, see
/// <see cref="NewsFeedClientOptions.Feeds"/>) into <see cref="NewsItem"/>: HTML removed from titles and summaries,
/// <c>utm_*</c> parameters removed from links, dates in UTC. XML is read with DTDs prohibited and no external
/// resources resolved. Each feed is cached (5 minutes by default); failures are <see cref="SourceRequestException"/>
/// (malformed XML is <see cref="SourceFailureKind.InvalidResponse"/>).
/// </summary>
/// <remarks>Register with <c>services.AddCryptoIntel().AddNewsFeeds(...)</c>; the instance is a thread-safe singleton.</remarks>
public class NewsFeedClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "news";

    private readonly SourceCaller _caller = null!;

    internal NewsFeedClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected NewsFeedClient()
    {
    }

    /// <summary>Gets the configured feeds (<see cref="NewsFeedClientOptions.GetFeeds"/>).</summary>
    public virtual IReadOnlyList<NewsFeed> Feeds => ((NewsFeedClientOptions)_caller.Options).GetFeeds();

    /// <summary>Reads one configured feed.</summary>
    /// <param name="name">The feed's name, e.g. <c>coindesk</c> (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The feed's items, in the feed's order; items without a readable date are left out.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or not a configured feed.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<NewsItem>> GetFeedAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var feed = Feeds.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{name}' is not a configured feed.", nameof(name));
        return ReadAsync(feed, cancellationToken);
    }

    /// <summary>Reads every configured feed, one call each, and merges the items newest first, dropping repeated links.</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The items of all feeds, newest first.</returns>
    /// <exception cref="SourceRequestException">A feed failed and no last good value of it was available.</exception>
    public virtual async Task<IReadOnlyList<NewsItem>> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<NewsItem>();
        foreach (var feed in Feeds)
        {
            all.AddRange(await ReadAsync(feed, cancellationToken).ConfigureAwait(false));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. all.OrderByDescending(i => i.PublishedAt).Where(i => seen.Add(i.Url?.AbsoluteUri ?? i.Source + ":" + i.Id))];
    }

    private Task<IReadOnlyList<NewsItem>> ReadAsync(NewsFeed feed, CancellationToken cancellationToken) =>
        _caller.GetAsync(
            new SourceRequest("feed", (feed.Uri ?? throw new InvalidOperationException($"The feed '{feed.Name}' has no Uri.")).OriginalString),
            FeedParser.For(feed.Name),
            cancellationToken);
}
