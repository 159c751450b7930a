namespace CryptoIntel.Sources.Binance;

/// <summary>A symbol's latest price (<c>/api/v3/ticker/price</c>).</summary>
/// <param name="Symbol">The symbol, e.g. <c>BTCUSDT</c> (<c>symbol</c>).</param>
/// <param name="Price">The latest price (<c>price</c>, sent as a string).</param>
public sealed record BinancePrice(string Symbol, decimal Price);
