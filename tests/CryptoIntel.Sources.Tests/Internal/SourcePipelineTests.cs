using System.Net;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Tests.Internal;

/// <summary>The shared data path (errors, cache, stale-on-error, budget, retries, keys), exercised through CoinGecko.</summary>
public class SourcePipelineTests
{
    private const string Key = "secret-key-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host(Action<CoinGeckoClientOptions>? configure = null) =>
        SourceTestHost.Create(b => b.AddCoinGecko(o =>
        {
            o.ApiKey = Key;
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    private static Task<GlobalMarket> Global(SourceTestHost host) => host.Get<CoinGeckoClient>().GetGlobalAsync(Ct);

    [Theory(Timeout = 20000)]
    [InlineData("<html><head><title>Attention Required! | Cloudflare</title></head><body>blocked</body></html>", "text/html", "HTML page")]
    [InlineData("{\"data\":{\"active_cryptocurrencies\":17321,\"markets\":12", "application/json", "truncated")]
    [InlineData("", "application/json", "empty body")]
    [InlineData("{\"data\": {\"markets\": 1,}}", "application/json", "malformed JSON")]
    [InlineData("{\"data\":{\"active_cryptocurrencies\":\"many\"}}", "application/json", "active_cryptocurrencies")]
    [InlineData("{\"data\":{\"total_market_cap\":{\"usd\":1e40}}}", "application/json", "out of range")]
    [InlineData("null", "application/json", "literal null")]
    public async Task Call_BadBody_ThrowsInvalidResponse(string body, string mediaType, string expected)
    {
        await using var host = Host();
        host.Stub.Respond(HttpStatusCode.OK, body, mediaType);

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Global(host));

        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
        Assert.Equal("coingecko", error.Provider);
        Assert.Equal("global", error.Operation);
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory(Timeout = 20000)]
    [InlineData(HttpStatusCode.Unauthorized, "{\"status\":{\"error_code\":10002,\"error_message\":\"Invalid API key secret-key-0123456789\"}}", SourceFailureKind.HttpError, "10002")]
    [InlineData(HttpStatusCode.NotFound, "{\"error\":\"coin not found\"}", SourceFailureKind.HttpError, null)]
    [InlineData(HttpStatusCode.InternalServerError, "<html>oops</html>", SourceFailureKind.HttpError, null)]
    [InlineData(HttpStatusCode.TooManyRequests, "{\"status\":{\"error_code\":429,\"error_message\":\"You've exceeded the Rate Limit.\"}}", SourceFailureKind.RateLimited, "429")]
    public async Task Call_ErrorStatus_ThrowsTypedErrorWithoutTheKey(HttpStatusCode status, string body, SourceFailureKind kind, string? code)
    {
        await using var host = Host();
        host.Stub.Respond(status, body, configure: r => r.Headers.TryAddWithoutValidation("Retry-After", "119"));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Global(host));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(119), error.RetryAfter);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, host.AllLogText(), StringComparison.Ordinal);
        Assert.NotEmpty(host.Logs.GetSnapshot());
    }

    [Fact(Timeout = 20000)]
    public async Task Call_ConnectionRefused_ThrowsUnreachable()
    {
        await using var host = Host();
        host.Stub.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Global(host));

        Assert.Equal(SourceFailureKind.Unreachable, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact(Timeout = 20000)]
    public async Task Call_NoAnswerWithinAttemptTimeout_ThrowsTimeout()
    {
        await using var host = Host(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.TotalTimeout = TimeSpan.FromSeconds(10);
        });
        host.Stub.Hang();

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.RunAsync(Global(host), TimeSpan.FromMilliseconds(500)));

        Assert.Equal(SourceFailureKind.Timeout, error.Kind);
    }

    [Fact(Timeout = 20000)]
    public async Task Call_CallerCancels_OperationCanceledIsNotWrappedAndCallerIsReleasedAtOnce()
    {
        await using var host = Host();
        var upstream = new TaskCompletionSource();
        host.Stub.Respond(async _ =>
        {
            await upstream.Task;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Fixture.Read("coingecko/global.json")) };
        });
        using var cts = new CancellationTokenSource();

        var call = host.Get<CoinGeckoClient>().GetGlobalAsync(cts.Token);
        await host.Stub.WaitForCountAsync(1);
        await cts.CancelAsync();

        Assert.True(await Task.WhenAny(call, Task.Delay(5000, Ct)) == call, "the caller was not released");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The shared fetch goes on for other callers (its credit is spent) and fills the cache.
        upstream.SetResult();
        var global = await host.Get<CoinGeckoClient>().GetGlobalAsync(Ct);
        Assert.Equal(17321, global.ActiveCryptocurrencies);
        Assert.Equal(1, host.Stub.Count);
    }

    [Fact(Timeout = 20000)]
    public async Task Call_Transient503ThenOk_RetriesAfterBackoffInVirtualTime()
    {
        await using var host = Host(o => o.MaxRetryAttempts = 2);
        host.Stub.Respond(HttpStatusCode.ServiceUnavailable, "{}").RespondFile("coingecko/global.json");

        var global = await host.RunAsync(Global(host), TimeSpan.FromSeconds(1));

        Assert.Equal(17321, global.ActiveCryptocurrencies);
        Assert.Equal(2, host.Stub.Count);
    }

    [Fact(Timeout = 20000)]
    public async Task Call_429WithRetryAfter_WaitsThatLongBeforeRetrying()
    {
        await using var host = Host(o => o.MaxRetryAttempts = 1);
        host.Stub.Respond(HttpStatusCode.TooManyRequests, "{}", configure: r => r.Headers.TryAddWithoutValidation("Retry-After", "30"))
            .RespondFile("coingecko/global.json");

        var call = Global(host);
        await host.Stub.WaitForCountAsync(1);
        await Task.Delay(50, Ct); // let the retry strategy schedule its delay
        host.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100, Ct);
        Assert.Equal(1, host.Stub.Count);

        var global = await host.RunAsync(call, TimeSpan.FromSeconds(1));
        Assert.Equal(2, host.Stub.Count);
        Assert.Equal(17321, global.ActiveCryptocurrencies);
    }

    [Fact(Timeout = 20000)]
    public async Task Cache_SecondCallWithinTtl_DoesNotCallUpstreamAndExpiresOnVirtualTime()
    {
        await using var host = Host(o => o.CacheDurations["global"] = TimeSpan.FromMinutes(5));
        host.Stub.RespondFile("coingecko/global.json");

        using (var freshness = SourceFreshness.Track())
        {
            await Global(host);
            host.Time.Advance(TimeSpan.FromMinutes(4));
            await Global(host);
            Assert.Equal(1, host.Stub.Count);
            Assert.Equal([false, true], freshness.Calls.Select(c => c.FromCache));
            Assert.Equal(TimeSpan.FromMinutes(4), freshness.Calls[1].Age);
        }

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Global(host);
        Assert.Equal(2, host.Stub.Count);
    }

    [Fact(Timeout = 20000)]
    public async Task Cache_ThousandConcurrentIdenticalCalls_MakeOneUpstreamCall()
    {
        await using var host = Host();
        var release = new TaskCompletionSource();
        host.Stub.Respond(async _ =>
        {
            await release.Task;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Fixture.Read("coingecko/global.json")) };
        });
        var client = host.Get<CoinGeckoClient>();

        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => client.GetGlobalAsync(Ct), Ct)).ToArray();
        await Task.Delay(100, Ct);
        release.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, host.Stub.Count);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact(Timeout = 20000)]
    public async Task StaleOnError_UpstreamFails_ServesLastGoodValueWithItsAge()
    {
        await using var host = Host(o => o.StaleDuration = TimeSpan.FromHours(1));
        host.Stub.RespondFile("coingecko/global.json").Respond(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");

        var first = await Global(host);
        host.Time.Advance(TimeSpan.FromMinutes(20));
        using var freshness = SourceFreshness.Track();
        var second = await Global(host);

        Assert.Equal(first, second);
        Assert.Equal(2, host.Stub.Count);
        var call = Assert.Single(freshness.Calls);
        Assert.True(call.IsStale);
        Assert.True(freshness.AnyStale);
        Assert.Equal(TimeSpan.FromMinutes(20), call.Age);
        Assert.Contains("serving the last good value", host.AllLogText(), StringComparison.Ordinal);
        var health = await host.CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, health.Entries["cryptointel-source-coingecko"].Status);

        host.Time.Advance(TimeSpan.FromHours(1));
        await Assert.ThrowsAsync<SourceRequestException>(() => Global(host));
    }

    [Fact(Timeout = 20000)]
    public async Task Budget_PerMinuteRateReached_FailsFastWithoutSendingAndFreesUpInVirtualTime()
    {
        await using var host = Host(o =>
        {
            o.RequestsPerMinute = 2;
            o.WaitForRateLimit = false;
            o.CacheDurations["global"] = TimeSpan.Zero;
        });
        host.Stub.RespondFile("coingecko/global.json");

        await Global(host);
        host.Time.Advance(TimeSpan.FromSeconds(10));
        await Global(host);
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Global(host));

        Assert.Equal(SourceFailureKind.QuotaExceeded, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(50), error.RetryAfter);
        Assert.Equal(2, host.Stub.Count);

        host.Time.Advance(TimeSpan.FromSeconds(50));
        await Global(host);
        Assert.Equal(3, host.Stub.Count);
        var health = await host.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact(Timeout = 20000)]
    public async Task Budget_PerMinuteRateReached_WaitsForPermitThroughRetry()
    {
        await using var host = Host(o =>
        {
            o.RequestsPerMinute = 1;
            o.MaxRetryAttempts = 3;
            o.CacheDurations["global"] = TimeSpan.Zero;
        });
        host.Stub.RespondFile("coingecko/global.json");

        await Global(host);
        var second = await host.RunAsync(Global(host), TimeSpan.FromSeconds(5));

        Assert.Equal(17321, second.ActiveCryptocurrencies);
        Assert.Equal(2, host.Stub.Count);
        Assert.True(host.Time.GetUtcNow() - SourceTestHost.Start >= TimeSpan.FromMinutes(1));
    }

    [Fact(Timeout = 20000)]
    public async Task Budget_MonthlyQuotaSpent_RefusesUntilNextCalendarMonth()
    {
        await using var host = SourceTestHost.Create(
            b => b.AddCoinGecko(o =>
            {
                o.MonthlyQuota = 2;
                o.RequestsPerMinute = 0;
                o.StaleDuration = TimeSpan.Zero;
                o.MaxRetryAttempts = 3;
                o.CacheDurations["global"] = TimeSpan.Zero;
            }),
            start: new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
        host.Stub.RespondFile("coingecko/global.json");

        await Global(host);
        await Global(host);
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Global(host));

        Assert.Equal(SourceFailureKind.QuotaExceeded, error.Kind);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Contains("monthly quota", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Stub.Count);

        host.Time.Advance(TimeSpan.FromHours(1));
        await Global(host);
        Assert.Equal(3, host.Stub.Count);
    }

    [Fact(Timeout = 20000)]
    public async Task Budget_QuotaStateDirectory_SurvivesRestart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ci-quota-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (var run = 0; run < 2; run++)
            {
                await using var host = SourceTestHost.Create(
                    b => b.AddCoinGecko(o =>
                    {
                        o.MonthlyQuota = 3;
                        o.StaleDuration = TimeSpan.Zero;
                        o.CacheDurations["global"] = TimeSpan.Zero;
                        o.MaxRetryAttempts = 0;
                    }),
                    s => s.AddCryptoIntel().ConfigureSources(o => o.QuotaStateDirectory = directory));
                host.Stub.RespondFile("coingecko/global.json");
                await Global(host);
                if (run == 0)
                {
                    await Global(host);
                }
                else
                {
                    var error = await Assert.ThrowsAsync<SourceRequestException>(() => Global(host));
                    Assert.Equal(SourceFailureKind.QuotaExceeded, error.Kind);
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Health_AuthFailure_IsUnhealthy()
    {
        await using var host = Host();
        host.Stub.Respond(HttpStatusCode.Unauthorized, "{\"error\":\"bad key\"}");

        await Assert.ThrowsAsync<SourceRequestException>(() => Global(host));

        var health = await host.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, health.Entries["cryptointel-source-coingecko"].Status);
    }

    [Fact(Timeout = 20000)]
    public async Task Options_CrossFieldAndRangeErrors_FailAtStart()
    {
        await using var host = SourceTestHost.Create(b => b.AddCoinGecko(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.TotalTimeout = TimeSpan.FromMinutes(1);
            o.MaxRetryAttempts = 50;
            o.Plan = SourcePlan.Paid;
        }));

        var error = Assert.ThrowsAny<Exception>(host.ValidateOnStart);
        var failures = (error is AggregateException aggregate ? aggregate.InnerExceptions : [error])
            .OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        Assert.Contains(failures, f => f.Contains("AttemptTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("MaxRetryAttempts", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ApiKey", StringComparison.Ordinal));
    }

    [Fact(Timeout = 20000)]
    public async Task Options_ConfigurationSection_BindsTheSharedKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Sources:CoinGecko:BaseAddress"] = "http://127.0.0.1:5999/api/v3",
            ["CryptoIntel:Sources:CoinGecko:ApiKey"] = "from-config-key",
            ["CryptoIntel:Sources:CoinGecko:Plan"] = "Paid",
            ["CryptoIntel:Sources:CoinGecko:Enabled"] = "false",
            ["CryptoIntel:Sources:CoinGecko:CacheDurations:global"] = "00:00:00",
        }).Build();
        await using var host = SourceTestHost.Create(b => b.AddCoinGecko(configuration.GetSection("CryptoIntel:Sources:CoinGecko")));
        host.Stub.RespondFile("coingecko/global.json");

        host.ValidateOnStart();
        await Global(host);
        await Global(host);

        var options = host.Get<IOptions<CoinGeckoClientOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal(SourcePlan.Paid, options.Plan);
        Assert.Equal(2, host.Stub.Count); // caching of 'global' turned off by configuration
        var sent = host.Stub.Requests.First();
        Assert.Equal("http://127.0.0.1:5999/api/v3/global", sent.Uri.AbsoluteUri);
        Assert.Equal("from-config-key", sent.Headers["x-cg-pro-api-key"]);
    }

    [Fact(Timeout = 20000)]
    public async Task AddCoinGecko_ArgumentChecking()
    {
        var builder = new ServiceCollection().AddCryptoIntel();
        Assert.Throws<ArgumentNullException>(() => CryptoIntelBuilderExtensions.AddCoinGecko(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCoinGecko((Action<CoinGeckoClientOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCoinGecko((IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>(() => builder.ConfigureSources(null!));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 20000)]
    public async Task AddCoinGecko_Twice_RegistersOnePipeline()
    {
        await using var host = SourceTestHost.Create(b =>
        {
            b.AddCoinGecko(o => o.MaxRetryAttempts = 0);
            return b.AddCoinGecko(o => o.ApiKey = "second-key-123");
        });
        host.Stub.RespondFile("coingecko/global.json");

        await Global(host);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("second-key-123", sent.Headers["x-cg-demo-api-key"]);
    }
}
