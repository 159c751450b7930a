namespace CryptoIntel.Storage;

/// <summary>What one source did in one collection cycle.</summary>
/// <param name="Source">The provider, e.g. <c>coingecko</c>.</param>
/// <param name="Timestamp">When the cycle started (UTC).</param>
/// <param name="Succeeded">Whether its calls succeeded.</param>
/// <remarks>Identity: (<paramref name="Source"/>, <paramref name="Timestamp"/>).</remarks>
public sealed record SourceStatus(string Source, DateTimeOffset Timestamp, bool Succeeded)
{
    /// <summary>Gets the id of the cycle it belongs to.</summary>
    public string? CycleId { get; init; }

    /// <summary>Gets how many calls were made.</summary>
    public int Calls { get; init; }

    /// <summary>Gets how many calls were answered from the cache.</summary>
    public int FromCache { get; init; }

    /// <summary>Gets how many calls were answered with a stale value.</summary>
    public int Stale { get; init; }

    /// <summary>Gets how long the source took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Gets how many items came back.</summary>
    public int Items { get; init; }

    /// <summary>Gets the failure message, when it failed.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the failure kind, when it failed.</summary>
    public string? ErrorKind { get; init; }
}

/// <summary>A source's health: its newest status and its record over the last day.</summary>
/// <param name="Latest">The newest status.</param>
/// <param name="LastSuccessAt">The newest successful cycle's time, if any.</param>
/// <param name="Runs24h">Cycles in the 24 hours before the newest.</param>
/// <param name="Failures24h">Failed cycles among them.</param>
/// <param name="AverageDurationMs24h">Their mean duration.</param>
public sealed record SourceHealth(SourceStatus Latest, DateTimeOffset? LastSuccessAt, int Runs24h, int Failures24h, double AverageDurationMs24h);

/// <summary>How much of a provider's quota is spent in a period.</summary>
/// <param name="Source">The provider.</param>
/// <param name="Period">The period, e.g. <c>2026-11</c> for a monthly quota.</param>
/// <param name="Timestamp">When measured (UTC).</param>
/// <param name="Used">Units spent (calls or credits).</param>
/// <param name="Limit">The quota, when it has one.</param>
/// <remarks>Identity: (<paramref name="Source"/>, <paramref name="Period"/>); the newest write wins.</remarks>
public sealed record QuotaUsage(string Source, string Period, DateTimeOffset Timestamp, long Used, long? Limit);

/// <summary>A named list of assets.</summary>
/// <param name="Id">The id (chosen by the caller, e.g. a GUID; 1 to 100 characters).</param>
/// <param name="Name">The name.</param>
/// <param name="Assets">The assets.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record Watchlist(string Id, string Name, IReadOnlyList<AssetId> Assets, DateTimeOffset CreatedAt)
{
    /// <summary>Gets the owner (e.g. the API key's name), when lists are per user.</summary>
    public string? Owner { get; init; }
}

/// <summary>A rule that says which signals deserve an alert.</summary>
/// <param name="Id">The id (chosen by the caller; 1 to 100 characters).</param>
/// <param name="Name">The name.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record AlertRule(string Id, string Name, DateTimeOffset CreatedAt)
{
    /// <summary>Gets the owner, when rules are per user.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets the signal kind to match; null matches every kind.</summary>
    public SignalKind? Kind { get; init; }

    /// <summary>Gets the asset to match; null matches every asset.</summary>
    public AssetId? Asset { get; init; }

    /// <summary>Gets the watchlist whose assets match; null for none.</summary>
    public string? WatchlistId { get; init; }

    /// <summary>Gets the direction to match; null matches both.</summary>
    public SignalDirection? Direction { get; init; }

    /// <summary>Gets the lowest confidence that matches, 0 to 1.</summary>
    public double MinConfidence { get; init; }

    /// <summary>Gets a value indicating whether the rule is active.</summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>The summary of one collection cycle.</summary>
/// <param name="Id">The cycle's id (deterministic from its start time).</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
/// <param name="SourcesSucceeded">How many sources succeeded.</param>
/// <param name="SourcesTotal">How many sources ran.</param>
public sealed record CycleRecord(string Id, DateTimeOffset StartedAt, long DurationMs, int SourcesSucceeded, int SourcesTotal)
{
    /// <summary>Gets how many rows of each kind the cycle stored (e.g. <c>snapshots</c>: 250).</summary>
    public IReadOnlyDictionary<string, int> Counts { get; init; } = EmptyCounts;

    /// <summary>Gets how many new signals the cycle produced.</summary>
    public int NewSignals { get; init; }

    /// <summary>Gets the cycle's failure, when a step other than a source failed.</summary>
    public string? Error { get; init; }

    private static readonly IReadOnlyDictionary<string, int> EmptyCounts = new Dictionary<string, int>();
}
