using Microsoft.Extensions.Logging;

namespace CryptoIntel.Realtime.Internal;

/// <summary>The package's log messages (event ids 4000–4099). Keys and tokens are never logged; key names are.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Debug, "Connection {ConnectionId} ({User}) opened", EventName = "ConnectionOpened")]
    public static partial void ConnectionOpened(ILogger logger, string connectionId, string? user);

    [LoggerMessage(4001, LogLevel.Debug, "Connection {ConnectionId} closed", EventName = "ConnectionClosed")]
    public static partial void ConnectionClosed(ILogger logger, string connectionId);

    [LoggerMessage(4002, LogLevel.Warning, "Connection {ConnectionId} could not keep up and was closed (policy Disconnect)", EventName = "SlowConsumerDisconnected")]
    public static partial void SlowConsumerDisconnected(ILogger logger, string connectionId);

    [LoggerMessage(4003, LogLevel.Information, "Connection {ConnectionId} lost messages of {Topic} beyond history ({From}..{To})", EventName = "GapNotSent")]
    public static partial void GapBeyondHistory(ILogger logger, string connectionId, string topic, long from, long to);

    [LoggerMessage(4004, LogLevel.Error, "Writing to connection {ConnectionId} failed", EventName = "SendLoopFailed")]
    public static partial void SendLoopFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(4005, LogLevel.Debug, "Hub connection refused: {Reason} ({Status})", EventName = "ConnectionRefused")]
    public static partial void ConnectionRefused(ILogger logger, string reason, int status);

    [LoggerMessage(4006, LogLevel.Information, "Realtime hub: at most {MaxConnections} connections on this node ({Source})", EventName = "ConnectionCap")]
    public static partial void ConnectionCap(ILogger logger, int maxConnections, string source);

    [LoggerMessage(4007, LogLevel.Error, "A message from the Redis channel could not be read", EventName = "RedisMessageFailed")]
    public static partial void RedisMessageFailed(ILogger logger, Exception exception);

    [LoggerMessage(4008, LogLevel.Warning, "Topic {Topic} changed epoch ({Old} -> {New}) under a live subscription", EventName = "EpochChanged")]
    public static partial void EpochChanged(ILogger logger, string topic, string old, string @new);

    [LoggerMessage(4009, LogLevel.Error, "The fan-out of {Topic} offset {Offset} failed", EventName = "FanOutFailed")]
    public static partial void FanOutFailed(ILogger logger, string topic, long offset, Exception exception);

    [LoggerMessage(4010, LogLevel.Warning, "Topic {Topic} skipped offsets {From}..{To} on this node (fan-out queue overflow or missed backplane messages): this node reads them from history and fans them out first", EventName = "FanOutGap")]
    public static partial void FanOutGap(ILogger logger, string topic, long from, long to);

    [LoggerMessage(4011, LogLevel.Warning, "The fan-out queue was full and dropped the oldest frame of {Topic} (offset {Offset}): this node reads it back from history", EventName = "FanOutOverflow")]
    public static partial void FanOutOverflow(ILogger logger, string topic, long offset);

    [LoggerMessage(4012, LogLevel.Warning, "The Redis subscription was restored: this node catches up every subscribed topic from history", EventName = "BackplaneRestored")]
    public static partial void BackplaneRestored(ILogger logger);

    [LoggerMessage(4013, LogLevel.Warning, "Reading what this node missed of {Topic} from history failed: each of its subscriptions recovers on its own", EventName = "CatchUpFailed")]
    public static partial void CatchUpFailed(ILogger logger, string topic, Exception exception);
}
