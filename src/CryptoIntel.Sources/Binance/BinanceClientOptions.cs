namespace CryptoIntel.Sources.Binance;

/// <summary>
/// Settings of <see cref="BinanceClient"/>, bound from <c>CryptoIntel:Sources:Binance</c>. The defaults:
/// <c>https://api.binance.com/</c> (set <see cref="SourceClientOptions.BaseAddress"/> to <c>https://api.binance.us/</c>
/// where Binance.com is geo-blocked), no key (public market data), 600 requests a minute and no monthly quota.
/// </summary>
/// <remarks>
/// Binance limits each IP to 6,000 request <em>weight</em> a minute (header <c>X-MBX-USED-WEIGHT-1M</c>), and a call's
/// weight depends on the endpoint: <c>/api/v3/ticker/24hr</c> costs 2 for one symbol and 80 for all symbols,
/// <c>/api/v3/klines</c> 2, <c>/api/v3/ticker/price</c> 2 for one symbol and 4 for all, <c>/api/v3/time</c> 1.
/// The client-side budget counts requests, not weight: 600 requests a minute stays under 6,000 weight even if every
/// call were a 2-weight call five times over, but not if every call asked for all 24-hour tickers (80 each); lower
/// <see cref="SourceClientOptions.RequestsPerMinute"/> to 60 if you do that often. Breaking the limit gives HTTP 429,
/// then 418 (an IP ban of 2 minutes to 3 days); both are <see cref="SourceFailureKind.RateLimited"/>.
/// </remarks>
public sealed class BinanceClientOptions : SourceClientOptions
{
    /// <summary>Creates options with the public market data defaults.</summary>
    public BinanceClientOptions()
    {
        RequestsPerMinute = 600;
        MonthlyQuota = 0;
        DefaultCacheDuration = TimeSpan.FromSeconds(30);
        CacheDurations["ticker.24hr"] = TimeSpan.FromSeconds(30);
        CacheDurations["ticker.price"] = TimeSpan.FromSeconds(10);
        CacheDurations["klines"] = TimeSpan.FromMinutes(1);
        CacheDurations["time"] = TimeSpan.Zero;
    }

    /// <inheritdoc />
    public override Uri GetDefaultBaseAddress() => new("https://api.binance.com/");
}
