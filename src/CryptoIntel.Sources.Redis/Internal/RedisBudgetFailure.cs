using StackExchange.Redis;

namespace CryptoIntel.Sources.Redis.Internal;

/// <summary>
/// The budget fails closed: when Redis cannot be asked, nothing is sent to the provider and the call fails with a
/// <see cref="SourceRequestException"/> that says so (the sources serve their last good value when they have one).
/// </summary>
internal static class RedisBudgetFailure
{
    /// <summary>The operation named in the exception: the budget check happens before any provider operation is sent.</summary>
    public const string Operation = "budget";

    public static SourceRequestException Unavailable(string provider, RedisException error) =>
        new(provider, Operation, SourceFailureKind.Unreachable,
            $"the shared budget in Redis could not be checked ({error.GetType().Name}), so nothing was sent: the Redis budget fails closed to protect the provider's quota",
            innerException: error);
}
