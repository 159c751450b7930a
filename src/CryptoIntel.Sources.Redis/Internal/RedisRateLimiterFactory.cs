using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Redis.Internal;

/// <summary>The budget shared by every process that uses the same Redis and key prefix.</summary>
internal sealed class RedisRateLimiterFactory(IOptions<RedisBudgetOptions> options, TimeProvider time) : SourceRateLimiterFactory, IDisposable
{
    private readonly Lazy<RedisConnection> _connection = new(() => new RedisConnection(options.Value.Configuration, options.Value.ConnectionMultiplexerFactory));

    public override RateLimiter CreatePerMinuteLimiter(string provider, int requestsPerMinute) =>
        new RedisPerMinuteLimiter(_connection.Value, options.Value.KeyPrefix, provider, requestsPerMinute);

    public override RateLimiter CreateMonthlyLimiter(string provider, int monthlyQuota) =>
        new RedisMonthlyQuotaLimiter(_connection.Value, time, options.Value.KeyPrefix, provider, monthlyQuota);

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
