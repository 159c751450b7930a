using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Sources;

/// <summary>
/// Settings every source client shares, bound from <c>CryptoIntel:Sources:&lt;Provider&gt;</c>
/// (<c>BaseAddress</c>, <c>ApiKey</c>, <c>Plan</c>, <c>Enabled</c>, ...). Each provider's options type sets the
/// documented defaults of that provider.
/// </summary>
public abstract class SourceClientOptions
{
    /// <summary>Gets or sets the base address; <see langword="null"/> selects the provider's address for <see cref="Plan"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets the API key. It is sent in the provider's key header, never in the URL, and never logged.</summary>
    /// <value>The default is <see langword="null"/> (key-less access where the provider allows it).</value>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the plan the key belongs to.</summary>
    /// <value>The default is <see cref="SourcePlan.Free"/>.</value>
    public SourcePlan Plan { get; set; }

    /// <summary>Gets or sets a value indicating whether the source is used (by <c>AddSources</c> and the worker).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many requests may start in any sliding minute; 0 means no per-minute limit.</summary>
    /// <value>The provider's documented free-tier rate, less a safety margin.</value>
    [Range(0, 1_000_000)]
    public int RequestsPerMinute { get; set; }

    /// <summary>Gets or sets how many credits may be spent per calendar month (UTC); 0 means no monthly quota.</summary>
    /// <value>The provider's documented free-tier monthly quota (CoinGecko Demo 10,000 calls, CoinMarketCap Basic 10,000 credits).</value>
    [Range(0, int.MaxValue)]
    public int MonthlyQuota { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a call that the per-minute budget refuses waits for a permit (through the
    /// retry strategy, which honours the computed <c>Retry-After</c>) instead of failing at once with
    /// <see cref="SourceFailureKind.QuotaExceeded"/>. A call the monthly quota refuses always fails at once.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool WaitForRateLimit { get; set; } = true;

    /// <summary>Gets or sets the timeout of one attempt.</summary>
    /// <value>The default is 20 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets the timeout of a call, all retries and waits for a permit included.</summary>
    /// <value>The default is 3 minutes, long enough to wait out one per-minute window.</value>
    [Range(typeof(TimeSpan), "00:00:00.020", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Gets or sets how many times a failed attempt is retried (with exponential back-off that honours <c>Retry-After</c>).</summary>
    /// <value>The default is 3.</value>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the base delay of the exponential back-off.</summary>
    /// <value>The default is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long a response is served from the cache when <see cref="CacheDurations"/> has no entry for the operation.</summary>
    /// <value>The default is 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan DefaultCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets the cache duration per operation name (e.g. <c>coins.markets</c>); <see cref="TimeSpan.Zero"/> disables caching of that operation.</summary>
    /// <value>Provider defaults; entries set here override them.</value>
    public IDictionary<string, TimeSpan> CacheDurations { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how long the last good response is kept to be served when the provider fails (stale-on-error); <see cref="TimeSpan.Zero"/> disables it.</summary>
    /// <value>The default is 24 hours.</value>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan StaleDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets the User-Agent sent to the provider (some CDNs refuse requests without one).</summary>
    /// <value>The default is <c>CryptoIntel/1.0 (+https://github.com/cryptointel/cryptointel)</c>.</value>
    [Required]
    public string UserAgent { get; set; } = "CryptoIntel/1.0 (+https://github.com/cryptointel/cryptointel)";

    /// <summary>Gets the base address used when <see cref="BaseAddress"/> is not set.</summary>
    /// <returns>The provider's base address for <see cref="Plan"/>, ending with a slash.</returns>
    public abstract Uri GetDefaultBaseAddress();

    /// <summary>Gets the cache duration of an operation.</summary>
    /// <param name="operation">The operation name.</param>
    /// <returns>The duration; <see cref="TimeSpan.Zero"/> means not cached.</returns>
    public TimeSpan GetCacheDuration(string operation) =>
        CacheDurations.TryGetValue(operation, out var duration) ? duration : DefaultCacheDuration;

    /// <summary>Gets the effective base address, ending with a slash so relative paths append.</summary>
    /// <returns>The base address.</returns>
    public Uri GetBaseAddress()
    {
        var address = BaseAddress ?? GetDefaultBaseAddress();
        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }

    /// <summary>Gets the header that carries <see cref="ApiKey"/> for <see cref="Plan"/>, or <see langword="null"/> when the provider takes no key.</summary>
    /// <returns>The header name.</returns>
    public virtual string? GetApiKeyHeaderName() => null;
}
