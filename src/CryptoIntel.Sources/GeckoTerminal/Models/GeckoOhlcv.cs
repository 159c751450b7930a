namespace CryptoIntel.Sources.GeckoTerminal;

/// <summary>A pool's candles (<c>/networks/{network}/pools/{address}/ohlcv/{timeframe}</c>).</summary>
/// <param name="Candles">The candles as sent (GeckoTerminal sends the newest first) (<c>data.attributes.ohlcv_list</c>).</param>
/// <param name="Base">The base token (<c>meta.base</c>), when sent.</param>
/// <param name="Quote">The quote token (<c>meta.quote</c>), when sent.</param>
public sealed record GeckoOhlcv(IReadOnlyList<GeckoCandle> Candles, GeckoToken? Base, GeckoToken? Quote);

/// <summary>One candle: <c>[timestamp, open, high, low, close, volume]</c>.</summary>
/// <param name="Timestamp">The candle's start, UTC (Unix seconds).</param>
/// <param name="Open">The open price.</param>
/// <param name="High">The high price.</param>
/// <param name="Low">The low price.</param>
/// <param name="Close">The close price.</param>
/// <param name="Volume">The volume in USD.</param>
public sealed record GeckoCandle(DateTimeOffset Timestamp, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
