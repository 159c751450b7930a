using System.Text.Json.Serialization;
using CryptoIntel.Sources.CoinMarketCap.Internal;

namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>A decentralised exchange with its aggregate figures (<c>/v4/dex/listings/quotes</c>; paid plans only).</summary>
public sealed record CmcDexListing
{
    /// <summary>Gets the CoinMarketCap id of the exchange (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the slug (<c>slug</c>), e.g. <c>uniswap-v3</c>.</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = string.Empty;

    /// <summary>Gets the status (<c>status</c>), e.g. <c>active</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets the exchange type (<c>type</c>), e.g. <c>swap</c> or <c>aggregator</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets its share of DEX volume in percent (<c>market_share</c>).</summary>
    [JsonPropertyName("market_share")]
    public decimal? MarketShare { get; init; }

    /// <summary>Gets how many pairs it lists (<c>num_market_pairs</c>).</summary>
    [JsonPropertyName("num_market_pairs")]
    public long? NumMarketPairs { get; init; }

    /// <summary>Gets when the figures were last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Gets the figures per conversion currency (<c>quote</c>, an array in the v4 API).</summary>
    [JsonPropertyName("quote")]
    [JsonConverter(typeof(CmcDexQuotesConverter))]
    public IReadOnlyList<CmcDexQuote> Quotes { get; init; } = [];
}

/// <summary>A DEX trading pair with its latest figures (<c>/v4/dex/spot-pairs/latest</c>; paid plans only).</summary>
public sealed record CmcDexPair
{
    /// <summary>Gets the pair's (pool's) contract address (<c>contract_address</c>).</summary>
    [JsonPropertyName("contract_address")]
    public string ContractAddress { get; init; } = string.Empty;

    /// <summary>Gets the pair's name (<c>name</c>), e.g. <c>WETH/USDC</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the base asset's ticker (<c>base_asset_symbol</c>).</summary>
    [JsonPropertyName("base_asset_symbol")]
    public string? BaseAssetSymbol { get; init; }

    /// <summary>Gets the base asset's contract address (<c>base_asset_contract_address</c>).</summary>
    [JsonPropertyName("base_asset_contract_address")]
    public string? BaseAssetContractAddress { get; init; }

    /// <summary>Gets the quote asset's ticker (<c>quote_asset_symbol</c>).</summary>
    [JsonPropertyName("quote_asset_symbol")]
    public string? QuoteAssetSymbol { get; init; }

    /// <summary>Gets the quote asset's contract address (<c>quote_asset_contract_address</c>).</summary>
    [JsonPropertyName("quote_asset_contract_address")]
    public string? QuoteAssetContractAddress { get; init; }

    /// <summary>Gets the network (<c>network_slug</c>), e.g. <c>ethereum</c>.</summary>
    [JsonPropertyName("network_slug")]
    public string? NetworkSlug { get; init; }

    /// <summary>Gets the exchange (<c>dex_slug</c>), e.g. <c>uniswap-v3</c>.</summary>
    [JsonPropertyName("dex_slug")]
    public string? DexSlug { get; init; }

    /// <summary>Gets the number of transactions in 24 hours (<c>num_transactions_24h</c>).</summary>
    [JsonPropertyName("num_transactions_24h")]
    public long? NumTransactions24h { get; init; }

    /// <summary>Gets when the pool was created (<c>created_at</c>).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the figures were last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Gets the figures per conversion currency (<c>quote</c>, an array in the v4 API).</summary>
    [JsonPropertyName("quote")]
    [JsonConverter(typeof(CmcDexQuotesConverter))]
    public IReadOnlyList<CmcDexQuote> Quotes { get; init; } = [];
}

/// <summary>DEX figures in one conversion currency (an item of the v4 <c>quote</c> array); fields the endpoint does not send are null.</summary>
public sealed record CmcDexQuote
{
    /// <summary>Gets the CoinMarketCap id of the conversion currency (<c>convert_id</c>; 2781 is USD).</summary>
    [JsonPropertyName("convert_id")]
    public long? ConvertId { get; init; }

    /// <summary>Gets the price of the base asset (<c>price</c>).</summary>
    [JsonPropertyName("price")]
    public decimal? Price { get; init; }

    /// <summary>Gets the price in units of the quote asset (<c>price_by_quote_asset</c>).</summary>
    [JsonPropertyName("price_by_quote_asset")]
    public decimal? PriceByQuoteAsset { get; init; }

    /// <summary>Gets the 24-hour volume (<c>volume_24h</c>).</summary>
    [JsonPropertyName("volume_24h")]
    public decimal? Volume24h { get; init; }

    /// <summary>Gets the 24-hour change of the volume in percent (<c>percent_change_volume_24h</c>).</summary>
    [JsonPropertyName("percent_change_volume_24h")]
    public decimal? PercentChangeVolume24h { get; init; }

    /// <summary>Gets the 1-hour price change in percent (<c>percent_change_price_1h</c>).</summary>
    [JsonPropertyName("percent_change_price_1h")]
    public decimal? PercentChangePrice1h { get; init; }

    /// <summary>Gets the 24-hour price change in percent (<c>percent_change_price_24h</c>).</summary>
    [JsonPropertyName("percent_change_price_24h")]
    public decimal? PercentChangePrice24h { get; init; }

    /// <summary>Gets the pool's liquidity (<c>liquidity</c>).</summary>
    [JsonPropertyName("liquidity")]
    public decimal? Liquidity { get; init; }

    /// <summary>Gets the base asset's fully diluted value (<c>fully_diluted_value</c>).</summary>
    [JsonPropertyName("fully_diluted_value")]
    public decimal? FullyDilutedValue { get; init; }

    /// <summary>Gets when the figures were last updated (<c>last_updated</c>).</summary>
    [JsonPropertyName("last_updated")]
    public DateTimeOffset? LastUpdated { get; init; }
}
