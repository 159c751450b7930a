namespace CryptoIntel.Sources.GeckoTerminal;

/// <summary>
/// Settings of <see cref="GeckoTerminalClient"/>, bound from <c>CryptoIntel:Sources:GeckoTerminal</c>. The defaults:
/// <c>https://api.geckoterminal.com/api/v2/</c>, no key, 25 calls a minute (the documented free limit is 30) and no
/// monthly quota. The same data is served by CoinGecko Pro under <c>/api/v3/onchain</c>.
/// </summary>
public sealed class GeckoTerminalClientOptions : SourceClientOptions
{
    /// <summary>Creates options with the free API's defaults.</summary>
    public GeckoTerminalClientOptions()
    {
        RequestsPerMinute = 25;
        MonthlyQuota = 0;
        DefaultCacheDuration = TimeSpan.FromMinutes(1);
        CacheDurations["networks"] = TimeSpan.FromHours(24);
        CacheDurations["pools.trending"] = TimeSpan.FromMinutes(5);
        CacheDurations["pools.ohlcv"] = TimeSpan.FromMinutes(1);
        CacheDurations["pools.trades"] = TimeSpan.FromSeconds(30);
        CacheDurations["simple.token_price"] = TimeSpan.FromSeconds(30);
    }

    /// <inheritdoc />
    public override Uri GetDefaultBaseAddress() => new("https://api.geckoterminal.com/api/v2/");
}
