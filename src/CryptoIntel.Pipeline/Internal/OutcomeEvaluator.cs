using System.Globalization;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Storage;
using StoredOutcome = CryptoIntel.Storage.SignalOutcome;

namespace CryptoIntel.Pipeline.Internal;

/// <summary>
/// The live half of the track record: each cycle, the stored signals whose horizon has passed (within a look-back
/// window) are judged by <see cref="SignalOutcomeRule"/> against the stored price (or TVL) history, and their outcomes
/// join the cycle's batch, stored in the same transaction. Signals without a series (market-wide, pools) or whose series
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
                foreach (var signal in signals)
                {
                    if (seen.Add(signal.Id) && SignalOutcomeRule.HorizonOf(signal, _rule) == horizon
                        && await EvaluateAsync(signal, horizon, cancellationToken).ConfigureAwait(false) is { } outcome)
                    {
                        batch.Outcomes.Add(new StoredOutcome(signal.Id, label, now, outcome.ForwardReturn * 100, outcome.Hit));
                        added++;
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

    private async Task<Signals.Backtesting.SignalOutcome?> EvaluateAsync(Signal signal, TimeSpan horizon, CancellationToken cancellationToken)
    {
        // From a little before the signal (its entry value) to a little past the horizon (proof that it is covered).
        var from = signal.DetectedAt - TimeSpan.FromHours(6);
        var to = signal.DetectedAt + horizon + TimeSpan.FromHours(6);
        DateTimeOffset[] times;
        double[] values;
        if (signal.Asset is { IsEmpty: false } asset)
        {
            var bars = await _store.GetPriceHistoryAsync(asset, from, to, HistoryInterval.Raw, cancellationToken: cancellationToken).ConfigureAwait(false);
            times = [.. bars.Select(b => b.Timestamp)];
            values = [.. bars.Select(b => (double)b.Close)];
        }
        else if (TvlSubject(signal.Subject) is { } tvl)
        {
            var points = await _store.GetTvlHistoryAsync(tvl.Kind, tvl.Name, from, to, cancellationToken).ConfigureAwait(false);
            times = [.. points.Select(p => p.Timestamp)];
            values = [.. points.Select(p => (double)p.TvlUsd)];
        }
        else
        {
            return null;
        }

        return SignalOutcomeRule.Evaluate(signal, times, values, _rule);
    }

    private static (TvlSeriesKind Kind, string Name)? TvlSubject(string subject) =>
        subject.StartsWith("protocol:", StringComparison.Ordinal) && subject.Length > 9 ? (TvlSeriesKind.Protocol, subject[9..])
        : subject.StartsWith("chain:", StringComparison.Ordinal) && subject.Length > 6 ? (TvlSeriesKind.Chain, subject[6..])
        : null;
}
