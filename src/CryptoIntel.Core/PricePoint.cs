namespace CryptoIntel;

/// <summary>A normalized price observation of one asset from one source, the input of price-based detectors.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Source">The provider that reported it, e.g. <c>coingecko</c>.</param>
/// <param name="Timestamp">When the provider says the value was current (UTC).</param>
/// <param name="Price">The price in <paramref name="Currency"/>.</param>
/// <param name="Currency">The quote currency.</param>
/// <param name="Volume24h">The 24-hour traded volume in <paramref name="Currency"/>, when known.</param>
/// <param name="MarketCap">The market capitalisation in <paramref name="Currency"/>, when known.</param>
public sealed record PricePoint(
    AssetId Asset,
    string Source,
    DateTimeOffset Timestamp,
    decimal Price,
    FiatCurrency Currency,
    decimal? Volume24h = null,
    decimal? MarketCap = null);
