using System.Threading.RateLimiting;

namespace CryptoIntel.Sources;

/// <summary>
/// Creates the limiters that hold each provider's budget: a per-minute rate and a monthly quota. The default keeps
/// them in process; replace it (for example with <c>UseRedisBudget</c> from <c>CryptoIntel.Sources.Redis</c>) so
/// that several processes sharing one API key share one budget.
/// </summary>
public abstract class SourceRateLimiterFactory
{
    /// <summary>Creates a limiter that lets at most <paramref name="requestsPerMinute"/> requests start in any sliding minute.</summary>
    /// <param name="provider">The provider, e.g. <c>coingecko</c>.</param>
    /// <param name="requestsPerMinute">The limit; greater than zero.</param>
    /// <returns>The limiter. Refused leases should carry <see cref="MetadataName.RetryAfter"/>.</returns>
    public abstract RateLimiter CreatePerMinuteLimiter(string provider, int requestsPerMinute);

    /// <summary>Creates a limiter that lets at most <paramref name="monthlyQuota"/> credits be spent per calendar month (UTC).</summary>
    /// <param name="provider">The provider, e.g. <c>coingecko</c>.</param>
    /// <param name="monthlyQuota">The quota; greater than zero.</param>
    /// <returns>The limiter. Refused leases should carry <see cref="MetadataName.RetryAfter"/> (time to the reset).</returns>
    public abstract RateLimiter CreateMonthlyLimiter(string provider, int monthlyQuota);
}
