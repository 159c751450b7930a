namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>
/// Settings of <see cref="CoinMarketCapClient"/>, bound from <c>CryptoIntel:Sources:CoinMarketCap</c>. Every plan,
/// the free Basic plan included, uses <c>https://pro-api.coinmarketcap.com</c> with the key in the
/// <c>X-CMC_PRO_API_KEY</c> header (point <see cref="SourceClientOptions.BaseAddress"/> at
/// <c>https://sandbox-api.coinmarketcap.com</c> for the sandbox). The defaults are the Basic plan's: about 30
/// requests a minute (25 here, a safety margin) and 10,000 credits a month (sources disagree between 10,000 and
/// 15,000: set yours). CoinMarketCap charges credits by data returned; the client computes each call's cost and
/// spends it from <see cref="SourceClientOptions.MonthlyQuota"/>.
/// </summary>
public sealed class CoinMarketCapClientOptions : SourceClientOptions
{
    /// <summary>The address of every plan.</summary>
    internal static readonly Uri ProAddress = new("https://pro-api.coinmarketcap.com/");

    /// <summary>Creates options with the Basic plan's budget and per-operation cache durations.</summary>
    public CoinMarketCapClientOptions()
    {
        RequestsPerMinute = 25;
        MonthlyQuota = 10_000;
        DefaultCacheDuration = TimeSpan.FromMinutes(1);
        CacheDurations["listings.latest"] = TimeSpan.FromMinutes(2);
        CacheDurations["listings.new"] = TimeSpan.FromMinutes(5);
        CacheDurations["quotes.latest"] = TimeSpan.FromMinutes(1);
        CacheDurations["global_metrics"] = TimeSpan.FromMinutes(5);
        CacheDurations["map"] = TimeSpan.FromHours(24);
        CacheDurations["info"] = TimeSpan.FromHours(24);
        CacheDurations["categories"] = TimeSpan.FromMinutes(30);
        CacheDurations["price_conversion"] = TimeSpan.FromMinutes(1);
        CacheDurations["dex.listings"] = TimeSpan.FromMinutes(5);
        CacheDurations["dex.spot_pairs"] = TimeSpan.FromMinutes(1);
    }

    /// <inheritdoc />
    public override Uri GetDefaultBaseAddress() => ProAddress;

    /// <inheritdoc />
    public override string? GetApiKeyHeaderName() => "X-CMC_PRO_API_KEY";
}
