using System.Runtime.CompilerServices;
using CryptoIntel.Sources.CryptoPanic.Internal;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Feeds;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.CryptoPanic;

/// <summary>
/// CryptoPanic news: the posts API (currencies, votes, kind; needs an <c>auth_token</c> in
/// <see cref="SourceClientOptions.ApiKey"/>) and the free RSS feed, both as <see cref="NewsItem"/>. Without a token,
/// <see cref="GetLatestAsync"/> reads the RSS feed (CryptoPanic discontinued its free plan). Calls are cached, kept
/// inside the per-minute budget, and fail with <see cref="SourceRequestException"/>; the token never appears in
/// logs, exception messages, cache keys, returned links or recordings.
/// </summary>
/// <remarks>Register with <c>services.AddCryptoIntel().AddCryptoPanic(...)</c>; the instance is a thread-safe singleton.</remarks>
public class CryptoPanicClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "cryptopanic";

    private readonly SourceCaller _caller = null!;

    internal CryptoPanicClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected CryptoPanicClient()
    {
    }

    /// <summary>Gets a value indicating whether an <c>auth_token</c> is configured, so that the posts API can be used.</summary>
    public virtual bool HasApiKey => !string.IsNullOrEmpty(_caller.Options.ApiKey);

    /// <summary>Reads the free RSS feed (<c>news/rss/</c>, the latest 20 items; no votes or currencies).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items, newest first as the feed sends them.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<NewsItem>> GetRssAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("rss", ((CryptoPanicClientOptions)_caller.Options).RssPath),
            FeedParser.For(ProviderName),
            cancellationToken);

    /// <summary>Gets the first page of the posts API (<c>api/{plan}/v2/posts/</c>).</summary>
    /// <param name="query">The filters, or null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with <see cref="CryptoPanicPostsPage.NextPage"/> stripped of the token.</returns>
    /// <exception cref="InvalidOperationException">No <c>auth_token</c> (<see cref="SourceClientOptions.ApiKey"/>) is configured.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual async Task<CryptoPanicPostsPage> GetPostsPageAsync(CryptoPanicPostsQuery? query = null, CancellationToken cancellationToken = default)
    {
        var result = await FetchPageAsync(FirstPageQuery(query), cancellationToken).ConfigureAwait(false);
        return result.Page;
    }

    /// <summary>Pages through the posts API, following its <c>next</c> links, for up to <paramref name="maxPages"/> calls.</summary>
    /// <param name="query">The filters, or null for none.</param>
    /// <param name="maxPages">The most pages (calls) to fetch.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The posts, page after page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPages"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">No <c>auth_token</c> (<see cref="SourceClientOptions.ApiKey"/>) is configured.</exception>
    public virtual async IAsyncEnumerable<NewsItem> GetPostsAsync(
        CryptoPanicPostsQuery? query = null, int maxPages = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var next = FirstPageQuery(query);
        for (var page = 0; page < maxPages && next is not null; page++)
        {
            var result = await FetchPageAsync(next, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Page.Items)
            {
                yield return item;
            }

            next = result.NextQuery;
        }
    }

    /// <summary>The default collection path: the first page of the posts API when a token is configured, the RSS feed otherwise.</summary>
    /// <param name="query">The posts filters (ignored by the RSS feed), or null for none.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The latest items.</returns>
    public virtual async IAsyncEnumerable<NewsItem> GetLatestAsync(CryptoPanicPostsQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (HasApiKey)
        {
            await foreach (var item in GetPostsAsync(query, 1, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        foreach (var item in await GetRssAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private string FirstPageQuery(CryptoPanicPostsQuery? query)
    {
        EnsureKey();
        query ??= new CryptoPanicPostsQuery();
        var builder = new QueryBuilder(string.Empty)
            .Add("currencies", query.Currencies?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()))
            .Add("filter", query.Filter)
            .Add("kind", query.Kind)
            .Add("regions", query.Regions?.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()))
            .Add("public", query.Public);
        return builder.ToString().TrimStart('?');
    }

    private async Task<PostsPageResult> FetchPageAsync(string queryWithoutToken, CancellationToken cancellationToken)
    {
        var key = EnsureKey();
        var path = ((CryptoPanicClientOptions)_caller.Options).GetPostsPath();
        var withoutToken = queryWithoutToken.Length > 0 ? path + "?" + queryWithoutToken : path;
        var withToken = path + "?auth_token=" + Uri.EscapeDataString(key) + (queryWithoutToken.Length > 0 ? "&" + queryWithoutToken : string.Empty);
        return await _caller.GetAsync(
            new SourceRequest("posts", withToken) { CacheKeyUri = withoutToken },
            JsonParsers.For<PostsEnvelope, PostsPageResult>(CryptoPanicJsonContext.Default.PostsEnvelope, CryptoPanicParsers.Page),
            cancellationToken).ConfigureAwait(false);
    }

    private string EnsureKey() =>
        _caller.Options.ApiKey is { Length: > 0 } key
            ? key
            : throw new InvalidOperationException("The CryptoPanic posts API needs an auth_token in CryptoPanicClientOptions.ApiKey (the free plan was discontinued); use GetRssAsync or GetLatestAsync without one.");
}
