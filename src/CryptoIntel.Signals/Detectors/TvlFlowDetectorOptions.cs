using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="TvlFlowDetector"/>; bound from <c>CryptoIntel:Signals:TvlFlow</c> by the host.</summary>
public sealed class TvlFlowDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 2 days, max gap 10 days).</summary>
    public TvlFlowDetectorOptions()
    {
        CoolDown = TimeSpan.FromDays(2);
        MaxGap = TimeSpan.FromDays(10);
        EvictAfter = TimeSpan.FromDays(30);
    }

    /// <summary>Gets or sets the lookback of the change: TVL now against the latest TVL at or before now − lookback.</summary>
    /// <value>Defaults to 1 day.</value>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets how many past TVL values are kept per subject (must cover the lookback at the feed's cadence).</summary>
    /// <value>Defaults to 64.</value>
    [Range(2, 100_000)]
    public int History { get; set; } = 64;

    /// <summary>Gets or sets how many past changes form the baseline (median and MAD of the log change).</summary>
    /// <value>Defaults to 90.</value>
    [Range(8, 4096)]
    public int Window { get; set; } = 90;

    /// <summary>Gets or sets how many changes a subject needs before it can fire.</summary>
    /// <value>Defaults to 30.</value>
    [Range(4, 4096)]
    public int WarmUp { get; set; } = 30;

    /// <summary>Gets or sets the robust z-score of the log change at which a flow fires.</summary>
    /// <value>Defaults to 4.</value>
    [Range(0.5, 100.0)]
    public double Threshold { get; set; } = 4.0;

    /// <summary>Gets or sets the robust z-score below which a fired flow is over (hysteresis).</summary>
    /// <value>Defaults to 2.</value>
    [Range(0.0, 100.0)]
    public double ExitThreshold { get; set; } = 2.0;

    /// <summary>Gets or sets the least absolute fractional change for a signal.</summary>
    /// <value>Defaults to 0.05 (5 %).</value>
    [Range(0.0, 100.0)]
    public double MinChange { get; set; } = 0.05;
}
