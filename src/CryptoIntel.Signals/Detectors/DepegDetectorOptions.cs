using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="DepegDetector"/>; bound from <c>CryptoIntel:Signals:Depeg</c> by the host.</summary>
public sealed class DepegDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 1 h, max gap 2 days).</summary>
    public DepegDetectorOptions()
    {
        CoolDown = TimeSpan.FromHours(1);
    }

    /// <summary>
    /// Gets the asset ids of the stablecoins to watch (all pegged to <see cref="Peg"/>); when empty, the built-in set:
    /// tether, usd-coin, dai, first-digital-usd, ethena-usde, true-usd, paypal-usd, usds, frax, binance-usd.
    /// </summary>
    /// <value>Defaults to empty (the built-in set).</value>
    public IList<string> Stablecoins { get; } = [];

    /// <summary>Gets or sets the peg.</summary>
    /// <value>Defaults to 1.0.</value>
    [Range(1e-9, 1e9)]
    public double Peg { get; set; } = 1.0;

    /// <summary>Gets or sets the fractional deviation from the peg at which a de-peg fires.</summary>
    /// <value>Defaults to 0.005 (0.5 %).</value>
    [Range(1e-6, 1.0)]
    public double Threshold { get; set; } = 0.005;

    /// <summary>Gets or sets the deviation below which a de-peg is over (hysteresis).</summary>
    /// <value>Defaults to 0.002 (0.2 %).</value>
    [Range(0.0, 1.0)]
    public double ExitThreshold { get; set; } = 0.002;

    /// <summary>Gets or sets the deviation of a severe de-peg: escalating to it fires again, even within the cool-down.</summary>
    /// <value>Defaults to 0.02 (2 %).</value>
    [Range(1e-6, 1.0)]
    public double SevereThreshold { get; set; } = 0.02;

    /// <summary>Gets or sets how many observations in a row must be past a threshold before it fires (one bad print is not a de-peg).</summary>
    /// <value>Defaults to 2.</value>
    [Range(1, 1000)]
    public int MinConsecutive { get; set; } = 2;
}
