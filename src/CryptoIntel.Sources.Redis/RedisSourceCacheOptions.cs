using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace CryptoIntel.Sources.Redis;

/// <summary>
/// Redis as the second-level (L2, distributed) tier of the sources' HybridCache. Set either
/// <see cref="Configuration"/> or <see cref="ConnectionMultiplexerFactory"/>.
/// </summary>
public sealed class RedisSourceCacheOptions
{
    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>. Ignored when
    /// <see cref="ConnectionMultiplexerFactory"/> is set.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Configuration { get; set; }

    /// <summary>Gets or sets a factory for the connection to use (for example the application's own shared multiplexer).</summary>
    /// <value>The default is <see langword="null"/> (a connection is made from <see cref="Configuration"/>).</value>
    public Func<IConnectionMultiplexer>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>
    /// Gets or sets the prefix of every cache key in Redis. Processes see each other's cached responses when they use
    /// the same Redis and the same instance name.
    /// </summary>
    /// <value>The default is <c>cryptointel:cache:</c>.</value>
    [Required]
    [MinLength(1)]
    public string InstanceName { get; set; } = "cryptointel:cache:";
}
