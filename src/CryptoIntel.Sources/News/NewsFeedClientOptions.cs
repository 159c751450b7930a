using System.Globalization;

namespace CryptoIntel.Sources.News;

/// <summary>
/// Settings of <see cref="NewsFeedClient"/>, bound from <c>CryptoIntel:Sources:News</c>. The defaults read CoinDesk
/// (<c>https://www.coindesk.com/arc/outboundfeeds/rss/</c>) and Cointelegraph (<c>https://cointelegraph.com/rss</c>),
/// at most 20 requests a minute, no monthly quota, each feed cached for 5 minutes.
/// </summary>
public sealed class NewsFeedClientOptions : SourceClientOptions
{
    /// <summary>Gets the feeds read when <see cref="Feeds"/> is empty (new instances on every call, so nothing shared can be changed).</summary>
    public static IReadOnlyList<NewsFeed> DefaultFeeds =>
    [
        new("coindesk", new Uri("https://www.coindesk.com/arc/outboundfeeds/rss/")),
        new("cointelegraph", new Uri("https://cointelegraph.com/rss")),
    ];

    /// <summary>Creates options with the default feeds and budget.</summary>
    public NewsFeedClientOptions()
    {
        RequestsPerMinute = 20;
        MonthlyQuota = 0;
        DefaultCacheDuration = TimeSpan.FromMinutes(5);
        CacheDurations["feed"] = TimeSpan.FromMinutes(5);
    }

    /// <summary>Gets the feeds to read; when empty, <see cref="DefaultFeeds"/> are read (so that binding a list replaces the defaults instead of adding to them).</summary>
    /// <value>The default is empty, meaning <see cref="DefaultFeeds"/>.</value>
    public IList<NewsFeed> Feeds { get; } = [];

    /// <summary>Gets the feeds in effect: <see cref="Feeds"/>, or <see cref="DefaultFeeds"/> when it is empty.</summary>
    /// <returns>The feeds.</returns>
    public IReadOnlyList<NewsFeed> GetFeeds() => Feeds.Count > 0 ? [.. Feeds] : DefaultFeeds;

    /// <inheritdoc />
    /// <remarks>Feeds are absolute addresses; the base address only resolves relative feed addresses.</remarks>
    public override Uri GetDefaultBaseAddress() => new("https://www.coindesk.com/");

    internal IEnumerable<string> Problems()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (feed, index) in Feeds.Select((f, i) => (f, i)))
        {
            if (string.IsNullOrWhiteSpace(feed?.Name))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"Feeds[{index}] has no Name.");
            }
            else if (!names.Add(feed.Name))
            {
                yield return $"The feed name '{feed.Name}' is used twice.";
            }

            if (feed?.Uri is null)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"Feeds[{index}] has no Uri.");
            }
        }
    }
}
