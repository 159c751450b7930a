using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinGecko;

/// <summary>One row of <c>/coins/markets</c>: an asset's price, capitalisation, volume and changes in one quote currency.</summary>
public sealed record CoinMarket
{
    /// <summary>Gets the CoinGecko id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Gets the ticker, lower case (<c>symbol</c>).</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the logo address (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public string? Image { get; init; }

    /// <summary>Gets the price (<c>current_price</c>).</summary>
    [JsonPropertyName("current_price")]
    public decimal? CurrentPrice { get; init; }

    /// <summary>Gets the market capitalisation (<c>market_cap</c>).</summary>
    [JsonPropertyName("market_cap")]
    public decimal? MarketCap { get; init; }

    /// <summary>Gets the rank by market capitalisation (<c>market_cap_rank</c>).</summary>
    [JsonPropertyName("market_cap_rank")]
    public long? MarketCapRank { get; init; }

    /// <summary>Gets the fully diluted valuation (<c>fully_diluted_valuation</c>).</summary>
    [JsonPropertyName("fully_diluted_valuation")]
    public decimal? FullyDilutedValuation { get; init; }

    /// <summary>Gets the 24-hour traded volume (<c>total_volume</c>).</summary>
    [JsonPropertyName("total_volume")]
    public decimal? TotalVolume { get; init; }

    /// <summary>Gets the 24-hour high (<c>high_24h</c>).</summary>
    [JsonPropertyName("high_24h")]
    public decimal? High24h { get; init; }

    /// <summary>Gets the 24-hour low (<c>low_24h</c>).</summary>
    [JsonPropertyName("low_24h")]
    public decimal? Low24h { get; init; }

    /// <summary>Gets the 24-hour price change (<c>price_change_24h</c>).</summary>
    [JsonPropertyName("price_change_24h")]
    public decimal? PriceChange24h { get; init; }

    /// <summary>Gets the 24-hour price change in percent (<c>price_change_percentage_24h</c>).</summary>
    [JsonPropertyName("price_change_percentage_24h")]
    public decimal? PriceChangePercentage24h { get; init; }

    /// <summary>Gets the 24-hour market-cap change (<c>market_cap_change_24h</c>).</summary>
    [JsonPropertyName("market_cap_change_24h")]
    public decimal? MarketCapChange24h { get; init; }

    /// <summary>Gets the 24-hour market-cap change in percent (<c>market_cap_change_percentage_24h</c>).</summary>
    [JsonPropertyName("market_cap_change_percentage_24h")]
    public decimal? MarketCapChangePercentage24h { get; init; }

    /// <summary>Gets the circulating supply (<c>circulating_supply</c>); a <see cref="double"/> because supplies can exceed <see cref="decimal"/>.</summary>
    [JsonPropertyName("circulating_supply")]
    public double? CirculatingSupply { get; init; }

    /// <summary>Gets the total supply (<c>total_supply</c>).</summary>
    [JsonPropertyName("total_supply")]
    public double? TotalSupply { get; init; }

    /// <summary>Gets the maximum supply (<c>max_supply</c>), null when uncapped.</summary>
    [JsonPropertyName("max_supply")]
    public double? MaxSupply { get; init; }

    /// <summary>Gets the all-time high (<c>ath</c>).</summary>
    [JsonPropertyName("ath")]
    public decimal? Ath { get; init; }

    /// <summary>Gets the distance from the all-time high in percent (<c>ath_change_percentage</c>).</summary>
    [JsonPropertyName("ath_change_percentage")]
    public decimal? AthChangePercentage { get; init; }

    /// <summary>Gets when the all-time high was reached (<c>ath_date</c>).</summary>
    [JsonPropertyName("ath_date")]
    public DateTimeOffset? AthDate { get; init; }

    /// <summary>Gets the all-time low (<c>atl</c>).</summary>
    [JsonPropertyName("atl")]
    public decimal? Atl { get; init; }

    /// <summary>Gets the distance from the all-time low in percent (<c>atl_change_percentage</c>).</summary>
    [JsonPropertyName("atl_change_percentage")]
    public decimal? AtlChangePercentage { get; init; }

    /// <summary>Gets when the all-time low was reached (<c>atl_date</c>).</summary>
    [JsonPropertyName("atl_date")]
    public DateTimeOffset? AtlDate { get; init; }

    /// <summary>Gets the return on investment since the ICO, when CoinGecko knows it (<c>roi</c>).</summary>
    [JsonPropertyName("roi")]
    public CoinRoi? Roi { get; init; }

    /// <summary>Gets when the row was last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Gets the 1-hour price change in percent, when requested (<c>price_change_percentage_1h_in_currency</c>).</summary>
    [JsonPropertyName("price_change_percentage_1h_in_currency")]
    public decimal? PriceChangePercentage1h { get; init; }

    /// <summary>Gets the 7-day price change in percent, when requested (<c>price_change_percentage_7d_in_currency</c>).</summary>
    [JsonPropertyName("price_change_percentage_7d_in_currency")]
    public decimal? PriceChangePercentage7d { get; init; }

    /// <summary>Gets this row as a normalized <see cref="PricePoint"/>, or null when it has no price.</summary>
    /// <param name="currency">The quote currency the page was requested in.</param>
    /// <returns>The price point.</returns>
    public PricePoint? ToPricePoint(FiatCurrency currency) =>
        CurrentPrice is { } price && LastUpdated is { } at
            ? new PricePoint(new AssetId(Id), CoinGeckoClient.ProviderName, at, price, currency, TotalVolume, MarketCap)
            : null;
}

/// <summary>Return on investment since the ICO (<c>roi</c>).</summary>
/// <param name="Times">The multiple (<c>times</c>).</param>
/// <param name="Currency">The currency of the ICO price (<c>currency</c>).</param>
/// <param name="Percentage">The return in percent (<c>percentage</c>).</param>
public sealed record CoinRoi(
    [property: JsonPropertyName("times")] decimal? Times,
    [property: JsonPropertyName("currency")] string? Currency,
    [property: JsonPropertyName("percentage")] decimal? Percentage);
