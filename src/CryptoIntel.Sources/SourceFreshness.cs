namespace CryptoIntel.Sources;

/// <summary>How fresh the data of one call was.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Operation">The operation.</param>
/// <param name="FetchedAt">When the data was received from the provider.</param>
/// <param name="Age">How old the data was when it was returned.</param>
/// <param name="FromCache">Whether it came from the cache rather than the network.</param>
/// <param name="IsStale">Whether the provider failed and this is the last good value (stale-on-error).</param>
public sealed record SourceDataAge(string Provider, string Operation, DateTimeOffset FetchedAt, TimeSpan Age, bool FromCache, bool IsStale);

/// <summary>
/// Lets a caller see how fresh the data of the calls it makes is, including whether a value is the last good one
/// served because the provider failed. Client methods return plain models; wrap calls in a scope to observe them:
/// <code>
/// using var freshness = SourceFreshness.Track();
/// var markets = await coinGecko.GetMarketsAsync(query);
/// if (freshness.AnyStale) { ... freshness.Calls[0].Age ... }
/// </code>
/// </summary>
public static class SourceFreshness
{
    private static readonly AsyncLocal<SourceFreshnessScope?> Current = new();

    /// <summary>Starts observing the calls made in this async flow until the scope is disposed.</summary>
    /// <returns>The scope; nested scopes each see the calls made while they are open.</returns>
    public static SourceFreshnessScope Track()
    {
        var scope = new SourceFreshnessScope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    internal static void Report(SourceDataAge age)
    {
        for (var scope = Current.Value; scope is not null; scope = scope.Parent)
        {
            scope.Add(age);
        }
    }

    internal static void Exit(SourceFreshnessScope scope)
    {
        if (ReferenceEquals(Current.Value, scope))
        {
            Current.Value = scope.Parent;
        }
    }
}

/// <summary>The calls observed by <see cref="SourceFreshness.Track"/>.</summary>
public sealed class SourceFreshnessScope : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<SourceDataAge> _calls = [];

    internal SourceFreshnessScope(SourceFreshnessScope? parent) => Parent = parent;

    /// <summary>Gets the calls made so far, in completion order.</summary>
    public IReadOnlyList<SourceDataAge> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Gets a value indicating whether any call returned stale data.</summary>
    public bool AnyStale => Calls.Any(c => c.IsStale);

    internal SourceFreshnessScope? Parent { get; }

    /// <inheritdoc />
    public void Dispose() => SourceFreshness.Exit(this);

    internal void Add(SourceDataAge age)
    {
        lock (_lock)
        {
            _calls.Add(age);
        }
    }
}
