namespace CryptoIntel.Sources.GeckoTerminal;

/// <summary>A DEX pool (<c>data[]</c> of type <c>pool</c>). GeckoTerminal sends prices and volumes as strings.</summary>
public sealed record GeckoPool
{
    /// <summary>Gets the id, <c>{network}_{address}</c> (<c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the pool's contract address (<c>attributes.address</c>).</summary>
    public required string Address { get; init; }

    /// <summary>Gets the name, e.g. <c>WETH / USDC 0.05%</c> (<c>attributes.name</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the network id, from the pool id's prefix or <c>relationships.network</c>, when known.</summary>
    public string? Network { get; init; }

    /// <summary>Gets the DEX id, e.g. <c>uniswap_v3</c> (<c>relationships.dex.data.id</c>).</summary>
    public string? Dex { get; init; }

    /// <summary>Gets the base token (<c>relationships.base_token</c>, with <c>included</c> details when present).</summary>
    public GeckoToken? BaseToken { get; init; }

    /// <summary>Gets the quote token (<c>relationships.quote_token</c>, with <c>included</c> details when present).</summary>
    public GeckoToken? QuoteToken { get; init; }

    /// <summary>Gets the base token's price in USD (<c>attributes.base_token_price_usd</c>).</summary>
    public decimal? BaseTokenPriceUsd { get; init; }

    /// <summary>Gets the quote token's price in USD (<c>attributes.quote_token_price_usd</c>).</summary>
    public decimal? QuoteTokenPriceUsd { get; init; }

    /// <summary>Gets the base token's price in the network's native currency (<c>attributes.base_token_price_native_currency</c>).</summary>
    public decimal? BaseTokenPriceNativeCurrency { get; init; }

    /// <summary>Gets the base token's price in the quote token (<c>attributes.base_token_price_quote_token</c>).</summary>
    public decimal? BaseTokenPriceQuoteToken { get; init; }

    /// <summary>Gets the fully diluted valuation in USD (<c>attributes.fdv_usd</c>).</summary>
    public decimal? FdvUsd { get; init; }

    /// <summary>Gets the market capitalisation in USD (<c>attributes.market_cap_usd</c>; often null).</summary>
    public decimal? MarketCapUsd { get; init; }

    /// <summary>Gets the liquidity in USD (<c>attributes.reserve_in_usd</c>).</summary>
    public decimal? ReserveUsd { get; init; }

    /// <summary>Gets when the pool was created, UTC (<c>attributes.pool_created_at</c>).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the price change in percent per window (<c>m5</c>, <c>h1</c>, <c>h6</c>, <c>h24</c>) (<c>attributes.price_change_percentage</c>).</summary>
    public IReadOnlyDictionary<string, decimal> PriceChangePercentage { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the traded volume in USD per window (<c>m5</c>, <c>h1</c>, <c>h6</c>, <c>h24</c>) (<c>attributes.volume_usd</c>).</summary>
    public IReadOnlyDictionary<string, decimal> VolumeUsd { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the buy and sell counts per window (<c>m5</c> ... <c>h24</c>) (<c>attributes.transactions</c>).</summary>
    public IReadOnlyDictionary<string, GeckoTransactionCounts> Transactions { get; init; } = new Dictionary<string, GeckoTransactionCounts>();
}

/// <summary>Buys and sells in one window of a pool (<c>attributes.transactions.{window}</c>).</summary>
/// <param name="Buys">The buys (<c>buys</c>).</param>
/// <param name="Sells">The sells (<c>sells</c>).</param>
/// <param name="Buyers">The distinct buyers, when sent (<c>buyers</c>).</param>
/// <param name="Sellers">The distinct sellers, when sent (<c>sellers</c>).</param>
public sealed record GeckoTransactionCounts(long Buys, long Sells, long? Buyers, long? Sellers);

/// <summary>A token a pool trades (<c>relationships</c> with <c>included</c> details when the API sent them).</summary>
/// <param name="Id">The id, <c>{network}_{address}</c>.</param>
public sealed record GeckoToken(string Id)
{
    /// <summary>Gets the contract address (<c>attributes.address</c>), when included.</summary>
    public string? Address { get; init; }

    /// <summary>Gets the name (<c>attributes.name</c>), when included.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the symbol (<c>attributes.symbol</c>), when included.</summary>
    public string? Symbol { get; init; }

    /// <summary>Gets the decimals (<c>attributes.decimals</c>), when included.</summary>
    public int? Decimals { get; init; }

    /// <summary>Gets CoinGecko's coin id (<c>attributes.coingecko_coin_id</c>), when included and known.</summary>
    public string? CoinGeckoCoinId { get; init; }
}
