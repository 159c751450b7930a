namespace CryptoIntel.Sources.Internal;

/// <summary>One logical call: the operation name, the URI relative to the base address, and what it costs.</summary>
/// <param name="Operation">The operation, e.g. <c>coins.markets</c>; names the span, metrics and cache duration.</param>
/// <param name="RelativeUri">The path and query relative to the base address (or an absolute URI for a second host).</param>
/// <param name="Credits">What the call costs against the monthly quota.</param>
internal readonly record struct SourceRequest(string Operation, string RelativeUri, int Credits = 1)
{
    /// <summary>Gets or initializes the URI that names the call in the cache key when <see cref="RelativeUri"/> carries a
    /// secret (CryptoPanic's <c>auth_token</c> query parameter); <see langword="null"/> uses <see cref="RelativeUri"/>.</summary>
    public string? CacheKeyUri { get; init; }

    /// <summary>Gets the cache key: <c>ci:{provider}:{operation}:{uri}</c>.</summary>
    public string CacheKey(string provider) => $"ci:{provider}:{Operation}:{CacheKeyUri ?? RelativeUri}";
}

/// <summary>Reads a response body into a model. Throws <see cref="System.Text.Json.JsonException"/> for malformed bodies
/// and <see cref="ProviderErrorException"/> for the provider's error envelope.</summary>
internal delegate ValueTask<T> ResponseParser<T>(Stream body, CancellationToken cancellationToken);
