using System.Diagnostics;
using System.Globalization;
using CryptoIntel.Entities;
using CryptoIntel.Pipeline.Internal;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Sources;
using CryptoIntel.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Pipeline;

/// <summary>
/// One collection cycle: every enabled source in parallel, each within its own budget (one source's failure never
/// stops the others) → entities extracted from the news (when <c>AddEntities()</c> is registered) and news grouped
/// into stories → detectors (every registered <see cref="ICycleSignalDetector"/>) → one storage transaction (when a
/// store is registered) → new signals published (when an <see cref="ISignalPublisher"/> is registered). A failing
/// step after collection is logged and reported in the summary; it does not throw.
/// </summary>
public sealed partial class CollectionCycle : IDisposable
{
    private static readonly ActivitySource Activity = new("CryptoIntel.Pipeline");
    private readonly IOptions<CollectionPipelineOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EntityExtractor? _extractor;
    private readonly IReadOnlyList<ICycleSignalDetector> _detectors;
    private readonly ICryptoIntelStore? _store;
    private readonly ISignalPublisher? _publisher;
    private readonly OutcomeEvaluator? _outcomes;
    private readonly StoryDeduplicator _stories;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(string Source, string Period), long> _quota = [];
    private bool _quotaLoaded;

    /// <summary>Initializes a new instance of the <see cref="CollectionCycle"/> class from the container.</summary>
    /// <param name="services">The services: collectors, and optionally the store, the entity extractor, detectors and a publisher.</param>
    /// <param name="options">The pipeline options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public CollectionCycle(IServiceProvider services, IOptions<CollectionPipelineOptions> options, TimeProvider time, ILogger<CollectionCycle>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Enabled = [.. CollectorCatalog.Create(services).Where(c => c.Options.Enabled)];
        _extractor = services.GetService<EntityExtractor>();
        _detectors = [.. services.GetServices<ICycleSignalDetector>()];
        _store = services.GetService<ICryptoIntelStore>();
        _publisher = services.GetService<ISignalPublisher>();
        _stories = new StoryDeduplicator(time);
        if (_store is not null && options.Value.EvaluateOutcomes)
        {
            var rule = services.GetService<IOptions<SignalScoringOptions>>()?.Value.Outcome ?? new SignalOutcomeOptions();
            _outcomes = new OutcomeEvaluator(_store, rule, options.Value.OutcomeLookback);
        }
    }

    /// <summary>Releases the gate that keeps cycles from overlapping.</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>Gets the collectors of the enabled sources.</summary>
    public IReadOnlyList<ISourceCollector> Enabled { get; }

    /// <summary>Gets the time between cycles that the budgets are checked against (the schedule's shortest gap).</summary>
    public TimeSpan Cadence => CronSchedule.Parse(_options.Value.Schedule).ShortestGap(_time.GetUtcNow());

    /// <summary>Checks every enabled source's budget against the schedule and logs the verdict.</summary>
    /// <returns>The plans; those that do not fit are logged as errors.</returns>
    public IReadOnlyList<SourceBudgetPlan> CheckBudgets()
    {
        var cadence = Cadence;
        var plans = Enabled.Select(c => Plan(c, cadence)).ToList();
        foreach (var plan in plans)
        {
            if (plan.Fits)
            {
                LogBudgetFits(_logger, plan.Describe());
            }
            else
            {
                LogBudgetDoesNotFit(_logger, plan.Describe());
            }
        }

        return plans;
    }

    /// <summary>Runs one cycle (cycles never overlap: a second call waits for the first).</summary>
    /// <param name="cancellationToken">Cancels the cycle.</param>
    /// <returns>What every enabled source did, what was stored and which signals are new.</returns>
    public async Task<CycleSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CycleSummary> RunCoreAsync(CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity("CollectionCycle.Run");
        var started = _time.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        var id = "cycle-" + startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff", CultureInfo.InvariantCulture);
        var cadence = Cadence;
        var contexts = Enabled.Select(_ => new CollectionContext(id, startedAt, new StorageBatch())).ToList();
        var summaries = await Task.WhenAll(Enabled.Select((c, i) => CollectAsync(c, contexts[i], cadence, cancellationToken))).ConfigureAwait(false);
        foreach (var s in summaries)
        {
            LogSourceSummary(_logger, s.Source, s.Succeeded, s.Calls, s.FromCache, s.Stale, s.DurationMs, s.Error is null ? string.Empty : ": " + s.Error);
        }

        var cycle = new CollectionContext(id, startedAt, Merge(contexts.Select(c => c.Batch)));
        var errors = new List<string>();
        Step("entities", () => ExtractEntities(cycle.Batch), errors);
        var detected = new List<Signal>();
        foreach (var detector in _detectors)
        {
            try
            {
                detected.AddRange(await detector.DetectAsync(cycle, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Add($"detector {detector.Name}: {e.Message}");
                LogStepFailed(_logger, "detector " + detector.Name, e);
            }
        }

        foreach (var signal in detected.DistinctBy(s => s.Id))
        {
            cycle.Batch.Signals.Add(signal);
        }

        if (_outcomes is not null)
        {
            try
            {
                await _outcomes.EvaluateAsync(cycle.Batch, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Add("outcomes: " + e.Message);
                LogStepFailed(_logger, "outcomes", e);
                cycle.Batch.Outcomes.Clear();
            }
        }

        var counts = Counts(cycle.Batch);
        List<Signal> fresh = [.. cycle.Batch.Signals];
        if (_store is not null)
        {
            try
            {
                await AddOperationsAsync(cycle, summaries, cancellationToken).ConfigureAwait(false);
                cycle.Batch.Cycle = new CycleRecord(id, startedAt, (long)_time.GetElapsedTime(started).TotalMilliseconds, summaries.Count(s => s.Succeeded), summaries.Length)
                {
                    Counts = counts,
                    NewSignals = 0,
                    Error = errors.Count == 0 ? null : string.Join("; ", errors),
                };
                var result = await _store.WriteAsync(cycle.Batch, cancellationToken).ConfigureAwait(false);
                var ids = result.NewSignalIds.ToHashSet(StringComparer.Ordinal);
                fresh = [.. cycle.Batch.Signals.Where(s => ids.Contains(s.Id))];
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Add("storage: " + e.Message);
                LogStepFailed(_logger, "storage", e);
                fresh = [];
            }
        }

        if (_publisher is not null && fresh.Count > 0)
        {
            try
            {
                await _publisher.PublishAsync(fresh, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Add("publish: " + e.Message);
                LogStepFailed(_logger, "publish", e);
            }
        }

        var duration = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        LogCycle(_logger, id, summaries.Count(s => s.Succeeded), summaries.Length, cycle.Batch.Count, fresh.Count, duration);
        return new CycleSummary(id, startedAt, summaries)
        {
            DurationMs = duration,
            Counts = counts,
            NewSignals = fresh,
            Error = errors.Count == 0 ? null : string.Join("; ", errors),
        };
    }

    private void Step(string name, Action action, List<string> errors)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            errors.Add(name + ": " + e.Message);
            LogStepFailed(_logger, name, e);
        }
    }

    private static Dictionary<string, int> Counts(StorageBatch b) => new()
    {
        ["snapshots"] = b.Snapshots.Count,
        ["global"] = b.GlobalMetrics.Count,
        ["fearGreed"] = b.FearGreed.Count,
        ["protocols"] = b.Protocols.Count,
        ["tvl"] = b.Tvl.Count,
        ["dexPools"] = b.DexPools.Count,
        ["news"] = b.News.Count,
        ["mentions"] = b.Mentions.Count,
        ["signals"] = b.Signals.Count,
        ["outcomes"] = b.Outcomes.Count,
    };

    private static StorageBatch Merge(IEnumerable<StorageBatch> batches)
    {
        var all = new StorageBatch();
        foreach (var b in batches)
        {
            foreach (var x in b.Snapshots) { all.Snapshots.Add(x); }
            foreach (var x in b.GlobalMetrics) { all.GlobalMetrics.Add(x); }
            foreach (var x in b.FearGreed) { all.FearGreed.Add(x); }
            foreach (var x in b.Protocols) { all.Protocols.Add(x); }
            foreach (var x in b.Tvl) { all.Tvl.Add(x); }
            foreach (var x in b.DexPools) { all.DexPools.Add(x); }
            foreach (var x in b.News) { all.News.Add(x); }
            foreach (var x in b.Mentions) { all.Mentions.Add(x); }
            foreach (var x in b.Signals) { all.Signals.Add(x); }
            foreach (var x in b.Outcomes) { all.Outcomes.Add(x); }
        }

        // One row per identity: two sources or feeds may carry the same item.
        Dedupe(all.Snapshots, s => (s.Asset, s.Source, s.Timestamp));
        Dedupe(all.News, n => n.Item.Id);
        Dedupe(all.DexPools, p => (p.Network, p.Address, p.Timestamp));
        Dedupe(all.Tvl, t => (t.Kind, t.Subject.ToUpperInvariant(), t.Timestamp));
        Dedupe(all.FearGreed, f => f.Timestamp);
        return all;
    }

    private static void Dedupe<T, TKey>(IList<T> list, Func<T, TKey> key)
    {
        var seen = new HashSet<TKey>();
        for (var i = 0; i < list.Count; i++)
        {
            if (!seen.Add(key(list[i])))
            {
                list.RemoveAt(i--);
            }
        }
    }

    private void ExtractEntities(StorageBatch batch)
    {
        for (var i = 0; i < batch.News.Count; i++)
        {
            var news = batch.News[i];
            var story = _stories.Add(news.Item).Story.Id;
            var assets = new List<AssetId>();
            if (_extractor is not null)
            {
                var text = news.Item.Summary is { Length: > 0 } summary ? news.Item.Title + "\n" + summary : news.Item.Title;
                var result = _extractor.Extract(text);
                foreach (var group in result.Entities.GroupBy(e => e.Entry))
                {
                    var entry = group.Key;
                    var kind = entry.Kind.ToString().ToLowerInvariant();
                    AssetId? asset = entry.IsAsset ? new AssetId(entry.Id) : (AssetId?)null;
                    batch.Mentions.Add(new EntityMention(news.Item.Id, kind + ":" + entry.Id, entry.Name, kind, news.Item.PublishedAt) { Asset = asset, Count = group.Count() });
                }

                assets.AddRange(result.GetMentionedAssetIds().Concat(result.GetImpliedAssetIds()).Distinct(StringComparer.Ordinal).Select(a => new AssetId(a)));
            }

            batch.News[i] = news with { StoryId = news.StoryId ?? story, Assets = news.Assets.Count > 0 ? news.Assets : assets };
        }
    }

    private async Task AddOperationsAsync(CollectionContext cycle, SourceSummary[] summaries, CancellationToken cancellationToken)
    {
        var period = cycle.StartedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!_quotaLoaded && _store is not null)
        {
            foreach (var q in await _store.GetQuotaUsageAsync(cancellationToken).ConfigureAwait(false))
            {
                _quota[(q.Source, q.Period)] = q.Used;
            }

            _quotaLoaded = true;
        }

        foreach (var (s, collector) in summaries.Zip(Enabled))
        {
            cycle.Batch.SourceStatuses.Add(new SourceStatus(s.Source, cycle.StartedAt, s.Succeeded)
            {
                CycleId = cycle.CycleId,
                Calls = s.Calls,
                FromCache = s.FromCache,
                Stale = s.Stale,
                DurationMs = s.DurationMs,
                Items = s.Items.Values.Sum(),
                Error = s.Error,
                ErrorKind = s.ErrorKind,
            });
            var used = _quota.GetValueOrDefault((s.Source, period)) + Math.Max(0, s.Calls - s.FromCache - s.Stale);
            _quota[(s.Source, period)] = used;
            cycle.Batch.QuotaUsage.Add(new QuotaUsage(s.Source, period, cycle.StartedAt, used, collector.Options.MonthlyQuota > 0 ? collector.Options.MonthlyQuota : null));
        }
    }

    private static SourceBudgetPlan Plan(ISourceCollector collector, TimeSpan cadence) =>
        SourceBudgetPlan.For(collector.Provider, collector.Options, collector.CreditsPerCycle, collector.CallsPerCycle, cadence);

    private async Task<SourceSummary> CollectAsync(ISourceCollector collector, CollectionContext context, TimeSpan cadence, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var freshness = SourceFreshness.Track();
        IReadOnlyDictionary<string, int> items = new Dictionary<string, int>();
        string? error = null;
        string? kind = null;
        try
        {
            items = await collector.CollectAsync(context, cancellationToken).ConfigureAwait(false);
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
        }

        if (error is not null)
        {
            // A failed source stores nothing of this cycle (no half of its calls).
            context.Batch.Snapshots.Clear();
            context.Batch.GlobalMetrics.Clear();
            context.Batch.Protocols.Clear();
            context.Batch.Tvl.Clear();
            context.Batch.DexPools.Clear();
            context.Batch.News.Clear();
            context.Batch.FearGreed.Clear();
        }

        var calls = freshness.Calls;
        return new SourceSummary(
            collector.Provider,
            error is null,
            items,
            calls.Count,
            calls.Count(c => c.FromCache && !c.IsStale),
            calls.Count(c => c.IsStale),
            (long)_time.GetElapsedTime(started).TotalMilliseconds,
            error,
            kind,
            Plan(collector, cadence).Describe());
    }

    [LoggerMessage(5001, LogLevel.Information, "Budget: {Verdict}", EventName = "BudgetFits")]
    private static partial void LogBudgetFits(ILogger logger, string verdict);

    [LoggerMessage(5002, LogLevel.Error, "Budget: {Verdict}", EventName = "BudgetDoesNotFit")]
    private static partial void LogBudgetDoesNotFit(ILogger logger, string verdict);

    [LoggerMessage(5003, LogLevel.Information, "{Source}: succeeded={Succeeded} calls={Calls} cached={FromCache} stale={Stale} in {DurationMs} ms{Error}", EventName = "SourceSummary")]
    private static partial void LogSourceSummary(ILogger logger, string source, bool succeeded, int calls, int fromCache, int stale, long durationMs, string error);

    [LoggerMessage(5004, LogLevel.Error, "Cycle step {Step} failed", EventName = "StepFailed")]
    private static partial void LogStepFailed(ILogger logger, string step, Exception exception);

    [LoggerMessage(5005, LogLevel.Information, "Cycle {CycleId}: {Succeeded} of {Total} sources succeeded, {Rows} rows, {NewSignals} new signals, {DurationMs} ms", EventName = "CycleDone")]
    private static partial void LogCycle(ILogger logger, string cycleId, int succeeded, int total, int rows, int newSignals, long durationMs);
}
