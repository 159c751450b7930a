using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Realtime;

/// <summary>Options of the Redis scale-out: the SignalR backplane plus the topic history in Redis Streams.</summary>
public sealed class RealtimeRedisOptions
{
    /// <summary>Gets or sets the StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    [Required]
    public string Configuration { get; set; } = string.Empty;

    /// <summary>Gets or sets the prefix of every key and channel the hub uses.</summary>
    /// <value>Defaults to <c>cryptointel:rt:</c>.</value>
    [Required]
    public string KeyPrefix { get; set; } = "cryptointel:rt:";

    /// <summary>Gets or sets how long a published signal id is remembered so that publishing it twice delivers it once.</summary>
    /// <value>Defaults to 1 day.</value>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(1);
}
