using System.Threading.RateLimiting;

namespace CryptoIntel.Sources.Redis.Internal;

/// <summary>A lease of the Redis budget: acquired, or refused with <see cref="MetadataName.RetryAfter"/> and a reason.</summary>
internal sealed class RedisBudgetLease : RateLimitLease
{
    public static readonly RedisBudgetLease Acquired = new(true, null, null);

    private RedisBudgetLease(bool acquired, TimeSpan? retryAfter, string? reason)
    {
        IsAcquired = acquired;
        RetryAfter = retryAfter;
        Reason = reason;
    }

    public override bool IsAcquired { get; }

    public TimeSpan? RetryAfter { get; }

    public string? Reason { get; }

    public override IEnumerable<string> MetadataNames =>
        RetryAfter is null ? [] : [MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name];

    public static RedisBudgetLease Refused(TimeSpan retryAfter, string reason) =>
        new(false, retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromMilliseconds(1), reason);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (RetryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }

        if (Reason is not null && metadataName == MetadataName.ReasonPhrase.Name)
        {
            metadata = Reason;
            return true;
        }

        metadata = null;
        return false;
    }
}
