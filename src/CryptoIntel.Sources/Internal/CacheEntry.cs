using System.ComponentModel;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// A cached response: the normalized model and when it was fetched. Marked immutable so that HybridCache hands out
/// the same instance from its in-process tier instead of deserializing a copy on every hit.
/// </summary>
[ImmutableObject(true)]
internal sealed class CacheEntry<T>(T value, DateTimeOffset fetchedAt)
{
    public T Value { get; } = value;

    public DateTimeOffset FetchedAt { get; } = fetchedAt;
}
