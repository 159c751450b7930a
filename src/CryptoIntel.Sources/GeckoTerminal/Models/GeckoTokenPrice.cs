namespace CryptoIntel.Sources.GeckoTerminal;

/// <summary>A token's price and market figures (<c>/simple/networks/{network}/token_price/{addresses}</c>).</summary>
/// <param name="Address">The token address, as the API keys it (<c>token_prices</c> key).</param>
/// <param name="PriceUsd">The price in USD (<c>token_prices</c>), null when unknown.</param>
public sealed record GeckoTokenPrice(string Address, decimal? PriceUsd)
{
    /// <summary>Gets the market capitalisation in USD (<c>market_cap_usd</c>), when requested and known.</summary>
    public decimal? MarketCapUsd { get; init; }

    /// <summary>Gets the 24-hour volume in USD (<c>h24_volume_usd</c>), when requested and known.</summary>
    public decimal? Volume24hUsd { get; init; }

    /// <summary>Gets the 24-hour price change in percent (<c>h24_price_change_percentage</c>), when requested and known.</summary>
    public decimal? PriceChangePercentage24h { get; init; }

    /// <summary>Gets the liquidity in USD across pools (<c>total_reserve_in_usd</c>), when requested and known.</summary>
    public decimal? TotalReserveUsd { get; init; }
}
