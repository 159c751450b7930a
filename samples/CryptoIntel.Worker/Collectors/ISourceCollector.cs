using CryptoIntel.Sources;

namespace CryptoIntel.Worker.Collectors;

/// <summary>
/// What one source contributes to a collection cycle: the calls it makes (chosen to fit the provider's free budget
/// at the worker's cadence) and a count of what came back.
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

    /// <summary>Makes this cycle's calls.</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>How many items came back, per kind (e.g. <c>markets</c>: 250).</returns>
    Task<IReadOnlyDictionary<string, int>> CollectAsync(CancellationToken cancellationToken);
}
