using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Pipeline;

/// <summary>Settings of the collection pipeline, bound from <c>CryptoIntel:Pipeline</c>.</summary>
public sealed class CollectionPipelineOptions
{
    /// <summary>Gets or sets when cycles run: a cron expression (5 fields, or 6 with seconds), in UTC.</summary>
    /// <value>The default is <c>*/15 * * * *</c>: every 15 minutes, 96 cycles a day.</value>
    [Required]
    public string Schedule { get; set; } = "*/15 * * * *";

    /// <summary>Gets or sets a value indicating whether the hosted service runs a cycle as soon as it starts.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool RunAtStart { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the hosted service runs at all (off: the host calls <see cref="CollectionCycle.RunAsync"/> itself).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the host refuses to start when a source's budget cannot hold the schedule.</summary>
    /// <value>The default is <see langword="false"/>: the verdict is logged as an error and the budget refuses the surplus calls.</value>
    public bool FailWhenBudgetDoesNotFit { get; set; }

    /// <summary>Gets or sets how many DeFi protocols (largest TVL first) each cycle stores.</summary>
    /// <value>The default is 500; their TVL points are stored for the largest <see cref="TvlSeriesProtocols"/>.</value>
    [Range(0, 100_000)]
    public int MaxProtocols { get; set; } = 500;

    /// <summary>Gets or sets how many protocols (largest TVL first) get a TVL point every cycle.</summary>
    /// <value>The default is 100.</value>
    [Range(0, 100_000)]
    public int TvlSeriesProtocols { get; set; } = 100;

    /// <summary>
    /// Gets or sets a value indicating whether each cycle judges the stored signals whose horizon has passed (the live
    /// track record: hit or not, forward return) when a store is registered. The horizon and threshold are those of
    /// CryptoIntel.Signals' <c>Scoring:Outcome</c> options (24 h / 3 % by default; TVL 3 days / 3 %).
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool EvaluateOutcomes { get; set; } = true;

    /// <summary>Gets or sets how far past its horizon a signal is still tried (its series may arrive late).</summary>
    /// <value>The default is 7 days.</value>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan OutcomeLookback { get; set; } = TimeSpan.FromDays(7);
}
