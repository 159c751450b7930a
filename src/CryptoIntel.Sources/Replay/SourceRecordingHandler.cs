using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace CryptoIntel.Sources.Replay;

/// <summary>
/// Records every exchange that passes through it to a directory (one JSON file per exchange), so that a live
/// session can be replayed offline by <see cref="SourceReplayHandler"/>. API-key headers are never written and
/// secret query parameters (<c>auth_token</c>, <c>apikey</c>, ...) are removed.
/// </summary>
public sealed partial class SourceRecordingHandler : DelegatingHandler
{
    private static readonly HashSet<string> KeptHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Retry-After", "Date", "Last-Modified", "ETag", "X-MBX-USED-WEIGHT-1M",
    };

    private readonly string _directory;
    private readonly Lock _lock = new();

    /// <summary>Creates a handler that records into <paramref name="directory"/> (created when missing).</summary>
    /// <param name="directory">The directory.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    public SourceRecordingHandler(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
    }

    /// <summary>Gets or initializes the provider's configured key, replaced by <c>REDACTED</c> wherever a body echoes it.</summary>
    internal Func<string?>? Secret { get; init; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var uri = request.RequestUri!;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (KeptHeaders.Contains(header.Key))
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        var exchange = new RecordedExchange
        {
            Method = request.Method.Method,
            Path = uri.AbsolutePath,
            Query = ExchangeKey.CanonicalQuery(uri.Query),
            Status = (int)response.StatusCode,
            Headers = headers,
        };
        exchange = WithBody(exchange, RedactSecrets(bytes, Secret?.Invoke()));
        Write(exchange);

        // The body was read to record it: hand the caller an equivalent, rewindable one.
        var content = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = content;
        return response;
    }

    internal static RecordedExchange WithBody(RecordedExchange exchange, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return exchange;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return exchange with { Body = document.RootElement.Clone() };
        }
        catch (JsonException)
        {
            try
            {
                return exchange with { BodyText = new UTF8Encoding(false, true).GetString(bytes) };
            }
            catch (DecoderFallbackException)
            {
                return exchange with { BodyBase64 = Convert.ToBase64String(bytes) };
            }
        }
    }

    /// <summary>
    /// Replaces the values of secret query parameters inside URLs in a body (CryptoPanic's <c>next</c> links echo the
    /// caller's <c>auth_token</c>) with <c>REDACTED</c>, so that a recording never holds a key.
    /// </summary>
    internal static byte[] RedactSecrets(byte[] bytes, string? secret = null)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return bytes;
        }

        var redacted = SecretInUrl().Replace(text, "${name}REDACTED");
        if (secret is { Length: >= 4 })
        {
            redacted = redacted.Replace(secret, "REDACTED", StringComparison.Ordinal);
        }

        return ReferenceEquals(redacted, text) || redacted == text ? bytes : Encoding.UTF8.GetBytes(redacted);
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"(?<name>(?:[?&]|\\u0026|&amp;)(?:auth_token|apikey|api_key|key|x_cg_demo_api_key|x_cg_pro_api_key|cmc_pro_api_key|token)=)[^&""'\s<>\\]*",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SecretInUrl();

    private void Write(RecordedExchange exchange)
    {
        var key = ExchangeKey.Of(exchange.Method, exchange.Path, exchange.Query);
        var hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(key)).ToString("x8", CultureInfo.InvariantCulture);
        var stem = Path.Combine(_directory, ExchangeKey.FileStem(exchange.Path) + "__" + hash);
        lock (_lock)
        {
            Directory.CreateDirectory(_directory);
            // Numbered from 001 so that file-name order is recording order (replay serves them in that order).
            string path;
            var n = 1;
            do
            {
                path = string.Create(CultureInfo.InvariantCulture, $"{stem}.{n++:000}.json");
            }
            while (File.Exists(path));

            File.WriteAllText(path, JsonSerializer.Serialize(exchange, ReplayJsonContext.Default.RecordedExchange));
        }
    }
}
