using Microsoft.Extensions.Logging;

namespace CryptoIntel.Storage.Internal;

internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Storage ({Provider}): migrated to schema version {Version} ({Description})", EventName = "Migrated")]
    public static partial void Migrated(ILogger logger, string provider, int version, string description);

    [LoggerMessage(6002, LogLevel.Debug, "Storage ({Provider}): wrote {Rows} rows in {DurationMs} ms, {NewSignals} new signals", EventName = "BatchWritten")]
    public static partial void BatchWritten(ILogger logger, string provider, int rows, long durationMs, int newSignals);

    [LoggerMessage(6003, LogLevel.Information, "Storage ({Provider}): compaction deleted {Rows} rows", EventName = "Compacted")]
    public static partial void Compacted(ILogger logger, string provider, int rows);

    [LoggerMessage(6004, LogLevel.Error, "Storage: compaction failed", EventName = "CompactionFailed")]
    public static partial void CompactionFailed(ILogger logger, Exception exception);
}
