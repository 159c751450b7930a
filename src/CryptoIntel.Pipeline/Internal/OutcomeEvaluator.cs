using System.Globalization;
using CryptoIntel.Signals;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Storage;
using StoredOutcome = CryptoIntel.Storage.SignalOutcome;

namespace CryptoIntel.Pipeline.Internal;

/// <summary>
/// The live half of the track record: each cycle, the stored signals whose horizon has passed (within a look-back
/// window) are judged by <see cref="SignalOutcomeRule"/> against the stored hourly closes (or TVL points), read once per
/// series and page, and their outcomes join the cycle's batch, stored in the same transaction. Signals without a series (market-wide, pools) or whose series
/// does not cover the horizon yet are left for a later cycle; past the look-back window they are no longer tried.
/// </summary>
internal sealed class OutcomeEvaluator
{
    private const int PageSize = 500;
    private const int MaxPages = 4;

    private readonly ICryptoIntelStore _store;
    private readonly SignalOutcomeOptions _rule;
    private readonly TimeSpan _lookback;

    public OutcomeEvaluator(ICryptoIntelStore store, SignalOutcomeOptions rule, TimeSpan lookback)
    {
        _store = store;
        _rule = rule;
        _lookback = lookback;
    }

    /// <summary>The store's label of a horizon, e.g. <c>24h</c>.</summary>
    public static string Label(TimeSpan horizon) => horizon.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) + "h";

    /// <summary>Adds the outcomes that can be decided at <paramref name="now"/> to the batch; returns how many.</summary>
    public async Task<int> EvaluateAsync(StorageBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var horizon in new[] { _rule.Horizon, _rule.TvlHorizon }.Distinct())
        {
            var label = Label(horizon);
            var before = now - horizon;
            var from = before - _lookback;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var page = 0; page < MaxPages; page++)
            {
                var signals = await _store.GetSignalsAwaitingOutcomeAsync(label, before, PageSize, from, cancellationToken).ConfigureAwait(false);

                // One history read per series (asset or TVL subject) of the page, not one per signal.
                var due = signals.Where(s => seen.Add(s.Id) && SignalOutcomeRule.HorizonOf(s, _rule) == horizon);
                foreach (var group in due.GroupBy(SeriesOf).Where(g => g.Key is not null))
                {
                    var (times, values) = await ReadSeriesAsync(group.Key!.Value, group.Min(s => s.DetectedAt), group.Max(s => s.DetectedAt) + horizon, cancellationToken).ConfigureAwait(false);
                    foreach (var signal in group)
                    {
                        if (SignalOutcomeRule.Evaluate(signal, times, values, _rule) is { } outcome)
                        {
                            batch.Outcomes.Add(new StoredOutcome(signal.Id, label, now, outcome.ForwardReturn * 100, outcome.Hit));
                            added++;
                        }
                    }
                }

                if (signals.Count < PageSize || signals[^1].DetectedAt == from)
                {
                    break;
                }

                from = signals[^1].DetectedAt;
            }
        }

        return added;
    }

    /// <summary>The series a signal is judged on: its asset's price, or a protocol's or chain's TVL; null for none.</summary>
    private static (TvlSeriesKind? Tvl, string Name)? SeriesOf(Signal signal) =>
        signal.Asset is { IsEmpty: false } asset ? (null, asset.Value)
        : TvlObservation.TryParseSubject(signal.Subject, out var chain, out var name) ? (chain ? TvlSeriesKind.Chain : TvlSeriesKind.Protocol, name)
        : null;

    private async Task<(DateTimeOffset[] Times, double[] Values)> ReadSeriesAsync((TvlSeriesKind? Tvl, string Name) series, DateTimeOffset first, DateTimeOffset last, CancellationToken cancellationToken)
    {
        // From a little before the earliest signal (its entry value) to a little past the latest horizon (proof that it is
        // covered). Prices as hourly closes: the backtest's resolution, and bounded whatever the collection cadence.
        var from = first - TimeSpan.FromHours(6);
        var to = last + TimeSpan.FromHours(6);
        if (series.Tvl is { } kind)
        {
            var points = await _store.GetTvlHistoryAsync(kind, series.Name, from, to, cancellationToken).ConfigureAwait(false);
            return ([.. points.Select(p => p.Timestamp)], [.. points.Select(p => (double)p.TvlUsd)]);
        }

        var bars = await _store.GetPriceHistoryAsync(new AssetId(series.Name), from, to, HistoryInterval.Hour, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ([.. bars.Select(b => b.Timestamp)], [.. bars.Select(b => (double)b.Close)]);
    }
}
