using System.Threading.RateLimiting;

namespace CryptoIntel.Sources.Internal;

/// <summary>One provider's budget: its per-minute limiter and its monthly limiter (either may be absent).</summary>
internal sealed class SourceBudget(string provider, RateLimiter? perMinute, RateLimiter? monthly) : IDisposable
{
    public string Provider { get; } = provider;

    public RateLimiter? PerMinute { get; } = perMinute;

    public RateLimiter? Monthly { get; } = monthly;

    /// <summary>
    /// Takes one request from the per-minute budget and <paramref name="credits"/> from the monthly one. The per-minute
    /// budget is asked first, so a monthly refusal costs at most one per-minute permit and never a credit.
    /// </summary>
    public BudgetRefusal? TryAcquire(int credits)
    {
        if (PerMinute is not null)
        {
            using var lease = PerMinute.AttemptAcquire(1);
            if (!lease.IsAcquired)
            {
                return new BudgetRefusal(BudgetWindow.Minute, RetryAfterOf(lease, TimeSpan.FromSeconds(1)));
            }
        }

        if (Monthly is not null && credits > 0)
        {
            using var lease = Monthly.AttemptAcquire(credits);
            if (!lease.IsAcquired)
            {
                return new BudgetRefusal(BudgetWindow.Month, RetryAfterOf(lease, TimeSpan.FromDays(1)));
            }
        }

        return null;
    }

    public long? Remaining(BudgetWindow window) =>
        (window == BudgetWindow.Minute ? PerMinute : Monthly)?.GetStatistics()?.CurrentAvailablePermits;

    public void Dispose()
    {
        PerMinute?.Dispose();
        Monthly?.Dispose();
    }

    private static TimeSpan RetryAfterOf(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : fallback;
}

internal enum BudgetWindow
{
    Minute,
    Month,
}

internal readonly record struct BudgetRefusal(BudgetWindow Window, TimeSpan RetryAfter);
