namespace CryptoIntel.Signals.Confidence;

/// <summary>
/// What was known about the market and the detector's record when a signal fired: the features a confidence scorer
/// may use besides the signal's own evidence. Built by <see cref="SignalContextTracker"/> from past observations
/// only (no look-ahead). Unknown values are <see cref="double.NaN"/>.
/// </summary>
public sealed record SignalContext
{
    /// <summary>Gets a context where nothing is known.</summary>
    public static SignalContext Empty { get; } = new();

    /// <summary>Gets the subject's return over the last 4 hours (fraction).</summary>
    public double Return4h { get; init; } = double.NaN;

    /// <summary>Gets where the value sits in its 24-hour range: 0 at the low, 1 at the high.</summary>
    public double RangePosition24h { get; init; } = double.NaN;

    /// <summary>Gets the standard deviation of the subject's step log-returns over the last 7 days.</summary>
    public double Volatility7d { get; init; } = double.NaN;

    /// <summary>Gets the subject's return over the last 24 hours (fraction).</summary>
    public double Return24h { get; init; } = double.NaN;

    /// <summary>Gets the subject's return over the last 7 days (fraction).</summary>
    public double Return7d { get; init; } = double.NaN;

    /// <summary>Gets the standard deviation of the subject's step log-returns over the last 24 hours.</summary>
    public double Volatility24h { get; init; } = double.NaN;

    /// <summary>Gets the 24-hour volatility divided by the 7-day volatility (above 1: the market is agitated).</summary>
    public double VolatilityRatio { get; init; } = double.NaN;

    /// <summary>Gets the volume of the last 24 hours divided by the average daily volume of the last 7 days.</summary>
    public double VolumeRatio { get; init; } = double.NaN;

    /// <summary>Gets Bitcoin's return over the last 24 hours (the market regime).</summary>
    public double BtcReturn24h { get; init; } = double.NaN;

    /// <summary>Gets Bitcoin's return over the last 7 days (the market trend).</summary>
    public double BtcReturn7d { get; init; } = double.NaN;

    /// <summary>Gets Bitcoin's 24-hour volatility divided by its 7-day volatility.</summary>
    public double BtcVolatilityRatio { get; init; } = double.NaN;

    /// <summary>Gets the number of other detectors that fired on the same subject within the confluence window.</summary>
    public int ConfluenceCount { get; init; }

    /// <summary>Gets the smoothed hit rate ((hits + 1) / (n + 2)) of this detector on this subject over its last resolved signals.</summary>
    public double RecentHitRate { get; init; } = 0.5;

    /// <summary>Gets how many resolved signals <see cref="RecentHitRate"/> is computed from.</summary>
    public int RecentOutcomes { get; init; }

    /// <summary>Gets the smoothed hit rate of this detector over every subject's resolved signals.</summary>
    public double DetectorHitRate { get; init; } = 0.5;

    /// <summary>Gets the hours since this detector last fired on this subject (NaN when never).</summary>
    public double HoursSinceLastSignal { get; init; } = double.NaN;

    /// <summary>Gets the recent news sentiment of the subject in -1..1, when known.</summary>
    public double Sentiment { get; init; } = double.NaN;

    /// <summary>
    /// Gets the probability that the subject's price touches the signal's outcome threshold in the signalled direction
    /// within the outcome horizon if it moved as a driftless random walk at its recent volatility (a blend of the 24-hour
    /// and 7-day figures), by the reflection principle; NaN when unknown. The part of a hit that volatility alone explains.
    /// </summary>
    public double MoveProbability { get; init; } = double.NaN;
}
