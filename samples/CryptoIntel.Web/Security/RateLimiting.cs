using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CryptoIntel.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Web.Security;

/// <summary>
/// The rate limiter in front of every endpoint: a token bucket per API key (a key that is configured) or per
/// client IP address, plus a per-minute window for writes. A refusal is a 429 problem with Retry-After.
/// </summary>
internal static class RateLimiting
{
    public const string WritePolicy = "writes";

    public static IServiceCollection AddWebRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WebOptions>, ApiKeyRegistry>((limiter, web, registry) =>
        {
            var limits = web.Value.RateLimit;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var key = Partition(context, registry);
                return key[0] == 'k'
                    ? RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limits.KeyedPerSecond, limits.KeyedBurst))
                    : RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limits.AnonymousPerSecond, limits.AnonymousBurst));
            });
            limiter.AddPolicy(WritePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                Partition(context, registry),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.WritesPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>The partition: <c>k:name</c> for a configured key, <c>ip:address</c> otherwise (an unknown key buys nothing).</summary>
    internal static string Partition(HttpContext context, ApiKeyRegistry registry)
    {
        if (context.Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) && values.Count == 1
            && registry.TryFind(values[0], out var name, out _))
        {
            return "k:" + name;
        }

        return "ip:" + (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = string.Create(CultureInfo.InvariantCulture, $"The rate limit for this client is used up; retry after {retryAfter} s."),
                Extensions = { ["retryAfter"] = retryAfter },
            },
        }).ConfigureAwait(false);
    }
}
