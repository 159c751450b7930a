namespace CryptoIntel.Sources;

/// <summary>Settings shared by all sources, bound from <c>CryptoIntel:Sources</c>.</summary>
public sealed class SourcesOptions
{
    /// <summary>
    /// Gets or sets a directory to record every real exchange into (one JSON file per exchange under
    /// <c>&lt;dir&gt;/&lt;provider&gt;/</c>, keys and auth parameters removed), for replay later.
    /// </summary>
    /// <value>The default is <see langword="null"/> (no recording).</value>
    public string? RecordDirectory { get; set; }

    /// <summary>
    /// Gets or sets a directory of recorded exchanges to answer from instead of the network (offline mode). A request
    /// with no recording gets a 404 that says so.
    /// </summary>
    /// <value>The default is <see langword="null"/> (live network).</value>
    public string? ReplayDirectory { get; set; }

    /// <summary>
    /// Gets or sets a directory where the in-process monthly quota counters are saved, so that a restart does not
    /// forget what was spent this month. Not needed with a shared (Redis) budget.
    /// </summary>
    /// <value>The default is <see langword="null"/> (counters live in memory only).</value>
    public string? QuotaStateDirectory { get; set; }
}
