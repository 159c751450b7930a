using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>
/// What every detector's options share: cool-down, gap handling and the bounds of its per-subject memory. All
/// durations are in data time (the inputs' timestamps), so a detector behaves the same live and in a backtest.
/// </summary>
public abstract class SignalDetectorOptions
{
    /// <summary>Gets or sets the least data time between two signals of one subject (after the hysteresis re-armed).</summary>
    /// <value>Defaults depend on the detector (see each options class).</value>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Gets or sets the longest silence of a subject after which its statistics restart (warm-up again), because a
    /// baseline from before a long gap no longer describes the market.
    /// </summary>
    /// <value>Defaults depend on the detector (see each options class).</value>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MaxGap { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Gets or sets the data time without input after which a subject's state is forgotten (assets that vanish).</summary>
    /// <value>Defaults to 7 days.</value>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan EvictAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets the most subjects (assets, protocols, pools...) tracked at once; beyond it the least recently
    /// seen are forgotten, and when none can be, inputs of new subjects are skipped (counted as <c>capacity</c>).
    /// </summary>
    /// <value>Defaults to 10,000.</value>
    [Range(1, 10_000_000)]
    public int MaxSubjects { get; set; } = 10_000;
}
