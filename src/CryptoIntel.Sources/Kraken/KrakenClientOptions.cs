namespace CryptoIntel.Sources.Kraken;

/// <summary>
/// Settings of <see cref="KrakenClient"/>, bound from <c>CryptoIntel:Sources:Kraken</c>. The public market-data
/// endpoints (<c>https://api.kraken.com/0/public/</c>) need no key. Kraken allows about one public call a second per
/// IP, so the default is 50 requests a minute; there is no monthly quota.
/// </summary>
public sealed class KrakenClientOptions : SourceClientOptions
{
    /// <summary>Creates options with the public API's budget and per-operation cache durations.</summary>
    public KrakenClientOptions()
    {
        RequestsPerMinute = 50;
        MonthlyQuota = 0;
        DefaultCacheDuration = TimeSpan.FromSeconds(15);
        CacheDurations["ticker"] = TimeSpan.FromSeconds(10);
        CacheDurations["ohlc"] = TimeSpan.FromSeconds(30);
        CacheDurations["system_status"] = TimeSpan.FromSeconds(30);
    }

    /// <inheritdoc />
    public override Uri GetDefaultBaseAddress() => new("https://api.kraken.com/0/public/");
}
