namespace CryptoIntel.Sources.Kraken;

/// <summary>
/// The 24-hour ticker of one pair (<c>/0/public/Ticker</c>). <see cref="Pair"/> is the key exactly as Kraken returns
/// it, which is often not the name asked for: <c>XBTUSD</c> comes back as <c>XXBTZUSD</c>.
/// </summary>
public sealed record KrakenTicker
{
    /// <summary>Gets the pair key as Kraken returned it (e.g. <c>XXBTZUSD</c>).</summary>
    public required string Pair { get; init; }

    /// <summary>Gets the best ask price (<c>a[0]</c>).</summary>
    public decimal? Ask { get; init; }

    /// <summary>Gets the best bid price (<c>b[0]</c>).</summary>
    public decimal? Bid { get; init; }

    /// <summary>Gets the last trade's price (<c>c[0]</c>).</summary>
    public decimal? LastPrice { get; init; }

    /// <summary>Gets the last trade's volume (<c>c[1]</c>).</summary>
    public decimal? LastVolume { get; init; }

    /// <summary>Gets the base-asset volume since 00:00 UTC (<c>v[0]</c>).</summary>
    public decimal? VolumeToday { get; init; }

    /// <summary>Gets the base-asset volume of the last 24 hours (<c>v[1]</c>).</summary>
    public decimal? Volume24h { get; init; }

    /// <summary>Gets the volume-weighted average price of the last 24 hours (<c>p[1]</c>).</summary>
    public decimal? Vwap24h { get; init; }

    /// <summary>Gets the number of trades in the last 24 hours (<c>t[1]</c>).</summary>
    public long? Trades24h { get; init; }

    /// <summary>Gets the lowest price of the last 24 hours (<c>l[1]</c>).</summary>
    public decimal? Low24h { get; init; }

    /// <summary>Gets the highest price of the last 24 hours (<c>h[1]</c>).</summary>
    public decimal? High24h { get; init; }

    /// <summary>Gets today's opening price, since 00:00 UTC (<c>o</c>).</summary>
    public decimal? Open { get; init; }
}

/// <summary>One candle of <c>/0/public/OHLC</c>: <c>[time, open, high, low, close, vwap, volume, count]</c>.</summary>
/// <param name="OpenTime">The candle's start (UTC).</param>
/// <param name="Open">The open.</param>
/// <param name="High">The high.</param>
/// <param name="Low">The low.</param>
/// <param name="Close">The close.</param>
/// <param name="Vwap">The volume-weighted average price.</param>
/// <param name="Volume">The base-asset volume.</param>
/// <param name="Count">The number of trades.</param>
public sealed record KrakenCandle(DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Vwap, decimal Volume, long Count);

/// <summary>The candles of one pair, and the cursor to ask for the next ones (<c>/0/public/OHLC</c>).</summary>
/// <param name="Pair">The pair key as Kraken returned it (e.g. <c>XXBTZUSD</c>).</param>
/// <param name="Candles">The candles, oldest first (at most 720; the last one is still forming).</param>
/// <param name="Last">The cursor (<c>last</c>) to pass as <c>since</c> for newer candles.</param>
public sealed record KrakenOhlc(string Pair, IReadOnlyList<KrakenCandle> Candles, DateTimeOffset? Last);

/// <summary>The exchange's state (<c>/0/public/SystemStatus</c>).</summary>
/// <param name="Status">The status (<c>status</c>): <c>online</c>, <c>maintenance</c>, <c>cancel_only</c> or <c>post_only</c>.</param>
/// <param name="Timestamp">When Kraken reported it (<c>timestamp</c>).</param>
public sealed record KrakenSystemStatus(string Status, DateTimeOffset? Timestamp)
{
    /// <summary>Gets a value indicating whether trading is fully available.</summary>
    public bool IsOnline => string.Equals(Status, "online", StringComparison.OrdinalIgnoreCase);
}
