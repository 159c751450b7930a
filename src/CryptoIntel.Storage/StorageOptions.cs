using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Storage;

/// <summary>Settings of the store, bound from <c>CryptoIntel:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>Gets or sets the SQLite database file (the embedded default).</summary>
    /// <value>The default is <c>cryptointel.db</c> in the current directory. Ignored when PostgreSQL is used.</value>
    [Required]
    [MinLength(1)]
    public string SqlitePath { get; set; } = "cryptointel.db";

    /// <summary>Gets or sets a value indicating whether the migration service applies migrations when the host starts.</summary>
    /// <value>The default is <see langword="true"/>. Either way, the store migrates on first use.</value>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Gets or sets how long raw snapshots (every 15 minutes) are kept; hourly bars are kept forever.</summary>
    /// <value>The default is 30 days.</value>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets how long source statuses and DEX pool figures are kept.</summary>
    /// <value>The default is 30 days.</value>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan OperationalRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the time between compactions by the compaction service; zero turns the service off.</summary>
    /// <value>The default is 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the command timeout in seconds.</summary>
    /// <value>The default is 30.</value>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
