namespace CryptoIntel.Sources.Internal;

/// <summary>
/// Thrown by a response parser when the body is the provider's error envelope (CoinMarketCap's non-zero
/// <c>status.error_code</c> with HTTP 200, Binance's <c>{code,msg}</c>); the caller turns it into a
/// <see cref="SourceRequestException"/> with the provider and operation.
/// </summary>
internal sealed class ProviderErrorException(string? errorCode, string message, SourceFailureKind kind = SourceFailureKind.ProviderError, TimeSpan? retryAfter = null)
    : Exception(message)
{
    public string? ErrorCode { get; } = errorCode;

    public SourceFailureKind Kind { get; } = kind;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
