using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Web.Tests;

public sealed class WriteAndSecurityTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/api/watchlists" },
        { "DELETE", "/api/watchlists/abc" },
        { "POST", "/api/alert-rules" },
        { "DELETE", "/api/alert-rules/abc" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithoutKey_Returns401Problem(string method, string url)
    {
        using var client = app.CreateClient(apiKey: null);
        using var response = await SendAsync(client, method, url, """{"name":"x","assets":["bitcoin"]}""");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithWrongKey_Returns401(string method, string url)
    {
        using var client = app.CreateClient("not-a-key-of-this-host-at-all");
        using var response = await SendAsync(client, method, url, """{"name":"x","assets":["bitcoin"]}""");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithReadKey_Returns403Problem(string method, string url)
    {
        using var client = app.CreateClient(WebAppFactory.ReadKey);
        using var response = await SendAsync(client, method, url, """{"name":"x","assets":["bitcoin"]}""");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Watchlist_CreateGetListDelete()
    {
        using var client = app.CreateClient(WebAppFactory.WriteKey);
        var before = await client.GetStringAsync(new Uri("/api/watchlists", UriKind.Relative), Ct); // now in the output cache
        using var created = await client.PostAsJsonAsync("/api/watchlists", new { name = "majors", assets = new[] { "Bitcoin", "ethereum", "bitcoin" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        var id = body.RootElement.GetProperty("id").GetString()!;
        Assert.Equal(["bitcoin", "ethereum"], body.RootElement.GetProperty("assets").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("writer", body.RootElement.GetProperty("owner").GetString());
        Assert.Equal("/api/watchlists/" + id, created.Headers.Location?.OriginalString);

        using var anonymous = app.CreateClient();
        using var one = await anonymous.GetAsync(new Uri("/api/watchlists/" + id, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var list = await anonymous.GetStringAsync(new Uri("/api/watchlists", UriKind.Relative), Ct);
        Assert.DoesNotContain(id, before, StringComparison.Ordinal);
        Assert.Contains(id, list, StringComparison.Ordinal); // the write evicted the cached list

        using var deleted = await client.DeleteAsync(new Uri("/api/watchlists/" + id, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var again = await client.DeleteAsync(new Uri("/api/watchlists/" + id, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var gone = await anonymous.GetAsync(new Uri("/api/watchlists/" + id, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AlertRule_CreateGetListDelete()
    {
        using var client = app.CreateClient(WebAppFactory.WriteKey);
        using var created = await client.PostAsJsonAsync("/api/alert-rules",
            new { name = "big moves", kind = "price-move", asset = "bitcoin", direction = "up", minConfidence = 0.7 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        var id = body.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("price-move", body.RootElement.GetProperty("kind").GetString());

        var one = await client.GetStringAsync(new Uri("/api/alert-rules/" + id, UriKind.Relative), Ct);
        Assert.Contains("big moves", one, StringComparison.Ordinal);
        var list = await client.GetStringAsync(new Uri("/api/alert-rules", UriKind.Relative), Ct);
        Assert.Contains(id, list, StringComparison.Ordinal);
        using var deleted = await client.DeleteAsync(new Uri("/api/alert-rules/" + id, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Theory]
    [InlineData("/api/watchlists", """{"assets":["bitcoin"]}""", "name")]
    [InlineData("/api/watchlists", """{"name":"x","assets":[]}""", "assets")]
    [InlineData("/api/watchlists", """{"name":"x"}""", "assets")]
    [InlineData("/api/watchlists", """{"name":"x","assets":["' OR 1=1--"]}""", "assets")]
    [InlineData("/api/watchlists", """{"name":"","assets":["bitcoin"]}""", "name")]
    [InlineData("/api/alert-rules", """{"name":"x","kind":"bogus"}""", "kind")]
    [InlineData("/api/alert-rules", """{"name":"x","minConfidence":2}""", "minConfidence")]
    [InlineData("/api/alert-rules", """{"name":"x","direction":"sideways"}""", "direction")]
    [InlineData("/api/alert-rules", """{"name":"x","watchlistId":"missing"}""", "watchlistId")]
    [InlineData("/api/alert-rules", """{"name":"x","asset":"<script>"}""", "asset")]
    public async Task Write_BadBody_Returns400NamingTheField(string url, string json, string field)
    {
        using var client = app.CreateClient(WebAppFactory.WriteKey);
        using var response = await SendAsync(client, "POST", url, json);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"name": 5, "assets": "bitcoin"}""")]
    public async Task Write_MalformedJson_Returns400Problem(string json)
    {
        using var client = app.CreateClient(WebAppFactory.WriteKey);
        using var response = await SendAsync(client, "POST", "/api/watchlists", json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Write_HugeBody_IsRefused()
    {
        using var client = app.CreateClient(WebAppFactory.WriteKey);
        var json = """{"name":"x","assets":[""" + string.Join(',', Enumerable.Repeat("\"bitcoin\"", 20_000)) + "]}";
        using var response = await SendAsync(client, "POST", "/api/watchlists", json);
        Assert.True((int)response.StatusCode is 400 or 413, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, Ct);
    }
}

/// <summary>A host whose read API needs a key.</summary>
public sealed class KeyedReadsFactory : WebAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Web:RequireKeyForReads", "true")];
}

public sealed class KeyedReadTests(KeyedReadsFactory app) : IClassFixture<KeyedReadsFactory>
{
    [Fact]
    public async Task Reads_NeedAKey_WhenConfigured()
    {
        using var anonymous = app.CreateClient();
        using var refused = await anonymous.GetAsync(new Uri("/api/coins", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var reader = app.CreateClient(WebAppFactory.ReadKey);
        using var allowed = await reader.GetAsync(new Uri("/api/coins", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}

/// <summary>A host with tiny rate limits.</summary>
public sealed class TightLimitsFactory : WebAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Web:RateLimit:AnonymousPerSecond", "1"),
        new("Web:RateLimit:AnonymousBurst", "3"),
        new("Web:RateLimit:KeyedPerSecond", "1"),
        new("Web:RateLimit:KeyedBurst", "5"),
        new("Web:RateLimit:WritesPerMinute", "2"),
    ];
}

public sealed class RateLimitTests(TightLimitsFactory app) : IClassFixture<TightLimitsFactory>
{
    [Fact]
    public async Task OverTheLimit_Returns429ProblemWithRetryAfter_PerPartition()
    {
        using var anonymous = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await anonymous.GetAsync(new Uri("/api/coins", UriKind.Relative), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());
                Assert.True(json.RootElement.GetProperty("retryAfter").GetInt32() >= 1);
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 4);

        // A configured key has its own, larger bucket.
        using var keyed = app.CreateClient(WebAppFactory.ReadKey);
        using var ok = await keyed.GetAsync(new Uri("/api/coins", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task HealthProbesAndMetrics_AreNotRateLimited()
    {
        using var anonymous = app.CreateClient();
        var limited = 0;
        for (var i = 0; i < 8; i++)
        {
            using var api = await anonymous.GetAsync(new Uri("/api/coins", UriKind.Relative), TestContext.Current.CancellationToken);
            limited += api.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
            foreach (var path in (string[])["/health/live", "/health/ready", "/metrics"])
            {
                using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            }
        }

        Assert.True(limited > 0, "the API itself should have been limited (burst 3)");
    }

    [Fact]
    public async Task Writes_HaveTheirOwnPerMinuteLimit()
    {
        using var writer = app.CreateClient(WebAppFactory.WriteKey);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await writer.PostAsJsonAsync("/api/watchlists", new { name = "w" + i, assets = new[] { "bitcoin" } }, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }
}

public sealed class OptionsValidationTests
{
    private sealed class BadFactory(params KeyValuePair<string, string?>[] settings) : WebAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => settings;
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { "Web:Mode", "Reader" },
        { "Web:MaxPageSize", "0" },
        { "Web:RateLimit:AnonymousPerSecond", "-1" },
        { "Web:ApiKeys:0:Key", "short" },
        { "Web:ApiKeys:1:Scope", "admin" },
        { "Web:OutputCacheDuration", "02:00:00" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadOptions_FailTheStart(string key, string value)
    {
        await using var factory = new BadFactory(new KeyValuePair<string, string?>(key, value));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<IHost>());
        Assert.IsType<OptionsValidationException>(error.GetBaseException() is OptionsValidationException ? error.GetBaseException() : error, exactMatch: false);
    }
}
