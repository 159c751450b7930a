using Microsoft.Extensions.Logging;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// The log events of the source clients (ids 1000-1099). Templates carry provider, operation, status, kind and
/// duration only: never keys, URLs, query strings or bodies, which can hold secrets (CryptoPanic's auth token).
/// </summary>
internal static partial class Log
{
    public const int RequestFailedId = 1001;
    public const int ServingStaleId = 1002;
    public const int BudgetRefusedId = 1003;
    public const int RequestSucceededId = 1004;
    public const int BudgetDoesNotFitId = 1005;
    public const int WarmupFailedId = 1006;

    [LoggerMessage(RequestFailedId, LogLevel.Warning, "{Provider} {Operation} failed: {Kind}, HTTP {StatusCode}, error code {ErrorCode}, after {DurationMs} ms", EventName = "RequestFailed")]
    public static partial void RequestFailed(ILogger logger, string provider, string operation, SourceFailureKind kind, int? statusCode, string? errorCode, long durationMs);

    [LoggerMessage(ServingStaleId, LogLevel.Warning, "{Provider} {Operation} failed ({Kind}); serving the last good value, {AgeSeconds} s old", EventName = "ServingStale")]
    public static partial void ServingStale(ILogger logger, string provider, string operation, SourceFailureKind kind, long ageSeconds);

    [LoggerMessage(BudgetRefusedId, LogLevel.Information, "{Provider} {Operation} refused by the client-side budget ({Kind}); may run again in {RetryAfterSeconds} s", EventName = "BudgetRefused")]
    public static partial void BudgetRefused(ILogger logger, string provider, string operation, SourceFailureKind kind, double retryAfterSeconds);

    [LoggerMessage(RequestSucceededId, LogLevel.Debug, "{Provider} {Operation} answered HTTP {StatusCode} in {DurationMs} ms", EventName = "RequestSucceeded")]
    public static partial void RequestSucceeded(ILogger logger, string provider, string operation, int statusCode, long durationMs);

    [LoggerMessage(WarmupFailedId, LogLevel.Warning, "Pre-warming {Provider} failed", EventName = "WarmupFailed")]
    public static partial void WarmupFailed(ILogger logger, string provider, Exception exception);
}
