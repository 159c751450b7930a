using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>A category of <c>/v1/cryptocurrency/categories</c> with its aggregate figures.</summary>
public sealed record CmcCategory
{
    /// <summary>Gets the category id, an opaque string (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the title (<c>title</c>).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Gets the description (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets how many tokens it holds (<c>num_tokens</c>).</summary>
    [JsonPropertyName("num_tokens")]
    public long? NumTokens { get; init; }

    /// <summary>Gets the average price change of its tokens in percent (<c>avg_price_change</c>).</summary>
    [JsonPropertyName("avg_price_change")]
    public decimal? AvgPriceChange { get; init; }

    /// <summary>Gets the market capitalisation in USD (<c>market_cap</c>).</summary>
    [JsonPropertyName("market_cap")]
    public decimal? MarketCap { get; init; }

    /// <summary>Gets the change of the market capitalisation in percent (<c>market_cap_change</c>).</summary>
    [JsonPropertyName("market_cap_change")]
    public decimal? MarketCapChange { get; init; }

    /// <summary>Gets the 24-hour volume in USD (<c>volume</c>).</summary>
    [JsonPropertyName("volume")]
    public decimal? Volume { get; init; }

    /// <summary>Gets the change of the volume in percent (<c>volume_change</c>).</summary>
    [JsonPropertyName("volume_change")]
    public decimal? VolumeChange { get; init; }

    /// <summary>Gets when the figures were last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }
}
