namespace CryptoIntel;

/// <summary>Why a call to a data source failed; the distinctions callers act on differently.</summary>
public enum SourceFailureKind
{
    /// <summary>The provider answered with an HTTP error status (401, 403, 404, 5xx, ...).</summary>
    HttpError = 0,

    /// <summary>The provider answered with an error in the body, possibly with HTTP 200 (CoinMarketCap <c>status.error_code</c>, Binance <c>code</c>).</summary>
    ProviderError = 1,

    /// <summary>The provider limited us (HTTP 429 or 418, or a rate-limit error code). <see cref="SourceRequestException.RetryAfter"/> says when to retry.</summary>
    RateLimited = 2,

    /// <summary>The client-side budget (per-minute rate or monthly quota) refused the call before it was sent; nothing reached the provider. <see cref="SourceRequestException.RetryAfter"/> says when it may run.</summary>
    QuotaExceeded = 3,

    /// <summary>The body could not be read as the expected shape: malformed or truncated JSON, an HTML page, an empty body, a value out of range.</summary>
    InvalidResponse = 4,

    /// <summary>The call timed out (attempt or total timeout).</summary>
    Timeout = 5,

    /// <summary>The provider could not be reached (DNS, connection refused or reset).</summary>
    Unreachable = 6,

    /// <summary>The circuit breaker is open after repeated failures; the call was not sent.</summary>
    CircuitOpen = 7,
}
