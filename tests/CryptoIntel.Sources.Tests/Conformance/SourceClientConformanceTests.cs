using System.Net;
using CryptoIntel.Sources.Tests.TestUtilities;

namespace CryptoIntel.Sources.Tests.Conformance;

/// <summary>
/// What every source client must do, whatever the provider: send the key in a header and never in the URL or logs,
/// map every failure to a typed <see cref="SourceRequestException"/>, respect the client-side budget, let the
/// caller's cancellation through unwrapped, and cache. A provider's test class derives from this and says how to
/// register the client, make one representative call, and what a good body looks like.
/// </summary>
public abstract class SourceClientConformanceTests<TClient>
    where TClient : class
{
    protected const string TestKey = "conformance-key-0123456789";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The provider name (options section, metrics, logs).</summary>
    protected abstract string Provider { get; }

    /// <summary>The header that carries the key, or null for a key-less provider.</summary>
    protected abstract string? KeyHeader { get; }

    /// <summary>A body the representative call parses successfully.</summary>
    protected abstract string GoodBody { get; }

    /// <summary>The media type <see cref="GoodBody"/> is served with (RSS clients serve XML).</summary>
    protected virtual string GoodBodyMediaType => "application/json";

    /// <summary>Registers the client; <paramref name="configure"/> must be applied to its options.</summary>
    protected abstract ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure);

    /// <summary>Makes the representative call (one request, cacheable).</summary>
    protected abstract Task InvokeAsync(TClient client, CancellationToken cancellationToken);

    protected SourceTestHost Host(Action<SourceClientOptions>? configure = null) =>
        SourceTestHost.Create(b => Add(b, o =>
        {
            o.ApiKey = TestKey; // a key-less provider must not leak a configured key either
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    private Task Call(SourceTestHost host, CancellationToken? token = null) => InvokeAsync(host.Get<TClient>(), token ?? Ct);

    [Fact]
    public async Task Conformance_GoodBody_SendsKeyInHeaderOnly()
    {
        await using var host = Host();
        host.Stub.Respond(HttpStatusCode.OK, GoodBody, GoodBodyMediaType);

        await Call(host);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.DoesNotContain(TestKey, sent.Uri.AbsoluteUri, StringComparison.Ordinal);
        if (KeyHeader is not null)
        {
            Assert.Equal(TestKey, sent.Headers[KeyHeader]);
        }

        Assert.DoesNotContain(TestKey, host.AllLogText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "<!DOCTYPE html><html><title>Just a moment...</title></html>", "text/html", SourceFailureKind.InvalidResponse)]
    [InlineData(HttpStatusCode.OK, "", "application/json", SourceFailureKind.InvalidResponse)]
    [InlineData(HttpStatusCode.OK, "{\"x\":[1,2", "application/json", SourceFailureKind.InvalidResponse)]
    [InlineData(HttpStatusCode.Unauthorized, "{\"error\":\"conformance-key-0123456789 is not a valid key\"}", "application/json", SourceFailureKind.HttpError)]
    [InlineData(HttpStatusCode.Forbidden, "<html>denied</html>", "text/html", SourceFailureKind.HttpError)]
    [InlineData(HttpStatusCode.NotFound, "{\"message\":\"not found\"}", "application/json", SourceFailureKind.HttpError)]
    [InlineData(HttpStatusCode.TooManyRequests, "{\"message\":\"slow down\"}", "application/json", SourceFailureKind.RateLimited)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "upstream down", "text/plain", SourceFailureKind.HttpError)]
    public async Task Conformance_BadAnswer_ThrowsTypedErrorWithoutKey(HttpStatusCode status, string body, string mediaType, SourceFailureKind kind)
    {
        await using var host = Host();
        host.Stub.Respond(status, body, mediaType, r => r.Headers.TryAddWithoutValidation("Retry-After", "7"));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Call(host));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(Provider, error.Provider);
        if (status != HttpStatusCode.OK)
        {
            Assert.Equal(status, error.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        }

        Assert.DoesNotContain(TestKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestKey, host.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_Unreachable_ThrowsUnreachable()
    {
        await using var host = Host();
        host.Stub.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Call(host));

        Assert.Equal(SourceFailureKind.Unreachable, error.Kind);
    }

    [Fact]
    public async Task Conformance_BudgetSpent_RefusesWithoutSending()
    {
        await using var host = Host(o =>
        {
            o.RequestsPerMinute = 1;
            o.WaitForRateLimit = false;
            o.DefaultCacheDuration = TimeSpan.Zero;
            o.CacheDurations.Clear();
        });
        host.Stub.Respond(HttpStatusCode.OK, GoodBody, GoodBodyMediaType);

        await Call(host);
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Call(host));

        Assert.Equal(SourceFailureKind.QuotaExceeded, error.Kind);
        Assert.NotNull(error.RetryAfter);
        Assert.Equal(1, host.Stub.Count);
    }

    [Fact]
    public async Task Conformance_CallerCancels_OperationCanceledIsNotWrapped()
    {
        await using var host = Host(o =>
        {
            o.DefaultCacheDuration = TimeSpan.Zero;
            o.CacheDurations.Clear();
        });
        host.Stub.Hang();
        using var cts = new CancellationTokenSource();

        var call = Call(host, cts.Token);
        await host.Stub.WaitForCountAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Conformance_SameCallTwice_SecondIsServedFromCache()
    {
        await using var host = Host(o => o.DefaultCacheDuration = TimeSpan.FromMinutes(1));
        host.Stub.Respond(HttpStatusCode.OK, GoodBody, GoodBodyMediaType);

        await Call(host);
        await Call(host);

        Assert.Equal(1, host.Stub.Count);
    }
}
