namespace CryptoIntel;

/// <summary>A news item normalized across news sources (CryptoPanic posts, RSS feeds).</summary>
/// <param name="Id">The item's id, stable for one source (the provider's id, or the RSS guid/link).</param>
/// <param name="Source">The source that delivered it, e.g. <c>cryptopanic</c> or <c>cointelegraph</c>.</param>
/// <param name="Title">The title, as plain text (markup removed).</param>
/// <param name="Url">The link to the story.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
public sealed record NewsItem(string Id, string Source, string Title, Uri? Url, DateTimeOffset PublishedAt)
{
    /// <summary>Gets the outlet that wrote the story (e.g. <c>coindesk.com</c>), when known.</summary>
    public string? Outlet { get; init; }

    /// <summary>Gets a plain-text summary, when the source gives one.</summary>
    public string? Summary { get; init; }

    /// <summary>Gets the author, when the source gives one.</summary>
    public string? Author { get; init; }

    /// <summary>Gets the currency codes the source tagged the item with (e.g. <c>BTC</c>); empty when none.</summary>
    public IReadOnlyList<string> Currencies { get; init; } = [];

    /// <summary>Gets the source's categories or kind (e.g. <c>news</c>, <c>media</c>, RSS categories); empty when none.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Gets community votes by kind (<c>positive</c>, <c>negative</c>, <c>important</c>, ...), when the source has them.</summary>
    public IReadOnlyDictionary<string, int> Votes { get; init; } = EmptyVotes;

    private static readonly IReadOnlyDictionary<string, int> EmptyVotes = new Dictionary<string, int>();
}
