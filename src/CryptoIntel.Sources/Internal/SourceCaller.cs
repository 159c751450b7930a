using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// The one data path of every source client: cache lookup (HybridCache, one upstream call for concurrent identical
/// requests), the HTTP pipeline (resilience, budget, key header), error mapping to <see cref="SourceRequestException"/>,
/// parsing, stale-on-error, telemetry and health. Clients describe a call (<see cref="SourceRequest"/>) and how
/// to parse it; everything else happens here, once.
/// </summary>
internal sealed class SourceCaller
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly Func<SourceClientOptions> _options;
    private readonly HybridCache _cache;
    private readonly TimeProvider _time;
    private readonly SourcesTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly string[] _tags;

    public SourceCaller(
        string provider,
        IHttpClientFactory httpClientFactory,
        Func<SourceClientOptions> options,
        HybridCache cache,
        TimeProvider time,
        SourcesTelemetry telemetry,
        SourceHealth health,
        ILogger logger)
    {
        Provider = provider;
        _httpClientFactory = httpClientFactory;
        _options = options;
        _cache = cache;
        _time = time;
        _telemetry = telemetry;
        Health = health;
        _logger = logger;
        _tags = [provider];
    }

    public string Provider { get; }

    public SourceHealth Health { get; }

    public TimeProvider Time => _time;

    public static string HttpClientName(string provider) => "CryptoIntel.Sources." + provider;

    public SourceClientOptions Options => _options();

    /// <summary>Gets a model through the cache; on failure serves the last good value when there is one.</summary>
    public async Task<T> GetAsync<T>(SourceRequest request, ResponseParser<T> parse, CancellationToken cancellationToken)
    {
        using var activity = SourcesTelemetry.ActivitySource.StartActivity(Provider + " " + request.Operation, ActivityKind.Client);
        activity?.SetTag("cryptointel.provider", Provider);
        activity?.SetTag("cryptointel.operation", request.Operation);

        var options = _options();
        var ttl = options.GetCacheDuration(request.Operation);
        var key = request.CacheKey(Provider);
        try
        {
            CacheEntry<T> entry;
            var fromCache = false;
            if (ttl <= TimeSpan.Zero)
            {
                entry = await FetchAsync(request, parse, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var fetchedHere = new StrongBox<bool>();
                entry = await Released(_cache.GetOrCreateAsync(
                    key,
                    (Caller: this, Request: request, Parse: parse, Fetched: fetchedHere),
                    static async (state, ct) =>
                    {
                        state.Fetched.Value = true;
                        return await state.Caller.FetchAsync(state.Request, state.Parse, ct).ConfigureAwait(false);
                    },
                    EntryOptions(ttl),
                    _tags,
                    CancellationToken.None), cancellationToken).ConfigureAwait(false);
                var fetched = fetchedHere.Value;

                // The cache's own clock is the machine's; expiry is judged on the injected TimeProvider so that it
                // is exact, and testable in virtual time.
                if (_time.GetUtcNow() - entry.FetchedAt >= ttl)
                {
                    entry = await Released(_cache.GetOrCreateAsync(
                        key,
                        (Caller: this, Request: request, Parse: parse),
                        static (state, ct) => new ValueTask<CacheEntry<T>>(state.Caller.FetchAsync(state.Request, state.Parse, ct)),
                        EntryOptions(ttl, HybridCacheEntryFlags.DisableLocalCacheRead | HybridCacheEntryFlags.DisableDistributedCacheRead),
                        _tags,
                        CancellationToken.None), cancellationToken).ConfigureAwait(false);
                    fetched = true;
                }

                fromCache = !fetched;
                _telemetry.Cache(Provider, request.Operation, fromCache ? "hit" : "miss");
            }

            if (options.StaleDuration > TimeSpan.Zero && !fromCache)
            {
                await _cache.SetAsync(key + ":last-good", entry, EntryOptions(options.StaleDuration), _tags, CancellationToken.None).ConfigureAwait(false);
            }

            Report(request, entry, fromCache, stale: false);
            return entry.Value;
        }
        catch (SourceRequestException failure) when (options.StaleDuration > TimeSpan.Zero)
        {
            var lastGood = await _cache.GetOrCreateAsync<CacheEntry<T>?>(
                key + ":last-good",
                static _ => ValueTask.FromResult<CacheEntry<T>?>(null),
                new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            if (lastGood is null || now - lastGood.FetchedAt > options.StaleDuration)
            {
                activity?.SetStatus(ActivityStatusCode.Error, failure.Kind.ToString());
                throw;
            }

            Log.ServingStale(_logger, Provider, request.Operation, failure.Kind, (long)(now - lastGood.FetchedAt).TotalSeconds);
            _telemetry.Cache(Provider, request.Operation, "stale");
            Health.Failed(failure, servedStale: true);
            activity?.SetTag("cryptointel.stale", true);
            Report(request, lastGood, fromCache: true, stale: true);
            return lastGood.Value;
        }
        catch (SourceRequestException failure)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failure.Kind.ToString());
            throw;
        }
    }

    /// <summary>Streams a model from the network without caching (for paged or very large answers).</summary>
    public async Task<CacheEntry<T>> FetchAsync<T>(SourceRequest request, ResponseParser<T> parse, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName(Provider));
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RelativeUri, UriKind.RelativeOrAbsolute));
        message.Options.Set(SourceHeaders.Credits, request.Credits);
        var started = _time.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await HttpFailureAsync(request, response, cancellationToken).ConfigureAwait(false);
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                throw Failure(request, SourceFailureKind.InvalidResponse, "an HTML page instead of JSON (often a CDN or firewall block)", response.StatusCode);
            }

            T value;
            var body = new TrackingReadStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            await using (body.ConfigureAwait(false))
            {
                try
                {
                    value = await parse(body, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException error) when (error.LineNumber is { } line && body.IsAtEnd(line, error.BytePositionInLine ?? 0))
                {
                    throw Failure(request, SourceFailureKind.InvalidResponse,
                        string.Create(CultureInfo.InvariantCulture, $"a truncated body (it ends after {body.TotalBytes} bytes inside {error.Path ?? "$"})"), innerException: error);
                }
            }

            var elapsed = _time.GetElapsedTime(started);
            _telemetry.Request(Provider, request.Operation, "success", elapsed);
            Log.RequestSucceeded(_logger, Provider, request.Operation, (int)response.StatusCode, (long)elapsed.TotalMilliseconds);
            var now = _time.GetUtcNow();
            Health.Succeeded(now);
            return new CacheEntry<T>(value, now);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SourceRequestException failure)
        {
            throw Fail(request, failure, started);
        }
        catch (ProviderErrorException error)
        {
            // Not chained as the inner exception: its message is the provider's unredacted text (which may echo the
            // key), and everything it carries is already in the redacted failure.
            throw Fail(request, Failure(request, error.Kind, Redact(error.Message), null, error.ErrorCode, error.RetryAfter), started);
        }
        catch (JsonException error)
        {
            throw Fail(request, Failure(request, SourceFailureKind.InvalidResponse, DescribeJsonError(error), innerException: error), started);
        }
        catch (TimeoutRejectedException error)
        {
            throw Fail(request, Failure(request, SourceFailureKind.Timeout, $"no answer within {error.Timeout.TotalSeconds:0.###} s", innerException: error), started);
        }
        catch (BrokenCircuitException error)
        {
            throw Fail(request, Failure(request, SourceFailureKind.CircuitOpen, "the circuit breaker is open after repeated failures", innerException: error), started);
        }
        catch (HttpRequestException error)
        {
            throw Fail(request, Failure(request, SourceFailureKind.Unreachable, $"the provider could not be reached ({error.HttpRequestError})", innerException: error), started);
        }
        catch (OperationCanceledException error)
        {
            throw Fail(request, Failure(request, SourceFailureKind.Timeout, "the request timed out", innerException: error), started);
        }
        catch (Exception error) when (error is FormatException or OverflowException or InvalidOperationException or IOException or System.Xml.XmlException)
        {
            throw Fail(request, Failure(request, SourceFailureKind.InvalidResponse, "the body could not be read: " + error.Message, innerException: error), started);
        }
    }

    /// <summary>
    /// Lets the caller go the moment its own token is cancelled. The shared fetch is started without any caller's
    /// token: it serves every caller of the key, spends a budget credit that should not be wasted, and is bounded by
    /// the total timeout; passing callers' tokens into HybridCache's shared cancellation was seen to hang a
    /// <c>CancellationTokenSource.Cancel</c> that raced with the fetch. A completed lookup, the cache-hit path, costs
    /// nothing extra.
    /// </summary>
    private static ValueTask<TValue> Released<TValue>(ValueTask<TValue> lookup, CancellationToken cancellationToken) =>
        lookup.IsCompleted || !cancellationToken.CanBeCanceled
            ? lookup
            : new ValueTask<TValue>(lookup.AsTask().WaitAsync(cancellationToken));

    private static HybridCacheEntryOptions EntryOptions(TimeSpan ttl, HybridCacheEntryFlags flags = HybridCacheEntryFlags.None) =>
        new() { Expiration = ttl, LocalCacheExpiration = ttl, Flags = flags };

    private static string DescribeJsonError(JsonException error)
    {
        if (error.LineNumber is null && error.Path is null)
        {
            return error.Message; // raised by our own parsers, written to be read
        }

        var where = error.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var position = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : string.Empty;
        var message = error.Message;
        var cause = error.InnerException is FormatException or OverflowException || message.Contains("out of the range", StringComparison.Ordinal)
            ? "a value out of range or of the wrong type"
            : message.Contains("does not contain any JSON tokens", StringComparison.Ordinal)
                ? "an empty body"
                : message.Contains("open JSON object or array", StringComparison.Ordinal) || message.Contains("end of data", StringComparison.OrdinalIgnoreCase)
                    ? "a truncated body"
                    : message.Contains("could not be converted", StringComparison.Ordinal)
                        ? "a value of the wrong type"
                        : "malformed JSON";
        return cause + where + position;
    }

    private void Report<T>(SourceRequest request, CacheEntry<T> entry, bool fromCache, bool stale) =>
        SourceFreshness.Report(new SourceDataAge(Provider, request.Operation, entry.FetchedAt, _time.GetUtcNow() - entry.FetchedAt, fromCache, stale));

    private SourceRequestException Fail(SourceRequest request, SourceRequestException failure, long started)
    {
        var elapsed = _time.GetElapsedTime(started);
        _telemetry.Request(Provider, request.Operation, Outcome(failure.Kind), elapsed);
        if (failure.Kind == SourceFailureKind.QuotaExceeded)
        {
            Log.BudgetRefused(_logger, Provider, request.Operation, failure.Kind, failure.RetryAfter?.TotalSeconds ?? 0);
        }
        else
        {
            Log.RequestFailed(_logger, Provider, request.Operation, failure.Kind, (int?)failure.StatusCode, failure.ErrorCode, (long)elapsed.TotalMilliseconds);
            Health.Failed(failure, servedStale: false);
        }

        return failure;
    }

    private async Task<SourceRequestException> HttpFailureAsync(SourceRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var retryAfter = RetryAfter(response);
        if (response.Headers.Contains(SourceHeaders.BudgetRefused))
        {
            var window = response.Headers.GetValues(SourceHeaders.BudgetRefused).FirstOrDefault();
            return Failure(request, SourceFailureKind.QuotaExceeded,
                window == "month" ? "the monthly quota is spent; nothing was sent" : "the per-minute rate is reached; nothing was sent",
                retryAfter: retryAfter);
        }

        var body = await ReadPrefixAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var (code, message) = ErrorBodyReader.Read(body, response.Content.Headers.ContentType?.MediaType);
        var status = response.StatusCode;
        var kind = status is HttpStatusCode.TooManyRequests or (HttpStatusCode)418 ? SourceFailureKind.RateLimited : SourceFailureKind.HttpError;
        return Failure(request, kind, Redact(message), status, code, retryAfter);
    }

    private static async Task<byte[]> ReadPrefixAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBodyBytes);
            try
            {
                var total = 0;
                int read;
                while (total < MaxErrorBodyBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, MaxErrorBodyBytes - total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return buffer.AsSpan(0, total).ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        return header.Date is { } date ? (date - _time.GetUtcNow()) is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero : null;
    }

    private SourceRequestException Failure(
        SourceRequest request, SourceFailureKind kind, string message, HttpStatusCode? status = null,
        string? code = null, TimeSpan? retryAfter = null, Exception? innerException = null) =>
        new(Provider, request.Operation, kind, message, status, code, retryAfter, innerException);

    // A provider may echo the key in its error text; it must never reach an exception message or a log.
    private string Redact(string message)
    {
        var key = _options().ApiKey;
        return string.IsNullOrEmpty(key) || key.Length < 4 ? message : message.Replace(key, "***", StringComparison.Ordinal);
    }

    private static string Outcome(SourceFailureKind kind) => kind switch
    {
        SourceFailureKind.HttpError => "http_error",
        SourceFailureKind.ProviderError => "provider_error",
        SourceFailureKind.RateLimited => "rate_limited",
        SourceFailureKind.QuotaExceeded => "quota_exceeded",
        SourceFailureKind.InvalidResponse => "invalid_response",
        SourceFailureKind.Timeout => "timeout",
        SourceFailureKind.Unreachable => "unreachable",
        SourceFailureKind.CircuitOpen => "circuit_open",
        _ => "error",
    };
}
