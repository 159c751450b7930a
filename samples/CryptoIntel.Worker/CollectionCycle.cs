using System.Diagnostics;
using CryptoIntel.Sources;
using CryptoIntel.Worker.Collectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Worker;

/// <summary>
/// One collection cycle: every enabled source in parallel, each within its own budget. One source's failure never
/// stops the others; each reports what it did.
/// </summary>
public sealed partial class CollectionCycle(
    IEnumerable<ISourceCollector> collectors,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<CollectionCycle> logger)
{
    /// <summary>Gets the collectors of the enabled sources.</summary>
    public IReadOnlyList<ISourceCollector> Enabled { get; } = [.. collectors.Where(c => c.Options.Enabled)];

    /// <summary>Checks every enabled source's budget against the cadence and logs the verdict.</summary>
    /// <returns>The plans; those that do not fit are logged as errors.</returns>
    public IReadOnlyList<SourceBudgetPlan> CheckBudgets()
    {
        var plans = Enabled.Select(Plan).ToList();
        foreach (var plan in plans)
        {
            if (plan.Fits)
            {
                LogBudgetFits(logger, plan.Describe());
            }
            else
            {
                LogBudgetDoesNotFit(logger, plan.Describe());
            }
        }

        return plans;
    }

    /// <summary>Runs one cycle.</summary>
    /// <param name="cancellationToken">Cancels the cycle.</param>
    /// <returns>What every enabled source did.</returns>
    public async Task<CycleSummary> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var summaries = await Task.WhenAll(Enabled.Select(c => CollectAsync(c, cancellationToken))).ConfigureAwait(false);
        foreach (var summary in summaries)
        {
            LogSourceSummary(logger, summary.Source, summary.Succeeded, summary.Calls, summary.FromCache, summary.Stale, summary.DurationMs, summary.Error is null ? string.Empty : ": " + summary.Error);
        }

        return new CycleSummary(startedAt, summaries);
    }

    private SourceBudgetPlan Plan(ISourceCollector collector) =>
        SourceBudgetPlan.For(collector.Provider, collector.Options, collector.CreditsPerCycle, collector.CallsPerCycle, options.Value.Interval);

    private async Task<SourceSummary> CollectAsync(ISourceCollector collector, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var freshness = SourceFreshness.Track();
        IReadOnlyDictionary<string, int> items = new Dictionary<string, int>();
        string? error = null;
        string? kind = null;
        try
        {
            items = await collector.CollectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SourceRequestException e)
        {
            error = e.Message;
            kind = e.Kind.ToString();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug in one collector must not stop the others; it is reported like any failure.
            error = e.GetType().Name + ": " + e.Message;
            kind = "Unexpected";
            Debug.Fail(e.ToString());
        }

        var calls = freshness.Calls;
        return new SourceSummary(
            collector.Provider,
            error is null,
            items,
            calls.Count,
            calls.Count(c => c.FromCache && !c.IsStale),
            calls.Count(c => c.IsStale),
            (long)time.GetElapsedTime(started).TotalMilliseconds,
            error,
            kind,
            Plan(collector).Describe());
    }

    [LoggerMessage(5001, LogLevel.Information, "Budget: {Verdict}", EventName = "BudgetFits")]
    private static partial void LogBudgetFits(ILogger logger, string verdict);

    [LoggerMessage(5002, LogLevel.Error, "Budget: {Verdict}", EventName = "BudgetDoesNotFit")]
    private static partial void LogBudgetDoesNotFit(ILogger logger, string verdict);

    [LoggerMessage(5003, LogLevel.Information, "{Source}: succeeded={Succeeded} calls={Calls} cached={FromCache} stale={Stale} in {DurationMs} ms{Error}", EventName = "SourceSummary")]
    private static partial void LogSourceSummary(ILogger logger, string source, bool succeeded, int calls, int fromCache, int stale, long durationMs, string error);
}
