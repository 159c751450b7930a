using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>An entry of <c>/v1/cryptocurrency/map</c>: CoinMarketCap's id for a name, ticker and slug.</summary>
public sealed record CmcMapEntry
{
    /// <summary>Gets the CoinMarketCap id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    /// <summary>Gets the rank (<c>rank</c>).</summary>
    [JsonPropertyName("rank")]
    public long? Rank { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the ticker (<c>symbol</c>).</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Gets the slug (<c>slug</c>).</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = string.Empty;

    /// <summary>Gets the activity flag (<c>is_active</c>): 1 when active, 0 when not (other values are passed through as sent).</summary>
    [JsonPropertyName("is_active")]
    public long? IsActive { get; init; }

    /// <summary>Gets the first date with data (<c>first_historical_data</c>).</summary>
    [JsonPropertyName("first_historical_data")]
    public DateTimeOffset? FirstHistoricalData { get; init; }

    /// <summary>Gets the last date with data (<c>last_historical_data</c>).</summary>
    [JsonPropertyName("last_historical_data")]
    public DateTimeOffset? LastHistoricalData { get; init; }

    /// <summary>Gets the chain a token lives on (<c>platform</c>), null for native coins.</summary>
    [JsonPropertyName("platform")]
    public CmcPlatform? Platform { get; init; }
}
