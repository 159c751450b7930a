using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals.Confidence;

/// <summary>
/// When a signal counts as borne out (a hit), and the windows of the context features. Shared by the backtest labels
/// and the live outcome tracking of <see cref="SignalContextTracker"/>, so that both use one rule.
/// </summary>
/// <remarks>
/// A market signal is a hit when the asset's price moves by at least <see cref="MoveThreshold"/> in the signalled
/// direction at some observation within <see cref="Horizon"/> after detection; a neutral signal (e.g. a volume spike
/// without a price direction) is a hit when the price moves by at least the threshold either way. TVL signals use
/// the subject's own TVL series with <see cref="TvlHorizon"/> and <see cref="TvlMoveThreshold"/>.
/// </remarks>
public sealed class SignalOutcomeOptions
{
    /// <summary>Gets or sets how long after detection a market signal has to be borne out.</summary>
    /// <value>Defaults to 24 hours.</value>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets the move (fraction of the price at detection) that makes a market signal a hit.</summary>
    /// <value>Defaults to 0.03 (3 %).</value>
    [Range(0.0001, 10.0)]
    public double MoveThreshold { get; set; } = 0.03;

    /// <summary>Gets or sets how long after detection a TVL signal has to be borne out.</summary>
    /// <value>Defaults to 3 days.</value>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan TvlHorizon { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Gets or sets the TVL move (fraction) that makes a TVL signal a hit.</summary>
    /// <value>Defaults to 0.03 (3 %).</value>
    [Range(0.0001, 10.0)]
    public double TvlMoveThreshold { get; set; } = 0.03;

    /// <summary>Gets or sets how many of a detector's last resolved signals on a subject make its recent hit rate.</summary>
    /// <value>Defaults to 20.</value>
    [Range(1, 10_000)]
    public int RecentOutcomes { get; set; } = 20;

    /// <summary>Gets or sets the window in which other detectors' signals on the same subject count as confluence.</summary>
    /// <value>Defaults to 6 hours.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ConfluenceWindow { get; set; } = TimeSpan.FromHours(6);

    internal static bool IsTvl(string subject) => TvlObservation.TryParseSubject(subject, out _, out _);

    internal (TimeSpan Horizon, double Threshold) RuleFor(string subject) =>
        IsTvl(subject) ? (TvlHorizon, TvlMoveThreshold) : (Horizon, MoveThreshold);
}
