namespace CryptoIntel.Realtime.Client;

/// <summary>Settings of a <see cref="SignalStreamClient"/>.</summary>
public sealed class SignalStreamClientOptions
{
    /// <summary>Gets or sets the hub's URL, e.g. <c>https://host/hubs/signals</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>Gets or sets the API key (sent as the access token, and as <c>X-Api-Key</c> where headers are possible).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets a provider of bearer tokens, used instead of <see cref="ApiKey"/> when set.</summary>
    public Func<Task<string?>>? AccessTokenProvider { get; set; }

    /// <summary>Gets the topics to subscribe to; defaults to <c>all</c> when empty.</summary>
    public IList<SignalTopicSubscription> Topics { get; } = [];

    /// <summary>Gets or sets a JSON file that keeps the last positions and latest signals across restarts (offline-first); none when null.</summary>
    public string? CacheFile { get; set; }

    /// <summary>Gets or sets how many latest signals the cache keeps.</summary>
    /// <value>Defaults to 200.</value>
    public int CacheSize { get; set; } = 200;

    /// <summary>Gets or sets the longest wait between two reconnect attempts.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets a callback for messages the hub could not recover (reload that range from the API).</summary>
    public Action<SignalGapArguments>? OnGap { get; set; }

    /// <summary>Gets or sets a callback for connection status changes and errors.</summary>
    public Action<SignalStreamStatusArguments>? OnStatus { get; set; }
}

/// <summary>A topic to subscribe to, with optional filters.</summary>
/// <param name="Topic">The topic: <c>all</c>, <c>kind:&lt;kind&gt;</c>, <c>asset:&lt;id&gt;</c>, <c>entity:&lt;id&gt;</c>, <c>watchlist:&lt;name&gt;</c>.</param>
public sealed record SignalTopicSubscription(string Topic)
{
    /// <summary>Gets the kinds to receive (all when empty).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Gets the minimum confidence to receive.</summary>
    public double? MinConfidence { get; init; }

    /// <summary>Gets the assets to receive (all when empty).</summary>
    public IReadOnlyList<string> Assets { get; init; } = [];
}

/// <summary>Where a client stands in a topic.</summary>
/// <param name="Epoch">The topic's epoch.</param>
/// <param name="Offset">The last offset received.</param>
public readonly record struct SignalStreamPosition(string Epoch, long Offset);

/// <summary>Messages of a topic that the hub could not deliver and no longer holds.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="FromOffset">The first missing offset.</param>
/// <param name="ToOffset">The last missing offset (<see cref="long.MaxValue"/> when the topic's epoch changed).</param>
/// <param name="Reason"><c>history</c>, <c>epoch</c>, or <c>resume</c>.</param>
public readonly record struct SignalGapArguments(string Topic, long FromOffset, long ToOffset, string Reason);

/// <summary>The client's connection state.</summary>
public enum SignalStreamStatus
{
    /// <summary>Connecting for the first time.</summary>
    Connecting = 0,

    /// <summary>Connected and subscribed.</summary>
    Connected = 1,

    /// <summary>Connection lost; reconnecting.</summary>
    Reconnecting = 2,

    /// <summary>Stopped (disposed, or a fatal error such as a refused key).</summary>
    Stopped = 3,
}

/// <summary>A status change, with the error that caused it when there is one.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Error">The error, when there is one.</param>
public readonly record struct SignalStreamStatusArguments(SignalStreamStatus Status, Exception? Error);
