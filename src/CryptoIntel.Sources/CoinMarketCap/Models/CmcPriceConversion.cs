using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>An amount of one cryptocurrency converted into other currencies (<c>/v2/tools/price-conversion</c>).</summary>
public sealed record CmcPriceConversion
{
    /// <summary>Gets the CoinMarketCap id of the converted asset (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    /// <summary>Gets the ticker (<c>symbol</c>).</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the amount converted (<c>amount</c>).</summary>
    [JsonPropertyName("amount")]
    public decimal Amount { get; init; }

    /// <summary>Gets when the rate was last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Gets the converted value per currency (<c>quote</c>), keyed by upper-case code (<c>USD</c>).</summary>
    [JsonPropertyName("quote")]
    public IReadOnlyDictionary<string, CmcConvertedValue> Quote { get; init; } = new Dictionary<string, CmcConvertedValue>();
}

/// <summary>The value of <see cref="CmcPriceConversion.Amount"/> in one currency.</summary>
/// <param name="Price">The value of the whole amount (<c>price</c>).</param>
/// <param name="LastUpdated">When the rate was last updated (<c>last_updated</c>).</param>
public sealed record CmcConvertedValue(
    [property: JsonPropertyName("price")] decimal? Price,
    [property: JsonPropertyName("last_updated")] DateTimeOffset? LastUpdated);
