using System.Globalization;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace CryptoIntel.Sources.Redis.Internal;

/// <summary>
/// The monthly quota shared through Redis: one counter per calendar month (UTC) on the injected
/// <see cref="TimeProvider"/>, key <c>{prefix}:{provider}:quota:{yyyy-MM}</c>. A Lua script checks and spends in one
/// atomic step, so a request that would exceed the quota is refused and not counted, whichever process asks.
/// </summary>
internal sealed class RedisMonthlyQuotaLimiter : RateLimiter
{
    // KEYS[1] counter; ARGV[1] quota, ARGV[2] credits, ARGV[3] expiry in ms. Returns { acquired (1/0), used }.
    private const string Script = """
        local quota = tonumber(ARGV[1])
        local credits = tonumber(ARGV[2])
        local used = tonumber(redis.call('GET', KEYS[1]) or '0')
        if used + math.max(credits, 1) > quota then
          return { 0, used }
        end
        if credits > 0 then
          used = redis.call('INCRBY', KEYS[1], credits)
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
        end
        return { 1, used }
        """;

    // The counter outlives its month a little, so that a clock slightly behind still sees it.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    private readonly RedisConnection _connection;
    private readonly TimeProvider _time;
    private readonly string _prefix;
    private readonly string _provider;
    private readonly int _quota;
    private long _successful;
    private long _failed;

    public RedisMonthlyQuotaLimiter(RedisConnection connection, TimeProvider time, string keyPrefix, string provider, int monthlyQuota)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(monthlyQuota);
        _connection = connection;
        _time = time;
        _prefix = keyPrefix;
        _provider = provider;
        _quota = monthlyQuota;
    }

    public override TimeSpan? IdleDuration => null;

    public static string Key(string prefix, string provider, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}:{provider}:quota:{now.UtcDateTime:yyyy-MM}");

    public override RateLimiterStatistics? GetStatistics()
    {
        long used;
        try
        {
            used = (long?)_connection.Database.StringGet(Key(_prefix, _provider, _time.GetUtcNow())) ?? 0;
        }
        catch (RedisException)
        {
            return null; // informative only; the calls report an unreachable Redis
        }

        return new RateLimiterStatistics
        {
            CurrentAvailablePermits = Math.Max(_quota - used, 0),
            CurrentQueuedCount = 0,
            TotalSuccessfulLeases = Interlocked.Read(ref _successful),
            TotalFailedLeases = Interlocked.Read(ref _failed),
        };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var (key, args, now) = Prepare(permitCount);
        try
        {
            return Complete(_connection.Database.ScriptEvaluate(Script, [key], args), now);
        }
        catch (RedisException error)
        {
            throw RedisBudgetFailure.Unavailable(_provider, error);
        }
    }

    // Waiting weeks for a monthly reset is never what a caller wants: the refusal is immediate.
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var (key, args, now) = Prepare(permitCount);
        try
        {
            return Complete(await _connection.Database.ScriptEvaluateAsync(Script, [key], args).ConfigureAwait(false), now);
        }
        catch (RedisException error)
        {
            throw RedisBudgetFailure.Unavailable(_provider, error);
        }
    }

    private static DateTimeOffset NextMonth(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);

    private (RedisKey Key, RedisValue[] Args, DateTimeOffset Now) Prepare(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _quota);
        var now = _time.GetUtcNow();
        var expiry = (long)(NextMonth(now) - now + Retention).TotalMilliseconds;
        return (Key(_prefix, _provider, now), [_quota, permitCount, expiry], now);
    }

    private RedisBudgetLease Complete(RedisResult result, DateTimeOffset now)
    {
        var values = (RedisResult[])result!;
        if ((long)values[0] == 1)
        {
            Interlocked.Increment(ref _successful);
            return RedisBudgetLease.Acquired;
        }

        Interlocked.Increment(ref _failed);
        return RedisBudgetLease.Refused(NextMonth(now) - now, "monthly quota (shared)");
    }
}
