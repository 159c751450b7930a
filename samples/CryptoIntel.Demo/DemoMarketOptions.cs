using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Demo;

/// <summary>Settings of the demo market simulator, bound from <c>CryptoIntel:Demo</c>.</summary>
public sealed class DemoMarketOptions
{
    /// <summary>Gets or sets the seed: the same seed and clock give the same market, step for step.</summary>
    /// <value>The default is 20261124.</value>
    public int Seed { get; set; } = 20261124;

    /// <summary>Gets or sets how many assets are listed (the first ~40 are well-known names, the rest are made up).</summary>
    /// <value>The default is 120.</value>
    [Range(20, 250)]
    public int Assets { get; set; } = 120;

    /// <summary>Gets or sets the market time one simulation step represents (volatility, 24-hour windows and history spacing follow it).</summary>
    /// <value>The default is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the clock time between two steps. Equal to <see cref="StepDuration"/> the market moves in real time;
    /// shorter, it is accelerated (5 seconds: a market hour a minute).
    /// </summary>
    /// <value>The default is 5 minutes (real time); <see cref="Accelerate"/> sets 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many steps of history exist before the simulator starts (spaced by <see cref="StepDuration"/>).</summary>
    /// <value>The default is 576 (two days of 5-minute steps).</value>
    [Range(0, 8640)]
    public int HistorySteps { get; set; } = 576;

    /// <summary>
    /// Gets or sets a value indicating whether a volume spike, a DEX liquidity jump, a TVL drain and a de-peg are scheduled
    /// in the first steps after start, so that a newcomer sees signals at once; random events follow either way.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ScheduleEarlyEvents { get; set; } = true;

    /// <summary>Sets a fast clock: a step every <paramref name="stepInterval"/> (default 5 seconds).</summary>
    /// <param name="stepInterval">The clock time between steps; null for 5 seconds.</param>
    /// <returns>These options.</returns>
    public DemoMarketOptions Accelerate(TimeSpan? stepInterval = null)
    {
        StepInterval = stepInterval ?? TimeSpan.FromSeconds(5);
        return this;
    }
}
