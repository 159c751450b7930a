using System.Text.Json.Serialization;

namespace CryptoIntel.Benchmarks;

/// <summary>The same fields as <c>CoinMarket</c> with plain types and no lenient converters: "plain source-generated STJ".</summary>
public sealed record PlainCoinMarket(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("symbol")] string? Symbol,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("current_price")] decimal? CurrentPrice,
    [property: JsonPropertyName("market_cap")] decimal? MarketCap,
    [property: JsonPropertyName("market_cap_rank")] long? MarketCapRank,
    [property: JsonPropertyName("fully_diluted_valuation")] decimal? FullyDilutedValuation,
    [property: JsonPropertyName("total_volume")] decimal? TotalVolume,
    [property: JsonPropertyName("high_24h")] decimal? High24h,
    [property: JsonPropertyName("low_24h")] decimal? Low24h,
    [property: JsonPropertyName("price_change_24h")] decimal? PriceChange24h,
    [property: JsonPropertyName("price_change_percentage_24h")] decimal? PriceChangePercentage24h,
    [property: JsonPropertyName("market_cap_change_24h")] decimal? MarketCapChange24h,
    [property: JsonPropertyName("market_cap_change_percentage_24h")] decimal? MarketCapChangePercentage24h,
    [property: JsonPropertyName("circulating_supply")] double? CirculatingSupply,
    [property: JsonPropertyName("total_supply")] double? TotalSupply,
    [property: JsonPropertyName("max_supply")] double? MaxSupply,
    [property: JsonPropertyName("ath")] decimal? Ath,
    [property: JsonPropertyName("ath_change_percentage")] decimal? AthChangePercentage,
    [property: JsonPropertyName("ath_date")] DateTimeOffset? AthDate,
    [property: JsonPropertyName("atl")] decimal? Atl,
    [property: JsonPropertyName("atl_change_percentage")] decimal? AtlChangePercentage,
    [property: JsonPropertyName("atl_date")] DateTimeOffset? AtlDate,
    [property: JsonPropertyName("roi")] PlainRoi? Roi,
    [property: JsonPropertyName("last_updated")] DateTimeOffset? LastUpdated,
    [property: JsonPropertyName("price_change_percentage_1h_in_currency")] decimal? PriceChangePercentage1h,
    [property: JsonPropertyName("price_change_percentage_7d_in_currency")] decimal? PriceChangePercentage7d);

public sealed record PlainRoi(
    [property: JsonPropertyName("times")] decimal? Times,
    [property: JsonPropertyName("currency")] string? Currency,
    [property: JsonPropertyName("percentage")] decimal? Percentage);

// Numbers in strings are part of the page, so the plain parse allows them (a stock STJ option, no custom converter).
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(List<PlainCoinMarket>))]
internal sealed partial class PlainJsonContext : JsonSerializerContext;
