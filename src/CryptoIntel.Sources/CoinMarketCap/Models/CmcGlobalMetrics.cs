using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>The whole market's figures (<c>/v1/global-metrics/quotes/latest</c>).</summary>
public sealed record CmcGlobalMetrics
{
    /// <summary>Gets how many cryptocurrencies are active (<c>active_cryptocurrencies</c>).</summary>
    [JsonPropertyName("active_cryptocurrencies")]
    public long? ActiveCryptocurrencies { get; init; }

    /// <summary>Gets how many cryptocurrencies CoinMarketCap tracks (<c>total_cryptocurrencies</c>).</summary>
    [JsonPropertyName("total_cryptocurrencies")]
    public long? TotalCryptocurrencies { get; init; }

    /// <summary>Gets how many market pairs are active (<c>active_market_pairs</c>).</summary>
    [JsonPropertyName("active_market_pairs")]
    public long? ActiveMarketPairs { get; init; }

    /// <summary>Gets how many exchanges are active (<c>active_exchanges</c>).</summary>
    [JsonPropertyName("active_exchanges")]
    public long? ActiveExchanges { get; init; }

    /// <summary>Gets Bitcoin's share of the market capitalisation in percent (<c>btc_dominance</c>).</summary>
    [JsonPropertyName("btc_dominance")]
    public decimal? BtcDominance { get; init; }

    /// <summary>Gets Ether's share of the market capitalisation in percent (<c>eth_dominance</c>).</summary>
    [JsonPropertyName("eth_dominance")]
    public decimal? EthDominance { get; init; }

    /// <summary>Gets the 24-hour DeFi volume in USD (<c>defi_volume_24h</c>).</summary>
    [JsonPropertyName("defi_volume_24h")]
    public decimal? DefiVolume24h { get; init; }

    /// <summary>Gets the DeFi market capitalisation in USD (<c>defi_market_cap</c>).</summary>
    [JsonPropertyName("defi_market_cap")]
    public decimal? DefiMarketCap { get; init; }

    /// <summary>Gets the 24-hour stablecoin volume in USD (<c>stablecoin_volume_24h</c>).</summary>
    [JsonPropertyName("stablecoin_volume_24h")]
    public decimal? StablecoinVolume24h { get; init; }

    /// <summary>Gets the stablecoin market capitalisation in USD (<c>stablecoin_market_cap</c>).</summary>
    [JsonPropertyName("stablecoin_market_cap")]
    public decimal? StablecoinMarketCap { get; init; }

    /// <summary>Gets the 24-hour derivatives volume in USD (<c>derivatives_volume_24h</c>).</summary>
    [JsonPropertyName("derivatives_volume_24h")]
    public decimal? DerivativesVolume24h { get; init; }

    /// <summary>Gets when the figures were last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Gets the totals per quote currency (<c>quote</c>), keyed by upper-case code (<c>USD</c>).</summary>
    [JsonPropertyName("quote")]
    public IReadOnlyDictionary<string, CmcGlobalQuote> Quote { get; init; } = new Dictionary<string, CmcGlobalQuote>();
}

/// <summary>The whole market's totals in one quote currency.</summary>
public sealed record CmcGlobalQuote
{
    /// <summary>Gets the total market capitalisation (<c>total_market_cap</c>).</summary>
    [JsonPropertyName("total_market_cap")]
    public decimal? TotalMarketCap { get; init; }

    /// <summary>Gets the total 24-hour volume (<c>total_volume_24h</c>).</summary>
    [JsonPropertyName("total_volume_24h")]
    public decimal? TotalVolume24h { get; init; }

    /// <summary>Gets the market capitalisation of everything but Bitcoin (<c>altcoin_market_cap</c>).</summary>
    [JsonPropertyName("altcoin_market_cap")]
    public decimal? AltcoinMarketCap { get; init; }

    /// <summary>Gets the change of the total market cap since yesterday in percent (<c>total_market_cap_yesterday_percentage_change</c>).</summary>
    [JsonPropertyName("total_market_cap_yesterday_percentage_change")]
    public decimal? TotalMarketCapYesterdayPercentageChange { get; init; }

    /// <summary>Gets the change of the total volume since yesterday in percent (<c>total_volume_24h_yesterday_percentage_change</c>).</summary>
    [JsonPropertyName("total_volume_24h_yesterday_percentage_change")]
    public decimal? TotalVolume24hYesterdayPercentageChange { get; init; }

    /// <summary>Gets when the totals were last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }
}
