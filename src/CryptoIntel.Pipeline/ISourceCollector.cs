using CryptoIntel.Sources;
using CryptoIntel.Storage;

namespace CryptoIntel.Pipeline;

/// <summary>
/// What one source contributes to a collection cycle: the calls it makes (chosen to fit the provider's free budget at
/// the pipeline's cadence) and the rows it adds to the cycle's batch.
/// </summary>
public interface ISourceCollector
{
    /// <summary>Gets the provider name, e.g. <c>coingecko</c>.</summary>
    string Provider { get; }

    /// <summary>Gets the provider's options (enabled flag, budget).</summary>
    SourceClientOptions Options { get; }

    /// <summary>Gets the requests one cycle sends.</summary>
    int CallsPerCycle { get; }

    /// <summary>Gets the monthly-quota credits one cycle spends.</summary>
    int CreditsPerCycle { get; }

    /// <summary>Makes this cycle's calls and adds what came back to <see cref="CollectionContext.Batch"/>.</summary>
    /// <param name="context">The cycle: its id, start time and this source's batch.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>How many items came back, per kind (e.g. <c>markets</c>: 250).</returns>
    Task<IReadOnlyDictionary<string, int>> CollectAsync(CollectionContext context, CancellationToken cancellationToken);
}

/// <summary>One source's view of a cycle.</summary>
/// <param name="CycleId">The cycle's id.</param>
/// <param name="StartedAt">When the cycle started (UTC): the timestamp of the rows it collects.</param>
/// <param name="Batch">Where the source adds its rows (its own; merged after every source is done).</param>
public sealed record CollectionContext(string CycleId, DateTimeOffset StartedAt, StorageBatch Batch);

/// <summary>
/// A detector step of the cycle, lit up by a signals package: gets the cycle's collected rows, returns signals. Several
/// may be registered; none means no signals (the rest of the cycle runs the same).
/// </summary>
public interface ICycleSignalDetector
{
    /// <summary>Gets the detector's name, for logs.</summary>
    string Name { get; }

    /// <summary>Detects signals in one cycle's data.</summary>
    /// <param name="cycle">The cycle's rows (entities extracted already); read-only by convention.</param>
    /// <param name="cancellationToken">Cancels detection.</param>
    /// <returns>The signals found (deterministic ids, so a signal seen again is stored once and published once).</returns>
    ValueTask<IReadOnlyList<Signal>> DetectAsync(CollectionContext cycle, CancellationToken cancellationToken);
}
