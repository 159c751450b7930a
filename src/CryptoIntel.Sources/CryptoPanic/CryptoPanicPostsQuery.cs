namespace CryptoIntel.Sources.CryptoPanic;

/// <summary>What to ask the CryptoPanic posts API for; every filter is optional.</summary>
public sealed record CryptoPanicPostsQuery
{
    /// <summary>Gets the currency codes to filter by, e.g. <c>BTC</c>, <c>ETH</c> (<c>currencies</c>).</summary>
    public IReadOnlyList<string>? Currencies { get; init; }

    /// <summary>Gets the filter: <c>rising</c>, <c>hot</c>, <c>bullish</c>, <c>bearish</c>, <c>important</c>, <c>saved</c> or <c>lol</c> (<c>filter</c>).</summary>
    public string? Filter { get; init; }

    /// <summary>Gets the kind: <c>news</c>, <c>media</c> or <c>all</c> (<c>kind</c>).</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the region codes, e.g. <c>en</c>, <c>de</c> (<c>regions</c>).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Gets a value indicating whether to ask for the public feed instead of the token owner's UI settings (<c>public=true</c>).</summary>
    public bool? Public { get; init; }
}
