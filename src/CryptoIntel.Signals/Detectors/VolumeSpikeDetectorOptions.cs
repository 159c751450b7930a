using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="VolumeSpikeDetector"/>; bound from <c>CryptoIntel:Signals:VolumeSpike</c> by the host.</summary>
public sealed class VolumeSpikeDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 6 h, max gap 2 days).</summary>
    public VolumeSpikeDetectorOptions()
    {
        CoolDown = TimeSpan.FromHours(6);
    }

    /// <summary>Gets or sets how many past observations form the baseline (median and MAD of log volume).</summary>
    /// <value>Defaults to 168 (one week of hourly candles).</value>
    [Range(8, 4096)]
    public int Window { get; set; } = 168;

    /// <summary>Gets or sets how many observations a subject needs before it can fire.</summary>
    /// <value>Defaults to 48.</value>
    [Range(4, 4096)]
    public int WarmUp { get; set; } = 48;

    /// <summary>Gets or sets the robust z-score of log volume at which a spike fires.</summary>
    /// <value>Defaults to 3.5.</value>
    [Range(0.5, 100.0)]
    public double Threshold { get; set; } = 3.5;

    /// <summary>Gets or sets the robust z-score below which a fired spike is over (hysteresis: re-arms the detector).</summary>
    /// <value>Defaults to 2.</value>
    [Range(0.0, 100.0)]
    public double ExitThreshold { get; set; } = 2.0;

    /// <summary>Gets or sets the least ratio of volume to its median for a spike (guards against a tiny MAD).</summary>
    /// <value>Defaults to 3.</value>
    [Range(1.0, 1000.0)]
    public double MinRatio { get; set; } = 3.0;

    /// <summary>Gets or sets the least price change over the candle that gives the spike a direction (else it is neutral).</summary>
    /// <value>Defaults to 0.002 (0.2 %).</value>
    [Range(0.0, 1.0)]
    public double DirectionalMove { get; set; } = 0.002;
}
