using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="NewsVelocityDetector"/>; bound from <c>CryptoIntel:Signals:NewsVelocity</c> by the host.</summary>
public sealed class NewsVelocityDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 6 h, max gap 3 days, evict after 14 days).</summary>
    public NewsVelocityDetectorOptions()
    {
        CoolDown = TimeSpan.FromHours(6);
        MaxGap = TimeSpan.FromDays(3);
        EvictAfter = TimeSpan.FromDays(14);
    }

    /// <summary>Gets or sets the half-life, in observations (intervals), of the EWMA baseline rate.</summary>
    /// <value>Defaults to 48.</value>
    [Range(2.0, 100_000.0)]
    public double BaselineHalfLife { get; set; } = 48;

    /// <summary>Gets or sets how many intervals an entity needs before it can fire.</summary>
    /// <value>Defaults to 24.</value>
    [Range(1, 100_000)]
    public int WarmUp { get; set; } = 24;

    /// <summary>Gets or sets the Poisson z-score, <c>(x − λ) / √λ</c>, at which a surge fires.</summary>
    /// <value>Defaults to 4.</value>
    [Range(0.5, 1000.0)]
    public double Threshold { get; set; } = 4.0;

    /// <summary>Gets or sets the z-score below which a surge is over (hysteresis).</summary>
    /// <value>Defaults to 2.</value>
    [Range(0.0, 1000.0)]
    public double ExitThreshold { get; set; } = 2.0;

    /// <summary>Gets or sets the least mentions in the interval for a surge.</summary>
    /// <value>Defaults to 5.</value>
    [Range(1, 1_000_000)]
    public int MinCount { get; set; } = 5;

    /// <summary>Gets or sets the least ratio of mentions to the baseline rate.</summary>
    /// <value>Defaults to 3.</value>
    [Range(1.0, 1000.0)]
    public double MinRatio { get; set; } = 3.0;

    /// <summary>Gets or sets the floor of the baseline rate per interval (a rarely mentioned entity is not surging at 2 mentions).</summary>
    /// <value>Defaults to 0.5.</value>
    [Range(0.01, 1_000_000.0)]
    public double MinBaseline { get; set; } = 0.5;
}
