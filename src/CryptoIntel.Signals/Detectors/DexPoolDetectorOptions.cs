using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="DexPoolDetector"/>; bound from <c>CryptoIntel:Signals:DexPool</c> by the host.</summary>
public sealed class DexPoolDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 6 h, max gap 2 days).</summary>
    public DexPoolDetectorOptions()
    {
        CoolDown = TimeSpan.FromHours(6);
    }

    /// <summary>Gets or sets the half-life, in snapshots, of the EWMA baselines of log liquidity and log 24 h volume.</summary>
    /// <value>Defaults to 24.</value>
    [Range(1.0, 100_000.0)]
    public double BaselineHalfLife { get; set; } = 24;

    /// <summary>Gets or sets how many snapshots a pool needs before it can fire.</summary>
    /// <value>Defaults to 6.</value>
    [Range(1, 100_000)]
    public int WarmUp { get; set; } = 6;

    /// <summary>Gets or sets the fractional change of liquidity against its baseline that is a liquidity jump (either way).</summary>
    /// <value>Defaults to 0.3 (30 %).</value>
    [Range(0.01, 1000.0)]
    public double LiquidityJump { get; set; } = 0.3;

    /// <summary>Gets or sets the ratio of 24 h volume to its baseline at which a pool is trending.</summary>
    /// <value>Defaults to 3.</value>
    [Range(1.01, 10_000.0)]
    public double TrendRatio { get; set; } = 3.0;

    /// <summary>Gets or sets the least liquidity (USD) of a pool for any signal (dust pools are noise).</summary>
    /// <value>Defaults to 10,000.</value>
    [Range(0.0, 1e12)]
    public double MinLiquidityUsd { get; set; } = 10_000;

    /// <summary>Gets or sets the least 24 h volume (USD) of a trending pool.</summary>
    /// <value>Defaults to 10,000.</value>
    [Range(0.0, 1e12)]
    public double MinVolumeUsd { get; set; } = 10_000;
}
