using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Web.Hosting;

/// <summary>How the web host gets its data.</summary>
public enum WebHostMode
{
    /// <summary>One process: SQLite file, in-memory cache, the collection pipeline runs in-process.</summary>
    Embedded = 0,

    /// <summary>Reads a database written by a separate worker; Redis holds the output cache.</summary>
    Reader = 1,
}

/// <summary>Options of the web host (configuration section <c>Web</c>).</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Web";

    /// <summary>Gets or sets the mode.</summary>
    /// <value>Defaults to <see cref="WebHostMode.Embedded"/>.</value>
    public WebHostMode Mode { get; set; } = WebHostMode.Embedded;

    /// <summary>Gets or sets a value indicating whether embedded mode runs the collection pipeline in this process.</summary>
    /// <value>Defaults to <see langword="true"/>; ignored in <see cref="WebHostMode.Reader"/> mode (a separate worker collects).</value>
    public bool RunPipeline { get; set; } = true;

    /// <summary>Gets or sets the Redis connection string for the output cache (required in <see cref="WebHostMode.Reader"/> mode).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    [MaxLength(1000)]
    public string? Redis { get; set; }

    /// <summary>Gets or sets a value indicating whether the read API needs an API key (any configured key).</summary>
    /// <value>Defaults to <see langword="false"/>: the read API is open.</value>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Gets the API keys. Each has a name and a scope: <c>read</c> or <c>write</c> (write implies read).</summary>
    [ValidateEnumeratedItems]
    public IList<ApiKeyOptions> ApiKeys { get; } = [];

    /// <summary>Gets the rate limits.</summary>
    [ValidateObjectMembers]
    public RateLimitOptions RateLimit { get; } = new();

    /// <summary>Gets or sets how long hot read answers stay in the output cache.</summary>
    /// <value>Defaults to 5 seconds; zero turns the output cache off.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OutputCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the largest page a list endpoint returns.</summary>
    /// <value>Defaults to 500.</value>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 500;
}

/// <summary>One API key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Gets or sets a name for logs and rate-limit partitions (never the key itself).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the key (at least 16 characters).</summary>
    [Required]
    [MinLength(16)]
    [MaxLength(256)]
    public string Key { get; set; } = string.Empty;

    /// <summary>Gets or sets the scope: <c>read</c> or <c>write</c>.</summary>
    /// <value>Defaults to <c>read</c>.</value>
    [Required]
    [RegularExpression("^(read|write)$")]
    public string Scope { get; set; } = "read";
}

/// <summary>Token-bucket rate limits, one bucket per API key (keyed callers) or per client IP (anonymous).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Gets or sets the requests an anonymous client (one IP address) may make per second on average.</summary>
    /// <value>Defaults to 20.</value>
    [Range(1, 10_000_000)]
    public int AnonymousPerSecond { get; set; } = 20;

    /// <summary>Gets or sets the burst an anonymous client may make at once.</summary>
    /// <value>Defaults to 100.</value>
    [Range(1, 10_000_000)]
    public int AnonymousBurst { get; set; } = 100;

    /// <summary>Gets or sets the requests a keyed client may make per second on average.</summary>
    /// <value>Defaults to 200.</value>
    [Range(1, 10_000_000)]
    public int KeyedPerSecond { get; set; } = 200;

    /// <summary>Gets or sets the burst a keyed client may make at once.</summary>
    /// <value>Defaults to 1000.</value>
    [Range(1, 10_000_000)]
    public int KeyedBurst { get; set; } = 1000;

    /// <summary>Gets or sets the write requests (POST/DELETE) a client may make per minute.</summary>
    /// <value>Defaults to 60.</value>
    [Range(1, 10_000_000)]
    public int WritesPerMinute { get; set; } = 60;
}

/// <summary>Source-generated validation of <see cref="WebOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;

/// <summary>Rules that span several options.</summary>
internal sealed class WebOptionsCrossValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.Mode == WebHostMode.Reader && string.IsNullOrWhiteSpace(options.Redis))
        {
            builder.AddError("Web:Redis is required in Reader mode (the output cache is shared through Redis).", nameof(options.Redis));
        }

        if (options.RequireKeyForReads && options.ApiKeys.Count == 0)
        {
            builder.AddError("Web:RequireKeyForReads is true but no Web:ApiKeys are configured.", nameof(options.ApiKeys));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in options.ApiKeys)
        {
            if (!names.Add(key.Name))
            {
                builder.AddError($"API key name '{key.Name}' is configured twice.", nameof(options.ApiKeys));
            }

            if (!keys.Add(key.Key))
            {
                builder.AddError($"API key '{key.Name}' has the same key as another.", nameof(options.ApiKeys));
            }
        }

        if (options.RateLimit.AnonymousBurst < options.RateLimit.AnonymousPerSecond
            || options.RateLimit.KeyedBurst < options.RateLimit.KeyedPerSecond)
        {
            builder.AddError("A rate-limit burst must be at least its per-second rate.", nameof(options.RateLimit));
        }

        return builder.Build();
    }
}
