using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="PriceMoveDetector"/>; bound from <c>CryptoIntel:Signals:PriceMove</c> by the host.</summary>
public sealed class PriceMoveDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 6 h, max gap 2 days).</summary>
    public PriceMoveDetectorOptions()
    {
        CoolDown = TimeSpan.FromHours(6);
    }

    /// <summary>Gets or sets the lookback of the return: the price now against the latest price at or before now − lookback.</summary>
    /// <value>Defaults to 4 hours.</value>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Gets or sets how many past prices are kept per series (must cover the lookback at the feed's cadence, and the range).</summary>
    /// <value>Defaults to 256.</value>
    [Range(4, 100_000)]
    public int History { get; set; } = 256;

    /// <summary>Gets or sets how many previous prices form the range whose break is a breakout.</summary>
    /// <value>Defaults to 48 (two days of hourly candles).</value>
    [Range(2, 100_000)]
    public int RangePeriods { get; set; } = 48;

    /// <summary>Gets or sets the z-score of the lookback return (against its EWMA volatility) at which a move fires.</summary>
    /// <value>Defaults to 4.</value>
    [Range(0.5, 100.0)]
    public double Threshold { get; set; } = 4.0;

    /// <summary>Gets or sets the z-score below which a fired move is over (hysteresis).</summary>
    /// <value>Defaults to 1.</value>
    [Range(0.0, 100.0)]
    public double ExitThreshold { get; set; } = 1.0;

    /// <summary>Gets or sets the least z-score of a breakout of the range to fire (below <see cref="Threshold"/>).</summary>
    /// <value>Defaults to 3.</value>
    [Range(0.0, 100.0)]
    public double BreakoutMinZ { get; set; } = 3.0;

    /// <summary>Gets or sets the least absolute return (fraction) for any signal: keeps quiet assets (e.g. stablecoins) quiet.</summary>
    /// <value>Defaults to 0.01 (1 %).</value>
    [Range(0.0, 10.0)]
    public double MinMove { get; set; } = 0.01;

    /// <summary>Gets or sets the half-life, in observations, of the EWMA of squared lookback returns (the volatility).</summary>
    /// <value>Defaults to 168.</value>
    [Range(2.0, 100_000.0)]
    public double VolatilityHalfLife { get; set; } = 168;

    /// <summary>Gets or sets how many lookback returns a series needs before it can fire.</summary>
    /// <value>Defaults to 72.</value>
    [Range(2, 100_000)]
    public int WarmUp { get; set; } = 72;

    /// <summary>Gets or sets the z-score of log volume (against its EWMA) that counts as volume confirmation.</summary>
    /// <value>Defaults to 2.</value>
    [Range(0.0, 100.0)]
    public double VolumeConfirmZ { get; set; } = 2.0;
}
