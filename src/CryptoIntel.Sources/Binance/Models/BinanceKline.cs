namespace CryptoIntel.Sources.Binance;

/// <summary>One candle of <c>/api/v3/klines</c>, read from Binance's positional array.</summary>
/// <param name="OpenTime">When the candle opens, UTC (index 0, Unix milliseconds).</param>
/// <param name="Open">The open price (index 1).</param>
/// <param name="High">The high price (index 2).</param>
/// <param name="Low">The low price (index 3).</param>
/// <param name="Close">The close price (index 4).</param>
/// <param name="Volume">The volume in the base asset (index 5).</param>
/// <param name="CloseTime">When the candle closes, UTC (index 6, Unix milliseconds).</param>
/// <param name="QuoteVolume">The volume in the quote asset (index 7).</param>
/// <param name="TradeCount">The number of trades (index 8).</param>
/// <param name="TakerBuyBaseVolume">The taker buy volume in the base asset (index 9).</param>
/// <param name="TakerBuyQuoteVolume">The taker buy volume in the quote asset (index 10).</param>
public sealed record BinanceKline(
    DateTimeOffset OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    DateTimeOffset CloseTime,
    decimal QuoteVolume,
    long TradeCount,
    decimal TakerBuyBaseVolume,
    decimal TakerBuyQuoteVolume);
