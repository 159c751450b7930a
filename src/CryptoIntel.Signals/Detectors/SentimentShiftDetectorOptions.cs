using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="SentimentShiftDetector"/>; bound from <c>CryptoIntel:Signals:SentimentShift</c> by the host.</summary>
public sealed class SentimentShiftDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 6 h, max gap 30 days, evict after 30 days).</summary>
    public SentimentShiftDetectorOptions()
    {
        CoolDown = TimeSpan.FromHours(6);
        MaxGap = TimeSpan.FromDays(30);
        EvictAfter = TimeSpan.FromDays(30);
    }

    /// <summary>Gets or sets the window (data time) whose mean sentiment is compared with the baseline.</summary>
    /// <value>Defaults to 6 hours.</value>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Gets or sets the most items kept in the window per asset (the oldest move to the baseline beyond it).</summary>
    /// <value>Defaults to 256.</value>
    [Range(4, 100_000)]
    public int MaxWindowItems { get; set; } = 256;

    /// <summary>Gets or sets the half-life, in items, of the EWMA baseline (fed by items as they leave the window).</summary>
    /// <value>Defaults to 100.</value>
    [Range(2.0, 100_000.0)]
    public double BaselineHalfLife { get; set; } = 100;

    /// <summary>Gets or sets how many items the baseline needs before the asset can fire.</summary>
    /// <value>Defaults to 30.</value>
    [Range(1, 100_000)]
    public int WarmUp { get; set; } = 30;

    /// <summary>Gets or sets the least number of items in the window for a signal.</summary>
    /// <value>Defaults to 5.</value>
    [Range(1, 100_000)]
    public int MinItems { get; set; } = 5;

    /// <summary>Gets or sets the z-score of the window mean against the baseline at which a shift fires.</summary>
    /// <value>Defaults to 3.</value>
    [Range(0.5, 100.0)]
    public double Threshold { get; set; } = 3.0;

    /// <summary>Gets or sets the z-score below which a fired shift is over (hysteresis).</summary>
    /// <value>Defaults to 1.5.</value>
    [Range(0.0, 100.0)]
    public double ExitThreshold { get; set; } = 1.5;

    /// <summary>Gets or sets the least difference between the window mean and the baseline mean (sentiment is in −1..1).</summary>
    /// <value>Defaults to 0.25.</value>
    [Range(0.0, 2.0)]
    public double MinShift { get; set; } = 0.25;

    /// <summary>Gets or sets the floor of the baseline's standard deviation (so a very steady baseline does not make every item a shift).</summary>
    /// <value>Defaults to 0.1.</value>
    [Range(0.001, 2.0)]
    public double MinStdDev { get; set; } = 0.1;
}
