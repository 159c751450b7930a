using System.Globalization;
using System.Net;

namespace CryptoIntel;

/// <summary>
/// The one exception a source client throws when a call fails: it says which provider and operation, why
/// (<see cref="Kind"/>), the HTTP status and the provider's own error code, and when the call may be retried.
/// </summary>
/// <remarks>
/// Messages never contain API keys, query strings or request bodies. <see cref="OperationCanceledException"/>
/// raised by the caller's token is never wrapped.
/// </remarks>
public class SourceRequestException : CryptoIntelException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="provider">The provider, e.g. <c>coingecko</c>.</param>
    /// <param name="operation">The operation, e.g. <c>coins.markets</c>.</param>
    /// <param name="kind">Why the call failed.</param>
    /// <param name="message">A message naming the failure; it must not contain secrets.</param>
    /// <param name="statusCode">The HTTP status, when a response was received.</param>
    /// <param name="errorCode">The provider's error code, when it sent one.</param>
    /// <param name="retryAfter">How long to wait before retrying, when known.</param>
    /// <param name="innerException">The cause.</param>
    public SourceRequestException(
        string provider,
        string operation,
        SourceFailureKind kind,
        string message,
        HttpStatusCode? statusCode = null,
        string? errorCode = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(Format(provider, operation, kind, message, statusCode, errorCode, retryAfter), innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        Provider = provider;
        Operation = operation;
        Kind = kind;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
        ProviderMessage = message;
    }

    /// <summary>Gets the provider, e.g. <c>coingecko</c>.</summary>
    public string Provider { get; }

    /// <summary>Gets the operation, e.g. <c>coins.markets</c>.</summary>
    public string Operation { get; }

    /// <summary>Gets why the call failed.</summary>
    public SourceFailureKind Kind { get; }

    /// <summary>Gets the HTTP status, when a response was received.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the provider's own error code (CoinMarketCap <c>1008</c>, CoinGecko <c>10002</c>, Binance <c>-1003</c>), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets how long to wait before the call may succeed, when known (from <c>Retry-After</c> or the client-side budget).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets the failure description without the provider/operation prefix.</summary>
    public string ProviderMessage { get; }

    /// <summary>Gets a value indicating whether retrying the same call later may succeed.</summary>
    public bool IsTransient => Kind switch
    {
        SourceFailureKind.RateLimited or SourceFailureKind.QuotaExceeded or SourceFailureKind.Timeout
            or SourceFailureKind.Unreachable or SourceFailureKind.CircuitOpen => true,
        SourceFailureKind.HttpError => StatusCode is null || (int)StatusCode >= 500 || StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };

    private static string Format(
        string provider, string operation, SourceFailureKind kind, string message,
        HttpStatusCode? statusCode, string? errorCode, TimeSpan? retryAfter)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{provider} {operation} failed ({kind}");
        if (statusCode is { } status)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", HTTP {(int)status}");
        }

        if (!string.IsNullOrEmpty(errorCode))
        {
            text += ", error code " + errorCode;
        }

        if (retryAfter is { } wait)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", retry after {wait.TotalSeconds:0.###} s");
        }

        return text + "): " + message;
    }
}
