using CryptoIntel.Signals.Backtesting;
using CryptoIntel.Signals.Internal;

namespace CryptoIntel.Signals.Confidence;

/// <summary>
/// The rule that decides whether a signal was borne out, shared by the backtest, the live context tracker and a host's
/// outcome evaluator: a hit when, at some observation in (t, t + horizon], the price (or TVL) has moved from its value
/// at t by at least the threshold in the signalled direction (a neutral signal: either way). Horizon and threshold come
/// from <see cref="SignalOutcomeOptions"/> (the TVL pair for <c>protocol:</c> and <c>chain:</c> subjects).
/// </summary>
public static class SignalOutcomeRule
{
    /// <summary>Evaluates a signal against the series of its subject.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="times">The observation times, ascending.</param>
    /// <param name="values">The observed prices or TVLs, one per time.</param>
    /// <param name="options">The horizons and thresholds; null for the defaults (24 h / 3 %; TVL 3 days / 3 %).</param>
    /// <returns>
    /// The outcome (hit, lead time, forward return at the horizon signed by the direction), or null when the series does
    /// not cover the signal's time and its whole horizon yet, or has no positive value at the signal's time.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static SignalOutcome? Evaluate(Signal signal, ReadOnlySpan<DateTimeOffset> times, ReadOnlySpan<double> values, SignalOutcomeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (times.Length != values.Length)
        {
            throw new ArgumentException("There must be one value per time.", nameof(values));
        }

        var (horizon, threshold) = (options ?? Defaults).RuleFor(SignalContextTracker.KeyOf(signal));
        return OutcomeRule.Label(times, values, signal.DetectedAt, signal.Direction, horizon, threshold) is { } label
            ? new SignalOutcome(label.Hit, label.LeadTime, label.ForwardReturn)
            : null;
    }

    /// <summary>Gets the horizon that applies to a signal (the TVL horizon for <c>protocol:</c> and <c>chain:</c> subjects).</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <returns>The horizon.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
    public static TimeSpan HorizonOf(Signal signal, SignalOutcomeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return (options ?? Defaults).RuleFor(SignalContextTracker.KeyOf(signal)).Horizon;
    }

    private static SignalOutcomeOptions Defaults { get; } = new();
}
