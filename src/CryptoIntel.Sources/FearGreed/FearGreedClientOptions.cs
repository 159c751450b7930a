namespace CryptoIntel.Sources.FearGreed;

/// <summary>
/// Settings of <see cref="FearGreedClient"/>, bound from <c>CryptoIntel:Sources:FearGreed</c>. The defaults:
/// <c>https://api.alternative.me/</c>, no key, 30 calls a minute (alternative.me documents no limit, so this is a
/// conservative guess) and no monthly quota; answers are cached for 10 minutes (the index changes once a day).
/// </summary>
public sealed class FearGreedClientOptions : SourceClientOptions
{
    /// <summary>Creates options with the conservative defaults.</summary>
    public FearGreedClientOptions()
    {
        RequestsPerMinute = 30;
        MonthlyQuota = 0;
        DefaultCacheDuration = TimeSpan.FromMinutes(10);
        CacheDurations["fng"] = TimeSpan.FromMinutes(10);
    }

    /// <inheritdoc />
    public override Uri GetDefaultBaseAddress() => new("https://api.alternative.me/");
}
