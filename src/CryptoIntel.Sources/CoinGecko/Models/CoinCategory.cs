using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinGecko;

/// <summary>A category with its market figures (<c>/coins/categories</c>).</summary>
public sealed record CoinCategory
{
    /// <summary>Gets the category id (<c>id</c>), e.g. <c>layer-1</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the market capitalisation in USD (<c>market_cap</c>).</summary>
    [JsonPropertyName("market_cap")]
    public decimal? MarketCap { get; init; }

    /// <summary>Gets the 24-hour market-cap change in percent (<c>market_cap_change_24h</c>).</summary>
    [JsonPropertyName("market_cap_change_24h")]
    public decimal? MarketCapChange24h { get; init; }

    /// <summary>Gets the 24-hour volume in USD (<c>volume_24h</c>).</summary>
    [JsonPropertyName("volume_24h")]
    public decimal? Volume24h { get; init; }

    /// <summary>Gets the ids of the three largest coins (<c>top_3_coins_id</c>).</summary>
    [JsonPropertyName("top_3_coins_id")]
    public IReadOnlyList<string> TopCoinIds { get; init; } = [];

    /// <summary>Gets when the figures were updated (<c>updated_at</c>).</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
