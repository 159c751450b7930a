using System.Text.Json.Serialization;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.Binance;

/// <summary>A symbol's rolling 24-hour statistics (<c>/api/v3/ticker/24hr</c>). Binance sends prices and quantities as strings.</summary>
public sealed record BinanceTicker24h
{
    /// <summary>Gets the symbol, e.g. <c>BTCUSDT</c> (<c>symbol</c>).</summary>
    [JsonPropertyName("symbol")]
    public required string Symbol { get; init; }

    /// <summary>Gets the price change over 24 hours (<c>priceChange</c>).</summary>
    [JsonPropertyName("priceChange")]
    public decimal? PriceChange { get; init; }

    /// <summary>Gets the price change over 24 hours in percent (<c>priceChangePercent</c>).</summary>
    [JsonPropertyName("priceChangePercent")]
    public decimal? PriceChangePercent { get; init; }

    /// <summary>Gets the volume-weighted average price (<c>weightedAvgPrice</c>).</summary>
    [JsonPropertyName("weightedAvgPrice")]
    public decimal? WeightedAveragePrice { get; init; }

    /// <summary>Gets the previous day's close (<c>prevClosePrice</c>).</summary>
    [JsonPropertyName("prevClosePrice")]
    public decimal? PreviousClosePrice { get; init; }

    /// <summary>Gets the last traded price (<c>lastPrice</c>).</summary>
    [JsonPropertyName("lastPrice")]
    public decimal? LastPrice { get; init; }

    /// <summary>Gets the last traded quantity (<c>lastQty</c>).</summary>
    [JsonPropertyName("lastQty")]
    public decimal? LastQuantity { get; init; }

    /// <summary>Gets the best bid (<c>bidPrice</c>).</summary>
    [JsonPropertyName("bidPrice")]
    public decimal? BidPrice { get; init; }

    /// <summary>Gets the quantity at the best bid (<c>bidQty</c>).</summary>
    [JsonPropertyName("bidQty")]
    public decimal? BidQuantity { get; init; }

    /// <summary>Gets the best ask (<c>askPrice</c>).</summary>
    [JsonPropertyName("askPrice")]
    public decimal? AskPrice { get; init; }

    /// <summary>Gets the quantity at the best ask (<c>askQty</c>).</summary>
    [JsonPropertyName("askQty")]
    public decimal? AskQuantity { get; init; }

    /// <summary>Gets the price 24 hours ago (<c>openPrice</c>).</summary>
    [JsonPropertyName("openPrice")]
    public decimal? OpenPrice { get; init; }

    /// <summary>Gets the 24-hour high (<c>highPrice</c>).</summary>
    [JsonPropertyName("highPrice")]
    public decimal? HighPrice { get; init; }

    /// <summary>Gets the 24-hour low (<c>lowPrice</c>).</summary>
    [JsonPropertyName("lowPrice")]
    public decimal? LowPrice { get; init; }

    /// <summary>Gets the 24-hour volume in the base asset (<c>volume</c>).</summary>
    [JsonPropertyName("volume")]
    public decimal? Volume { get; init; }

    /// <summary>Gets the 24-hour volume in the quote asset (<c>quoteVolume</c>).</summary>
    [JsonPropertyName("quoteVolume")]
    public decimal? QuoteVolume { get; init; }

    /// <summary>Gets the start of the window, UTC (<c>openTime</c>, Unix milliseconds).</summary>
    [JsonPropertyName("openTime")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset OpenTime { get; init; }

    /// <summary>Gets the end of the window, UTC (<c>closeTime</c>, Unix milliseconds).</summary>
    [JsonPropertyName("closeTime")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset CloseTime { get; init; }

    /// <summary>Gets the first trade id in the window (<c>firstId</c>; -1 when there was no trade).</summary>
    [JsonPropertyName("firstId")]
    public long? FirstTradeId { get; init; }

    /// <summary>Gets the last trade id in the window (<c>lastId</c>).</summary>
    [JsonPropertyName("lastId")]
    public long? LastTradeId { get; init; }

    /// <summary>Gets the number of trades in the window (<c>count</c>).</summary>
    [JsonPropertyName("count")]
    public long? TradeCount { get; init; }
}
