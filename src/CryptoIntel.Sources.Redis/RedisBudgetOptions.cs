using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace CryptoIntel.Sources.Redis;

/// <summary>
/// Where the shared source budget lives: the Redis server and the key prefix. Set either
/// <see cref="Configuration"/> or <see cref="ConnectionMultiplexerFactory"/>.
/// </summary>
public sealed class RedisBudgetOptions
{
    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string, e.g. <c>localhost:6379</c> or
    /// <c>redis.internal:6380,ssl=true,password=...</c>. Ignored when <see cref="ConnectionMultiplexerFactory"/> is set.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Configuration { get; set; }

    /// <summary>
    /// Gets or sets a factory for the connection to use (for example the application's own shared multiplexer).
    /// The budget does not dispose a connection it did not create.
    /// </summary>
    /// <value>The default is <see langword="null"/> (a connection is made from <see cref="Configuration"/>).</value>
    public Func<IConnectionMultiplexer>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>
    /// Gets or sets the prefix of every budget key. Processes share a budget when they use the same Redis, the same
    /// prefix and the same provider: the monthly counter is <c>{prefix}:{provider}:quota:{yyyy-MM}</c> and the
    /// per-minute window is RedisRateLimiting's sorted set <c>rl:sw:{{prefix}:{provider}:minute}</c>.
    /// </summary>
    /// <value>The default is <c>cryptointel</c>.</value>
    [Required]
    [MinLength(1)]
    public string KeyPrefix { get; set; } = "cryptointel";
}
