using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinGecko;

/// <summary>The whole crypto market (<c>/global</c> <c>data</c>).</summary>
public sealed record GlobalMarket
{
    /// <summary>Gets the number of active assets (<c>active_cryptocurrencies</c>).</summary>
    [JsonPropertyName("active_cryptocurrencies")]
    public long ActiveCryptocurrencies { get; init; }

    /// <summary>Gets the number of markets (<c>markets</c>).</summary>
    [JsonPropertyName("markets")]
    public long Markets { get; init; }

    /// <summary>Gets the total market capitalisation per quote currency (<c>total_market_cap</c>).</summary>
    [JsonPropertyName("total_market_cap")]
    public IReadOnlyDictionary<string, decimal> TotalMarketCap { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the total 24-hour volume per quote currency (<c>total_volume</c>).</summary>
    [JsonPropertyName("total_volume")]
    public IReadOnlyDictionary<string, decimal> TotalVolume { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the dominance in percent per asset symbol (<c>market_cap_percentage</c>).</summary>
    [JsonPropertyName("market_cap_percentage")]
    public IReadOnlyDictionary<string, decimal> MarketCapPercentage { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the 24-hour change of the total market cap in USD, in percent (<c>market_cap_change_percentage_24h_usd</c>).</summary>
    [JsonPropertyName("market_cap_change_percentage_24h_usd")]
    public decimal? MarketCapChangePercentage24hUsd { get; init; }

    /// <summary>Gets when the figures were updated (<c>updated_at</c>, Unix seconds).</summary>
    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(CryptoIntel.Sources.Internal.Json.UnixSecondsConverter))]
    public DateTimeOffset UpdatedAt { get; init; }
}
