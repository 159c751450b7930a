using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinGecko.Internal;

// Shapes of the wire format that do not map one to one onto the public models.

internal sealed record GlobalEnvelope([property: JsonPropertyName("data")] GlobalMarket? Data);

internal sealed record TrendingDto(
    [property: JsonPropertyName("coins")] List<TrendingCoinWrapper>? Coins,
    [property: JsonPropertyName("categories")] List<TrendingCategoryDto>? Categories);

internal sealed record TrendingCoinWrapper([property: JsonPropertyName("item")] TrendingItemDto? Item);

internal sealed record TrendingItemDto
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("coin_id")]
    public long? CoinId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    [JsonPropertyName("market_cap_rank")]
    public long? MarketCapRank { get; init; }

    [JsonPropertyName("price_btc")]
    public decimal? PriceBtc { get; init; }

    [JsonPropertyName("score")]
    public int? Score { get; init; }

    [JsonPropertyName("data")]
    public TrendingItemData? Data { get; init; }
}

internal sealed record TrendingItemData(
    [property: JsonPropertyName("price")] decimal? Price,
    [property: JsonPropertyName("price_change_percentage_24h")] Dictionary<string, decimal?>? PriceChangePercentage24h);

internal sealed record TrendingCategoryDto(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("coins_count")] long? CoinsCount,
    [property: JsonPropertyName("market_cap_1h_change")] decimal? MarketCap1hChange);

internal sealed record CoinDetailDto
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("categories")]
    public List<string?>? Categories { get; init; }

    [JsonPropertyName("description")]
    public Dictionary<string, string?>? Description { get; init; }

    [JsonPropertyName("links")]
    public CoinLinksDto? Links { get; init; }

    [JsonPropertyName("platforms")]
    public Dictionary<string, string?>? Platforms { get; init; }

    [JsonPropertyName("genesis_date")]
    public string? GenesisDate { get; init; }

    [JsonPropertyName("hashing_algorithm")]
    public string? HashingAlgorithm { get; init; }

    [JsonPropertyName("market_cap_rank")]
    public long? MarketCapRank { get; init; }

    [JsonPropertyName("market_data")]
    public CoinMarketDataDto? MarketData { get; init; }

    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }
}

internal sealed record CoinLinksDto([property: JsonPropertyName("homepage")] List<string?>? Homepage);

internal sealed record CoinMarketDataDto
{
    [JsonPropertyName("current_price")]
    public Dictionary<string, decimal?>? CurrentPrice { get; init; }

    [JsonPropertyName("market_cap")]
    public Dictionary<string, decimal?>? MarketCap { get; init; }

    [JsonPropertyName("total_volume")]
    public Dictionary<string, decimal?>? TotalVolume { get; init; }

    [JsonPropertyName("price_change_percentage_24h")]
    public decimal? PriceChangePercentage24h { get; init; }

    [JsonPropertyName("price_change_percentage_7d")]
    public decimal? PriceChangePercentage7d { get; init; }

    [JsonPropertyName("circulating_supply")]
    public double? CirculatingSupply { get; init; }

    [JsonPropertyName("total_supply")]
    public double? TotalSupply { get; init; }

    [JsonPropertyName("max_supply")]
    public double? MaxSupply { get; init; }
}

internal sealed record MarketChartDto(
    [property: JsonPropertyName("prices")] List<decimal?[]>? Prices,
    [property: JsonPropertyName("market_caps")] List<decimal?[]>? MarketCaps,
    [property: JsonPropertyName("total_volumes")] List<decimal?[]>? TotalVolumes);
