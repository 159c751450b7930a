using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="PriceDivergenceDetector"/>; bound from <c>CryptoIntel:Signals:PriceDivergence</c> by the host.</summary>
public sealed class PriceDivergenceDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 1 h, max gap 1 day).</summary>
    public PriceDivergenceDetectorOptions()
    {
        CoolDown = TimeSpan.FromHours(1);
        MaxGap = TimeSpan.FromDays(1);
    }

    /// <summary>Gets or sets how far apart (data time) two sources' prices may be to be compared.</summary>
    /// <value>Defaults to 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the spread between the highest and lowest price, <c>max / min − 1</c>, at which a divergence fires.</summary>
    /// <value>Defaults to 0.01 (1 %).</value>
    [Range(1e-6, 100.0)]
    public double Threshold { get; set; } = 0.01;

    /// <summary>Gets or sets the spread below which a divergence is over (hysteresis).</summary>
    /// <value>Defaults to 0.004 (0.4 %).</value>
    [Range(0.0, 100.0)]
    public double ExitThreshold { get; set; } = 0.004;

    /// <summary>Gets or sets the most sources tracked per asset (beyond it the stalest is replaced).</summary>
    /// <value>Defaults to 8.</value>
    [Range(2, 64)]
    public int MaxSources { get; set; } = 8;
}
