using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Realtime;

/// <summary>
/// Options of the CryptoIntel realtime hub; bound from the <c>CryptoIntel:Realtime</c> configuration section.
/// </summary>
public sealed class RealtimeOptions
{
    /// <summary>Gets or sets how many messages each topic keeps for resuming clients.</summary>
    /// <value>Defaults to 1,000. A client further behind than this gets <c>recovered: false</c>.</value>
    [Range(1, 1_000_000)]
    public int HistoryPerTopic { get; set; } = 1000;

    /// <summary>Gets or sets how many messages may wait for one connection before the slow-consumer policy applies.</summary>
    /// <value>Defaults to 256 (the frames are shared between connections: a queued message costs one reference).</value>
    [Range(1, 100_000)]
    public int ConnectionBufferSize { get; set; } = 256;

    /// <summary>Gets or sets what happens to a connection whose buffer is full.</summary>
    /// <value>Defaults to <see cref="SlowConsumerPolicy.DropOldest"/>.</value>
    public SlowConsumerPolicy SlowConsumerPolicy { get; set; } = SlowConsumerPolicy.DropOldest;

    /// <summary>
    /// Gets or sets how many frames may wait for this node's fan-out (the loop that hands each published frame to the
    /// connections). Internal: a publisher that outruns the fan-out for this long drops the oldest waiting frames, and
    /// their subscribers replay them from history.
    /// </summary>
    internal int FanOutQueueCapacity { get; set; } = 8192;

    /// <summary>Gets or sets how many topics one connection may subscribe to.</summary>
    /// <value>Defaults to 64.</value>
    [Range(1, 10_000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 64;

    /// <summary>
    /// Gets or sets how many connections this node holds before it answers new ones with 503. Zero means: the
    /// process's open-file limit minus <see cref="FileDescriptorReserve"/> on Linux, unlimited elsewhere.
    /// </summary>
    /// <value>Defaults to 0 (derived from the open-file limit).</value>
    [Range(0, 10_000_000)]
    public int MaxConnections { get; set; }

    /// <summary>Gets or sets how many file descriptors are kept free for everything else when <see cref="MaxConnections"/> is derived.</summary>
    /// <value>Defaults to 512.</value>
    [Range(16, 1_000_000)]
    public int FileDescriptorReserve { get; set; } = 512;

    /// <summary>Gets or sets the largest message a client may send (SignalR's <c>MaximumReceiveMessageSize</c>).</summary>
    /// <value>Defaults to 32,768 bytes.</value>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxReceiveMessageSize { get; set; } = 32 * 1024;

    /// <summary>Gets or sets how often the server pings an idle connection.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how long the server waits for anything from a client before it closes the connection; at least twice <see cref="KeepAliveInterval"/>.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan ClientTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets a value indicating whether SignalR's stateful reconnect is offered (an extra, single-node buffer; offsets are the guarantee).</summary>
    /// <value>Defaults to true.</value>
    public bool AllowStatefulReconnect { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether connections must present an API key or a bearer token.</summary>
    /// <value>Defaults to true.</value>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>Gets the accepted API keys, with the topics each may read.</summary>
    [Microsoft.Extensions.Options.ValidateEnumeratedItems]
    public IList<RealtimeApiKey> ApiKeys { get; } = [];

    /// <summary>
    /// Gets the ASP.NET Core authentication schemes (e.g. <c>Bearer</c>) tried when the request carries no known API key.
    /// Topic access of a token comes from its <see cref="TopicsClaimType"/> claims (all topics when it has none).
    /// </summary>
    public IList<string> BearerSchemes { get; } = [];

    /// <summary>Gets the named watchlists: each is a list of asset or entity ids; topic <c>watchlist:&lt;name&gt;</c> carries their signals.</summary>
    public IDictionary<string, IList<string>> Watchlists { get; } = new Dictionary<string, IList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The claim type listing the topic patterns a principal may read (<c>all</c>, <c>kind:*</c>, <c>asset:bitcoin</c>, <c>*</c>).</summary>
    public const string TopicsClaimType = "cryptointel:topics";
}

/// <summary>An API key accepted by the realtime hub.</summary>
public sealed class RealtimeApiKey
{
    /// <summary>Gets or sets the key's name (logged and used as the user name; the key itself never is).</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the secret key.</summary>
    [Required]
    [MinLength(16)]
    public string Key { get; set; } = string.Empty;

    /// <summary>Gets the topic patterns this key may read (<c>*</c>, <c>all</c>, <c>kind:*</c>, <c>asset:bitcoin</c>); empty means all.</summary>
    public IList<string> Topics { get; } = [];
}

/// <summary>What the hub does with a connection that cannot keep up.</summary>
public enum SlowConsumerPolicy
{
    /// <summary>
    /// Drop the oldest queued messages, stop delivering the topic that lost messages, and replay it from the topic history
    /// once the connection has caught up (a <c>gap</c> message with <c>recovered: false</c> when history no longer reaches back).
    /// </summary>
    DropOldest = 0,

    /// <summary>Close the connection; the client reconnects and resumes from its last offsets.</summary>
    Disconnect = 1,
}
