using System.Text.Json.Serialization;

namespace CryptoIntel.Worker;

/// <summary>What one source did in one cycle; printed as JSON by <c>--once</c> and logged every cycle.</summary>
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
/// <param name="StartedAt">When the cycle started (UTC).</param>
/// <param name="Sources">One summary per enabled source.</param>
public sealed record CycleSummary(DateTimeOffset StartedAt, IReadOnlyList<SourceSummary> Sources)
{
    /// <summary>Gets a value indicating whether any source succeeded.</summary>
    [JsonIgnore]
    public bool AnySucceeded => Sources.Any(s => s.Succeeded);
}

[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SourceSummary))]
[JsonSerializable(typeof(CycleSummary))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
