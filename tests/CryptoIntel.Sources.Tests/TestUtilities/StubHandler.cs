using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CryptoIntel.Sources.Tests.TestUtilities;

/// <summary>
/// The primary handler of a client under test: records every request that reaches the network and answers with
/// scripted responses (in order, the last repeating) or a function.
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, Task<HttpResponseMessage>>> _script = new();
    private Func<HttpRequestMessage, Task<HttpResponseMessage>>? _last;

    public ConcurrentQueue<SentRequest> Requests { get; } = new();

    public int Count => Requests.Count;

    /// <summary>Waits (in real time, bounded) until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForCountAsync(int count)
    {
        for (var i = 0; i < 500 && Count < count; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken).ConfigureAwait(false);
        }

        Assert.True(Count >= count, $"expected {count} requests, saw {Count}");
    }

    public StubHandler Respond(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public StubHandler Respond(HttpStatusCode status, string body, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        Respond(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public StubHandler RespondJson(string body) => Respond(HttpStatusCode.OK, body);

    public StubHandler RespondFile(string relativePath) => RespondJson(Fixture.Read(relativePath));

    public StubHandler Throw(Exception exception) => Respond(_ => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers; honours the request's cancellation like a real handler.</summary>
    public StubHandler Hang() => Respond((Func<HttpRequestMessage, Task<HttpResponseMessage>>)(_ => throw new InvalidOperationException()), hang: true);

    private StubHandler Respond(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond, bool hang)
    {
        _script.Enqueue(hang ? HangMarker : respond);
        return this;
    }

    private static readonly Func<HttpRequestMessage, Task<HttpResponseMessage>> HangMarker = _ => Task.FromResult<HttpResponseMessage>(null!);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(new SentRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }

        var respond = _last ?? throw new InvalidOperationException("The stub has no scripted response.");
        if (ReferenceEquals(respond, HangMarker))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        var response = await respond(request).ConfigureAwait(false);
        response.RequestMessage ??= request;
        return response;
    }
}

public sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers)
{
    public string PathAndQuery => Uri.PathAndQuery;
}
