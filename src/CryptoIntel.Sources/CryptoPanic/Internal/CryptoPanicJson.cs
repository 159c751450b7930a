using System.Text.Json;
using System.Text.Json.Serialization;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Feeds;

namespace CryptoIntel.Sources.CryptoPanic.Internal;

internal sealed record PostsEnvelope(
    [property: JsonPropertyName("count")] long? Count,
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("results")] List<PostDto?>? Results,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("info")] string? Info);

/// <summary>A page and the query of the next one (token removed); properties, not a tuple, so that a distributed cache can serialize it.</summary>
internal sealed record PostsPageResult(CryptoPanicPostsPage Page, string? NextQuery);

internal sealed record PostDto
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    [JsonPropertyName("source")]
    public PostSourceDto? Source { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("author")]
    public string? Author { get; init; }

    [JsonPropertyName("published_at")]
    public DateTimeOffset? PublishedAt { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("original_url")]
    public string? OriginalUrl { get; init; }

    [JsonPropertyName("currencies")]
    public List<PostCurrencyDto?>? Currencies { get; init; }

    [JsonPropertyName("instruments")]
    public List<PostCurrencyDto?>? Instruments { get; init; }

    [JsonPropertyName("votes")]
    public Dictionary<string, int?>? Votes { get; init; }
}

internal sealed record PostSourceDto(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("domain")] string? Domain);

internal sealed record PostCurrencyDto([property: JsonPropertyName("code")] string? Code);

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PostsEnvelope))]
internal sealed partial class CryptoPanicJsonContext : JsonSerializerContext;

/// <summary>Maps posts to <see cref="NewsItem"/> and removes the auth token from <c>next</c> links.</summary>
internal static class CryptoPanicParsers
{
    public static PostsPageResult Page(PostsEnvelope envelope)
    {
        if (envelope.Results is null)
        {
            if (envelope.Info is not null || envelope.Status is not null)
            {
                throw new ProviderErrorException(envelope.Status, envelope.Info ?? envelope.Status ?? "error");
            }

            throw new JsonException("The body has no 'results'.");
        }

        var items = new List<NewsItem>(envelope.Results.Count);
        foreach (var post in envelope.Results)
        {
            if (post is { Id: { } id, PublishedAt: var published, CreatedAt: var created } && (published ?? created) is { } at)
            {
                items.Add(Item(post, id, at.ToUniversalTime()));
            }
        }

        var (next, nextQuery) = WithoutSecrets(envelope.Next);
        return new PostsPageResult(new CryptoPanicPostsPage(items, envelope.Count, next), nextQuery);
    }

    /// <summary>Removes secret parameters (<c>auth_token</c>) from a link; returns it and its remaining query.</summary>
    public static (Uri? Uri, string? Query) WithoutSecrets(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return (null, null);
        }

        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !SourceHeaders.IsSecretParameter(p.AsSpan(0, p.IndexOf('=') is var i and >= 0 ? i : p.Length))));
        return (new UriBuilder(uri) { Query = query }.Uri, query);
    }

    private static NewsItem Item(PostDto post, long id, DateTimeOffset published)
    {
        var codes = (post.Currencies ?? []).Concat(post.Instruments ?? [])
            .Select(c => c?.Code?.Trim().ToUpperInvariant())
            .OfType<string>()
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal);
        var summary = PlainText.FromHtml(post.Description);
        return new NewsItem(
            id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CryptoPanicClient.ProviderName,
            PlainText.FromHtml(post.Title),
            FeedParser.CleanLink(post.OriginalUrl) ?? FeedParser.CleanLink(post.Url),
            published)
        {
            Outlet = post.Source?.Domain ?? post.Domain,
            Summary = summary.Length > 0 ? summary : null,
            Author = string.IsNullOrWhiteSpace(post.Author) ? null : post.Author.Trim(),
            Currencies = [.. codes],
            Categories = string.IsNullOrEmpty(post.Kind) ? [] : [post.Kind],
            Votes = (post.Votes ?? []).Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value),
        };
    }
}
