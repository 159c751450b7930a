using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Internal;

/// <summary>The default budget: limiters in this process, on the injected <see cref="TimeProvider"/>.</summary>
internal sealed class InProcessRateLimiterFactory(TimeProvider time, IOptions<SourcesOptions> options) : SourceRateLimiterFactory
{
    public override RateLimiter CreatePerMinuteLimiter(string provider, int requestsPerMinute) =>
        new SlidingWindowLogRateLimiter(requestsPerMinute, TimeSpan.FromMinutes(1), time);

    public override RateLimiter CreateMonthlyLimiter(string provider, int monthlyQuota)
    {
        var directory = options.Value.QuotaStateDirectory;
        var path = string.IsNullOrEmpty(directory) ? null : Path.Combine(directory, provider + ".quota");
        return new CalendarMonthQuotaLimiter(monthlyQuota, time, path);
    }
}
