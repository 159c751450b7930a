namespace CryptoIntel.Sources.CoinGecko;

/// <summary>A value at a moment, from CoinGecko's <c>[unix_ms, value]</c> pairs.</summary>
/// <param name="Timestamp">The moment (UTC).</param>
/// <param name="Value">The value.</param>
public readonly record struct TimedValue(DateTimeOffset Timestamp, decimal Value);

/// <summary>Price, market-cap and volume history of one coin (<c>/coins/{id}/market_chart</c>).</summary>
/// <param name="Prices">The prices (<c>prices</c>).</param>
/// <param name="MarketCaps">The market capitalisations (<c>market_caps</c>).</param>
/// <param name="TotalVolumes">The 24-hour volumes (<c>total_volumes</c>).</param>
public sealed record MarketChart(IReadOnlyList<TimedValue> Prices, IReadOnlyList<TimedValue> MarketCaps, IReadOnlyList<TimedValue> TotalVolumes);

/// <summary>One candle of <c>/coins/{id}/ohlc</c>.</summary>
/// <param name="OpenTime">The candle's start (UTC).</param>
/// <param name="Open">The open.</param>
/// <param name="High">The high.</param>
/// <param name="Low">The low.</param>
/// <param name="Close">The close.</param>
public sealed record OhlcCandle(DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close);

/// <summary>A simple price quote (<c>/simple/price</c>) of one asset in one currency.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Currency">The quote currency.</param>
/// <param name="Price">The price.</param>
public sealed record SimplePrice(AssetId Asset, FiatCurrency Currency, decimal Price)
{
    /// <summary>Gets the market capitalisation, when requested (<c>{currency}_market_cap</c>).</summary>
    public decimal? MarketCap { get; init; }

    /// <summary>Gets the 24-hour volume, when requested (<c>{currency}_24h_vol</c>).</summary>
    public decimal? Volume24h { get; init; }

    /// <summary>Gets the 24-hour change in percent, when requested (<c>{currency}_24h_change</c>).</summary>
    public decimal? Change24h { get; init; }

    /// <summary>Gets when the price was updated, when requested (<c>last_updated_at</c>).</summary>
    public DateTimeOffset? LastUpdatedAt { get; init; }
}
