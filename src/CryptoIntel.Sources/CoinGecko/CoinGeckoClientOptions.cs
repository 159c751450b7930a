namespace CryptoIntel.Sources.CoinGecko;

/// <summary>
/// Settings of <see cref="CoinGeckoClient"/>, bound from <c>CryptoIntel:Sources:CoinGecko</c>. The defaults are the
/// Demo (free) plan's: <c>https://api.coingecko.com/api/v3</c>, key header <c>x-cg-demo-api-key</c>, about 30 calls a
/// minute ("varies with traffic", so 25 here) and 10,000 calls a month. The paid plan uses
/// <c>https://pro-api.coingecko.com/api/v3</c> and <c>x-cg-pro-api-key</c>; set its limits from your plan.
/// </summary>
public sealed class CoinGeckoClientOptions : SourceClientOptions
{
    /// <summary>Creates options with the Demo plan's budget and per-operation cache durations.</summary>
    public CoinGeckoClientOptions()
    {
        RequestsPerMinute = 25;
        MonthlyQuota = 10_000;
        DefaultCacheDuration = TimeSpan.FromMinutes(1);
        CacheDurations["coins.markets"] = TimeSpan.FromMinutes(1);
        CacheDurations["simple.price"] = TimeSpan.FromSeconds(30);
        CacheDurations["coins.detail"] = TimeSpan.FromMinutes(10);
        CacheDurations["coins.market_chart"] = TimeSpan.FromMinutes(5);
        CacheDurations["coins.ohlc"] = TimeSpan.FromMinutes(5);
        CacheDurations["search.trending"] = TimeSpan.FromMinutes(5);
        CacheDurations["global"] = TimeSpan.FromMinutes(5);
        CacheDurations["coins.list"] = TimeSpan.FromHours(24);
        CacheDurations["coins.categories"] = TimeSpan.FromMinutes(30);
        CacheDurations["simple.supported_vs_currencies"] = TimeSpan.FromHours(24);
        CacheDurations["ping"] = TimeSpan.Zero;
    }

    /// <inheritdoc />
    public override Uri GetDefaultBaseAddress() => Plan == SourcePlan.Paid
        ? new Uri("https://pro-api.coingecko.com/api/v3/")
        : new Uri("https://api.coingecko.com/api/v3/");

    /// <inheritdoc />
    public override string? GetApiKeyHeaderName() => Plan == SourcePlan.Paid ? "x-cg-pro-api-key" : "x-cg-demo-api-key";
}
