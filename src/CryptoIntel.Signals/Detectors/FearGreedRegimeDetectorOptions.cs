using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="FearGreedRegimeDetector"/>; bound from <c>CryptoIntel:Signals:FearGreed</c> by the host.</summary>
public sealed class FearGreedRegimeDetectorOptions : SignalDetectorOptions
{
    /// <summary>Initializes the options with their defaults (cool-down 12 h, max gap 7 days).</summary>
    public FearGreedRegimeDetectorOptions()
    {
        CoolDown = TimeSpan.FromHours(12);
        MaxGap = TimeSpan.FromDays(7);
        EvictAfter = TimeSpan.FromDays(30);
    }

    /// <summary>Gets or sets the lowest value of <c>fear</c> (below it: <c>extreme-fear</c>).</summary>
    /// <value>Defaults to 25.</value>
    [Range(1, 99)]
    public int FearFrom { get; set; } = 25;

    /// <summary>Gets or sets the lowest value of <c>neutral</c>.</summary>
    /// <value>Defaults to 45.</value>
    [Range(1, 99)]
    public int NeutralFrom { get; set; } = 45;

    /// <summary>Gets or sets the lowest value of <c>greed</c>.</summary>
    /// <value>Defaults to 56.</value>
    [Range(1, 99)]
    public int GreedFrom { get; set; } = 56;

    /// <summary>Gets or sets the lowest value of <c>extreme-greed</c>.</summary>
    /// <value>Defaults to 76.</value>
    [Range(1, 99)]
    public int ExtremeGreedFrom { get; set; } = 76;

    /// <summary>Gets or sets how far past a regime boundary the index must go to change regime (hysteresis).</summary>
    /// <value>Defaults to 3 points.</value>
    [Range(0, 20)]
    public int Margin { get; set; } = 3;
}
