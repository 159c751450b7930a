using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// A monthly credit quota that resets at the start of each calendar month (UTC) on an injected
/// <see cref="TimeProvider"/>. Refusals carry the time until the reset. Optionally saves the month's spend to a
/// file so that a restart does not forget it.
/// </summary>
internal sealed class CalendarMonthQuotaLimiter : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly int _quota;
    private readonly TimeProvider _time;
    private readonly string? _statePath;
    private (int Year, int Month) _period;
    private int _used;
    private long _successful;
    private long _failed;

    public CalendarMonthQuotaLimiter(int quota, TimeProvider time, string? statePath = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quota);
        _quota = quota;
        _time = time;
        _statePath = statePath;
        var now = time.GetUtcNow();
        _period = (now.Year, now.Month);
        Load();
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            Roll(_time.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _quota - _used,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _quota);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            Roll(now);
            if (_used + Math.Max(permitCount, 1) <= _quota)
            {
                if (permitCount > 0)
                {
                    _used += permitCount;
                    _successful++;
                    Save();
                }

                return BudgetLease.Acquired;
            }

            _failed++;
            var nextMonth = new DateTimeOffset(_period.Year, _period.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            return BudgetLease.Refused(nextMonth - now, "monthly quota");
        }
    }

    // Waiting weeks for a monthly reset is never what a caller wants: the refusal is immediate.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Roll(DateTimeOffset now)
    {
        if ((now.Year, now.Month) != _period)
        {
            _period = (now.Year, now.Month);
            _used = 0;
            Save();
        }
    }

    private void Load()
    {
        if (_statePath is null || !File.Exists(_statePath))
        {
            return;
        }

        // Format: "yyyy-MM used", one line. A file from another month, or one that cannot be read, counts as zero.
        var parts = File.ReadAllText(_statePath, Encoding.UTF8).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && string.Equals(parts[0], Key(), StringComparison.Ordinal)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var used))
        {
            _used = Math.Min(used, _quota);
        }
    }

    private void Save()
    {
        if (_statePath is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_statePath)!);
        var temp = _statePath + ".tmp";
        File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{Key()} {_used}"), Encoding.UTF8);
        File.Move(temp, _statePath, overwrite: true);
    }

    private string Key() => string.Create(CultureInfo.InvariantCulture, $"{_period.Year:0000}-{_period.Month:00}");
}
