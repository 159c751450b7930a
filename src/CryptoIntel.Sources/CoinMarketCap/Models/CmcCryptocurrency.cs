using System.Text.Json.Serialization;
using CryptoIntel.Sources.CoinMarketCap.Internal;

namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>
/// A cryptocurrency with its market figures, as <c>/v1/cryptocurrency/listings/latest</c>,
/// <c>/v1/cryptocurrency/listings/new</c> and <c>/v2/cryptocurrency/quotes/latest</c> return it. CoinMarketCap keys
/// assets by its own numeric <see cref="Id"/>; map it to an <see cref="AssetId"/> yourself (see <see cref="ToPricePoint"/>).
/// </summary>
public sealed record CmcCryptocurrency
{
    /// <summary>Gets the CoinMarketCap id (<c>id</c>), stable across renames.</summary>
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the ticker, upper case (<c>symbol</c>); tickers are not unique.</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Gets the URL-friendly name (<c>slug</c>), e.g. <c>bitcoin</c>.</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = string.Empty;

    /// <summary>Gets the rank by market capitalisation (<c>cmc_rank</c>).</summary>
    [JsonPropertyName("cmc_rank")]
    public long? CmcRank { get; init; }

    /// <summary>Gets how many market pairs trade it (<c>num_market_pairs</c>).</summary>
    [JsonPropertyName("num_market_pairs")]
    public long? NumMarketPairs { get; init; }

    /// <summary>Gets the circulating supply (<c>circulating_supply</c>).</summary>
    [JsonPropertyName("circulating_supply")]
    public double? CirculatingSupply { get; init; }

    /// <summary>Gets the total supply (<c>total_supply</c>).</summary>
    [JsonPropertyName("total_supply")]
    public double? TotalSupply { get; init; }

    /// <summary>Gets the maximum supply (<c>max_supply</c>), null when uncapped or unknown.</summary>
    [JsonPropertyName("max_supply")]
    public double? MaxSupply { get; init; }

    /// <summary>Gets whether the supply is uncapped (<c>infinite_supply</c>).</summary>
    [JsonPropertyName("infinite_supply")]
    public bool? InfiniteSupply { get; init; }

    /// <summary>Gets the chain a token lives on (<c>platform</c>), null for native coins.</summary>
    [JsonPropertyName("platform")]
    public CmcPlatform? Platform { get; init; }

    /// <summary>Gets the tag slugs (<c>tags</c>; sent as strings by the listings and as objects by quotes v2, read as slugs from both).</summary>
    [JsonPropertyName("tags")]
    [JsonConverter(typeof(CmcTagsConverter))]
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets when CoinMarketCap added it (<c>date_added</c>).</summary>
    [JsonPropertyName("date_added")]
    public DateTimeOffset? DateAdded { get; init; }

    /// <summary>Gets the self-reported circulating supply (<c>self_reported_circulating_supply</c>), usually null.</summary>
    [JsonPropertyName("self_reported_circulating_supply")]
    public double? SelfReportedCirculatingSupply { get; init; }

    /// <summary>Gets the self-reported market capitalisation (<c>self_reported_market_cap</c>), usually null.</summary>
    [JsonPropertyName("self_reported_market_cap")]
    public decimal? SelfReportedMarketCap { get; init; }

    /// <summary>Gets the ratio of market cap to TVL (<c>tvl_ratio</c>), usually null.</summary>
    [JsonPropertyName("tvl_ratio")]
    public decimal? TvlRatio { get; init; }

    /// <summary>Gets when the row was last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Gets the market figures per quote currency (<c>quote</c>), keyed by the upper-case code CoinMarketCap uses (<c>USD</c>).</summary>
    [JsonPropertyName("quote")]
    public IReadOnlyDictionary<string, CmcQuote> Quote { get; init; } = new Dictionary<string, CmcQuote>();

    /// <summary>Gets the figures in one quote currency.</summary>
    /// <param name="currency">The currency, e.g. <see cref="FiatCurrency.Usd"/> (looked up as <c>USD</c>).</param>
    /// <returns>The figures, or null when the call did not convert to <paramref name="currency"/>.</returns>
    public CmcQuote? GetQuote(FiatCurrency currency) =>
        Quote.TryGetValue(currency.ToUpperCode(), out var quote) ? quote
        : Quote.FirstOrDefault(q => string.Equals(q.Key, currency.Code, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// Gets this row as a normalized <see cref="PricePoint"/>. CoinMarketCap slugs are not CoinGecko ids in general,
    /// so the caller says which <see cref="AssetId"/> this row is.
    /// </summary>
    /// <param name="asset">The asset this row describes (e.g. resolved from <see cref="Id"/> or <see cref="Slug"/>).</param>
    /// <param name="currency">The quote currency.</param>
    /// <returns>The price point, or null when there is no price or time in <paramref name="currency"/>.</returns>
    public PricePoint? ToPricePoint(AssetId asset, FiatCurrency currency) =>
        GetQuote(currency) is { Price: { } price } quote && (quote.LastUpdated ?? LastUpdated) is { } at
            ? new PricePoint(asset, CoinMarketCapClient.ProviderName, at, price, currency, quote.Volume24h, quote.MarketCap)
            : null;
}

/// <summary>The market figures of a cryptocurrency in one quote currency (a value of <c>quote</c>).</summary>
public sealed record CmcQuote
{
    /// <summary>Gets the price (<c>price</c>).</summary>
    [JsonPropertyName("price")]
    public decimal? Price { get; init; }

    /// <summary>Gets the 24-hour volume (<c>volume_24h</c>).</summary>
    [JsonPropertyName("volume_24h")]
    public decimal? Volume24h { get; init; }

    /// <summary>Gets the 24-hour change of the volume in percent (<c>volume_change_24h</c>).</summary>
    [JsonPropertyName("volume_change_24h")]
    public decimal? VolumeChange24h { get; init; }

    /// <summary>Gets the 1-hour price change in percent (<c>percent_change_1h</c>).</summary>
    [JsonPropertyName("percent_change_1h")]
    public decimal? PercentChange1h { get; init; }

    /// <summary>Gets the 24-hour price change in percent (<c>percent_change_24h</c>).</summary>
    [JsonPropertyName("percent_change_24h")]
    public decimal? PercentChange24h { get; init; }

    /// <summary>Gets the 7-day price change in percent (<c>percent_change_7d</c>).</summary>
    [JsonPropertyName("percent_change_7d")]
    public decimal? PercentChange7d { get; init; }

    /// <summary>Gets the 30-day price change in percent (<c>percent_change_30d</c>).</summary>
    [JsonPropertyName("percent_change_30d")]
    public decimal? PercentChange30d { get; init; }

    /// <summary>Gets the 60-day price change in percent (<c>percent_change_60d</c>).</summary>
    [JsonPropertyName("percent_change_60d")]
    public decimal? PercentChange60d { get; init; }

    /// <summary>Gets the 90-day price change in percent (<c>percent_change_90d</c>).</summary>
    [JsonPropertyName("percent_change_90d")]
    public decimal? PercentChange90d { get; init; }

    /// <summary>Gets the market capitalisation (<c>market_cap</c>).</summary>
    [JsonPropertyName("market_cap")]
    public decimal? MarketCap { get; init; }

    /// <summary>Gets the share of the whole market's capitalisation in percent (<c>market_cap_dominance</c>).</summary>
    [JsonPropertyName("market_cap_dominance")]
    public decimal? MarketCapDominance { get; init; }

    /// <summary>Gets the fully diluted market capitalisation (<c>fully_diluted_market_cap</c>).</summary>
    [JsonPropertyName("fully_diluted_market_cap")]
    public decimal? FullyDilutedMarketCap { get; init; }

    /// <summary>Gets the total value locked (<c>tvl</c>), usually null.</summary>
    [JsonPropertyName("tvl")]
    public decimal? Tvl { get; init; }

    /// <summary>Gets when the figures were last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }
}

/// <summary>The chain a token lives on (<c>platform</c>).</summary>
/// <param name="Id">The CoinMarketCap id of the chain's coin (<c>id</c>).</param>
/// <param name="Name">The chain's name (<c>name</c>).</param>
/// <param name="Symbol">The chain coin's ticker (<c>symbol</c>).</param>
/// <param name="Slug">The chain coin's slug (<c>slug</c>).</param>
/// <param name="TokenAddress">The token's contract address (<c>token_address</c>).</param>
public sealed record CmcPlatform(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("symbol")] string? Symbol,
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("token_address")] string? TokenAddress);
