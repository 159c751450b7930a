using System.Threading.RateLimiting;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// At most <c>permitLimit</c> permits in any sliding window, measured on an injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The stock <see cref="SlidingWindowRateLimiter"/> reads the machine's stopwatch even with manual replenishment,
/// so it can neither be driven in virtual time nor give the exact "never more than N in any minute" that keeps a
/// provider from answering 429. This log of start times does both; memory is one timestamp per permit.
/// </remarks>
internal sealed class SlidingWindowLogRateLimiter : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _starts;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private long _successful;
    private long _failed;

    public SlidingWindowLogRateLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _window = window;
        _time = time;
        _starts = new Queue<DateTimeOffset>(permitLimit);
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            Prune(_time.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - _starts.Count,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            if (permitCount == 0)
            {
                return _starts.Count < _permitLimit ? BudgetLease.Acquired : Refuse(now, 1);
            }

            if (_starts.Count + permitCount <= _permitLimit)
            {
                for (var i = 0; i < permitCount; i++)
                {
                    _starts.Enqueue(now);
                }

                _successful++;
                return BudgetLease.Acquired;
            }

            return Refuse(now, permitCount);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lease = AttemptAcquireCore(permitCount);
            if (lease.IsAcquired || !lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            {
                return lease;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private BudgetLease Refuse(DateTimeOffset now, int permitCount)
    {
        _failed++;

        // The permit frees up when the start that must leave the window to make room does so.
        var mustLeave = _starts.Count + permitCount - _permitLimit;
        var freedAt = _starts.ElementAt(mustLeave - 1) + _window;
        var wait = freedAt - now;
        return BudgetLease.Refused(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), "per-minute rate");
    }

    private void Prune(DateTimeOffset now)
    {
        while (_starts.Count > 0 && now - _starts.Peek() >= _window)
        {
            _starts.Dequeue();
        }
    }
}
