using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace CryptoIntel.Sources.Redis.Internal;

/// <summary>
/// The per-minute rate shared through Redis: a <see cref="RedisSlidingWindowRateLimiter{TKey}"/> (RedisRateLimiting)
/// whose refusals get <see cref="MetadataName.RetryAfter"/> (when the oldest request in the window leaves it) and
/// whose Redis failures become a clear <see cref="SourceRequestException"/> (fail closed).
/// </summary>
/// <remarks>
/// RedisRateLimiting stamps requests with the machine clock (<see cref="TimeProvider.System"/>), not an injected one,
/// so the wait is computed on that same clock. Its synchronous <c>AttemptAcquire</c> always refuses, so the
/// synchronous path here waits for the asynchronous one (one Redis round trip).
/// </remarks>
internal sealed class RedisPerMinuteLimiter : RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly RedisSlidingWindowRateLimiter<string> _inner;
    private readonly RedisConnection _connection;
    private readonly RedisKey _windowKey;
    private readonly string _provider;
    private readonly int _limit;

    public RedisPerMinuteLimiter(RedisConnection connection, string keyPrefix, string provider, int requestsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerMinute);
        _connection = connection;
        _provider = provider;
        _limit = requestsPerMinute;
        var partition = $"{keyPrefix}:{provider}:minute";
        _windowKey = $"rl:sw:{{{partition}}}"; // RedisRateLimiting's key for this partition
        _inner = new RedisSlidingWindowRateLimiter<string>(partition, new RedisSlidingWindowRateLimiterOptions
        {
            PermitLimit = requestsPerMinute,
            Window = Window,
            ConnectionMultiplexerFactory = () => connection.Multiplexer,
        });
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        try
        {
            return _inner.GetStatistics();
        }
        catch (RedisException)
        {
            return null; // statistics are informative (health, metrics): an unreachable Redis is reported by the calls
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        AcquireAsyncCore(permitCount, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
        try
        {
            if (permitCount == 0)
            {
                var count = await _connection.Database.SortedSetLengthAsync(_windowKey, (NowMilliseconds() - Window.TotalMilliseconds) / 1000, double.PositiveInfinity).ConfigureAwait(false);
                return count < _limit ? RedisBudgetLease.Acquired : await RefuseAsync().ConfigureAwait(false);
            }

            using var lease = await _inner.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
            return lease.IsAcquired ? RedisBudgetLease.Acquired : await RefuseAsync().ConfigureAwait(false);
        }
        catch (RedisException error)
        {
            throw RedisBudgetFailure.Unavailable(_provider, error);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static double NowMilliseconds() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    // RedisRateLimiting 1.2.1 scores requests in Unix seconds (with a fraction); later versions in milliseconds.
    private static double ScoreToMilliseconds(double score) => score < 1e11 ? score * 1000 : score;

    // A permit frees up when the oldest request still in the window leaves it.
    private async Task<RedisBudgetLease> RefuseAsync()
    {
        var oldest = await _connection.Database.SortedSetRangeByRankWithScoresAsync(_windowKey, 0, 0).ConfigureAwait(false);
        var wait = oldest.Length == 1
            ? TimeSpan.FromMilliseconds(ScoreToMilliseconds(oldest[0].Score) + Window.TotalMilliseconds - NowMilliseconds())
            : TimeSpan.FromSeconds(1);
        return RedisBudgetLease.Refused(wait, "per-minute rate (shared)");
    }
}
