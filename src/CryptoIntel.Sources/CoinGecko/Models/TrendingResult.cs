using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinGecko;

/// <summary>What is trending on CoinGecko in the last 24 hours (<c>/search/trending</c>).</summary>
/// <param name="Coins">The trending coins, most searched first.</param>
/// <param name="Categories">The trending categories.</param>
public sealed record TrendingResult(IReadOnlyList<TrendingCoin> Coins, IReadOnlyList<TrendingCategory> Categories);

/// <summary>A trending coin (<c>coins[].item</c>).</summary>
public sealed record TrendingCoin
{
    /// <summary>Gets the CoinGecko id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Gets the numeric coin id (<c>coin_id</c>).</summary>
    [JsonPropertyName("coin_id")]
    public long? CoinId { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the ticker (<c>symbol</c>).</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Gets the market-cap rank (<c>market_cap_rank</c>).</summary>
    [JsonPropertyName("market_cap_rank")]
    public long? MarketCapRank { get; init; }

    /// <summary>Gets the price in BTC (<c>price_btc</c>).</summary>
    [JsonPropertyName("price_btc")]
    public decimal? PriceBtc { get; init; }

    /// <summary>Gets the position in the trending list, 0 first (<c>score</c>).</summary>
    [JsonPropertyName("score")]
    public int Score { get; init; }

    /// <summary>Gets the price in USD (<c>data.price</c>).</summary>
    public decimal? PriceUsd { get; init; }

    /// <summary>Gets the 24-hour change in USD terms, in percent (<c>data.price_change_percentage_24h.usd</c>).</summary>
    public decimal? PriceChangePercentage24hUsd { get; init; }
}

/// <summary>A trending category (<c>categories[]</c>).</summary>
/// <param name="Id">The numeric id (<c>id</c>).</param>
/// <param name="Name">The name (<c>name</c>).</param>
/// <param name="Slug">The slug (<c>slug</c>).</param>
/// <param name="CoinsCount">How many coins it has (<c>coins_count</c>, sent as a string).</param>
/// <param name="MarketCap1hChange">The 1-hour market-cap change in percent (<c>market_cap_1h_change</c>).</param>
public sealed record TrendingCategory(long Id, string Name, string? Slug, long? CoinsCount, decimal? MarketCap1hChange);
