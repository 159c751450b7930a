using System.Text.Json.Serialization;

namespace CryptoIntel.Pipeline;

/// <summary>What one source did in one cycle; logged and stored every cycle.</summary>
/// <param name="Source">The provider.</param>
/// <param name="Succeeded">Whether its calls succeeded (possibly from stale cache).</param>
/// <param name="Items">How many items came back, per kind.</param>
/// <param name="Calls">How many calls were made, cache hits included.</param>
/// <param name="FromCache">How many calls were answered from the cache.</param>
/// <param name="Stale">How many calls were answered with the last good value because the provider failed.</param>
/// <param name="DurationMs">How long the source took.</param>
/// <param name="Error">The failure, when it failed.</param>
/// <param name="ErrorKind">The kind of failure (<see cref="SourceFailureKind"/>), when it failed.</param>
/// <param name="Budget">How the cadence fits the provider's monthly quota.</param>
public sealed record SourceSummary(
    string Source,
    bool Succeeded,
    IReadOnlyDictionary<string, int> Items,
    int Calls,
    int FromCache,
    int Stale,
    long DurationMs,
    string? Error,
    string? ErrorKind,
    string Budget);

/// <summary>One whole cycle.</summary>
/// <param name="Id">The cycle's id (from its start time).</param>
/// <param name="StartedAt">When the cycle started (UTC).</param>
/// <param name="Sources">One summary per enabled source.</param>
public sealed record CycleSummary(string Id, DateTimeOffset StartedAt, IReadOnlyList<SourceSummary> Sources)
{
    /// <summary>Gets a value indicating whether any source succeeded.</summary>
    [JsonIgnore]
    public bool AnySucceeded => Sources.Any(s => s.Succeeded);

    /// <summary>Gets how long the whole cycle took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Gets how many rows of each kind the cycle collected (e.g. <c>snapshots</c>).</summary>
    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the signals the cycle found that were not stored before (those were published).</summary>
    public IReadOnlyList<Signal> NewSignals { get; init; } = [];

    /// <summary>Gets the failure of a step other than a source (entities, detectors, storage, publishing), if any.</summary>
    public string? Error { get; init; }
}
