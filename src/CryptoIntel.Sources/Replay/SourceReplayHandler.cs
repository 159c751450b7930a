using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CryptoIntel.Sources.Replay;

/// <summary>
/// Answers requests from exchanges recorded by <see cref="SourceRecordingHandler"/> (or written by hand in the same
/// format), without touching the network. Requests match on method, path and query (parameters in any order, secret
/// parameters ignored). Several recordings of the same request are served in file-name order, the last one
/// repeating, which scripts sequences such as "503, then 200". A request with no recording gets a 404 whose body
/// says so.
/// </summary>
public sealed class SourceReplayHandler : HttpMessageHandler
{
    private readonly Lazy<Dictionary<string, RecordedExchange[]>> _recordings;
    private readonly ConcurrentDictionary<string, int> _served = new(StringComparer.Ordinal);

    /// <summary>Creates a handler that replays the recordings in <paramref name="directory"/> and its subdirectories.</summary>
    /// <param name="directory">The directory; read on first use.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    public SourceReplayHandler(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
        _recordings = new Lazy<Dictionary<string, RecordedExchange[]>>(Load);
    }

    /// <summary>Gets the directory the recordings are read from.</summary>
    public string Directory { get; }

    /// <summary>Gets how many requests were answered from a recording.</summary>
    public int Hits => _served.Values.Sum();

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = ExchangeKey.Of(request);
        if (!_recordings.Value.TryGetValue(key, out var exchanges))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                ReasonPhrase = "No recorded exchange",
                Content = new StringContent($"{{\"error\":\"no recorded exchange for {JsonEncodedText.Encode(key)} in the replay directory\"}}", Encoding.UTF8, "application/json"),
            });
        }

        var index = _served.AddOrUpdate(key, 1, static (_, n) => n + 1) - 1;
        return Task.FromResult(ToResponse(exchanges[Math.Min(index, exchanges.Length - 1)], request));
    }

    private static HttpResponseMessage ToResponse(RecordedExchange exchange, HttpRequestMessage request)
    {
        byte[] body = exchange.Body is { } json ? Encoding.UTF8.GetBytes(json.GetRawText())
            : exchange.BodyText is { } text ? Encoding.UTF8.GetBytes(text)
            : exchange.BodyBase64 is { } base64 ? Convert.FromBase64String(base64)
            : [];
        var response = new HttpResponseMessage((HttpStatusCode)exchange.Status) { RequestMessage = request, Content = new ByteArrayContent(body) };
        foreach (var (name, value) in exchange.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (response.Content.Headers.ContentType is null && exchange.Body is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return response;
    }

    private Dictionary<string, RecordedExchange[]> Load()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new DirectoryNotFoundException($"The replay directory '{Directory}' does not exist.");
        }

        var result = new Dictionary<string, List<RecordedExchange>>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            RecordedExchange? exchange;
            try
            {
                exchange = JsonSerializer.Deserialize(File.ReadAllBytes(file), ReplayJsonContext.Default.RecordedExchange);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The recording '{file}' is not a valid exchange: {e.Message}"), e);
            }

            if (exchange is null)
            {
                continue;
            }

            var key = ExchangeKey.Of(exchange.Method, exchange.Path, ExchangeKey.CanonicalQuery(exchange.Query));
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }

            list.Add(exchange);
        }

        return result.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
