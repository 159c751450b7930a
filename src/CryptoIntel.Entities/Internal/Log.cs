using Microsoft.Extensions.Logging;

namespace CryptoIntel.Entities.Internal;

/// <summary>
/// The package's log messages (event ids 3000–3099). News text is never logged: only counts, sizes and the
/// source and row of bad gazetteer rows.
/// </summary>
internal static partial class Log
{
    public const int GazetteerBuiltId = 3000;
    public const int GazetteerIssueId = 3001;
    public const int GazetteerSwappedId = 3002;
    public const int TextTruncatedId = 3003;
    public const int TrackerEvictedId = 3004;
    public const int TrackerSourceFailedId = 3005;

    [LoggerMessage(GazetteerBuiltId, LogLevel.Information, "Gazetteer built: {Entries} entries, {Patterns} patterns, {Issues} issues in {ElapsedMs} ms", EventName = "GazetteerBuilt")]
    public static partial void GazetteerBuilt(ILogger logger, int entries, int patterns, int issues, long elapsedMs);

    [LoggerMessage(GazetteerIssueId, LogLevel.Warning, "Gazetteer row skipped or merged: {Issue}", EventName = "GazetteerIssue")]
    public static partial void GazetteerIssue(ILogger logger, string issue);

    [LoggerMessage(GazetteerSwappedId, LogLevel.Information, "Gazetteer swapped in: {Entries} entries, {Patterns} patterns", EventName = "GazetteerSwapped")]
    public static partial void GazetteerSwapped(ILogger logger, int entries, int patterns);

    [LoggerMessage(TextTruncatedId, LogLevel.Debug, "Text of {Length} chars cut to {MaxLength} chars", EventName = "TextTruncated")]
    public static partial void TextTruncated(ILogger logger, int length, int maxLength);

    [LoggerMessage(TrackerEvictedId, LogLevel.Debug, "Entity tracker at capacity: evicted {Count} least recently mentioned entities", EventName = "TrackerEvicted")]
    public static partial void TrackerEvicted(ILogger logger, int count);

    [LoggerMessage(TrackerSourceFailedId, LogLevel.Error, "The news source observed by the entity tracker failed", EventName = "TrackerSourceFailed")]
    public static partial void TrackerSourceFailed(ILogger logger, Exception exception);
}
