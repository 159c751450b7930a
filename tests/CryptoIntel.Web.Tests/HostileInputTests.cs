using System.Net;
using System.Text.Json;

namespace CryptoIntel.Web.Tests;

/// <summary>Bad and hostile parameters on every endpoint get a 400 problem naming the parameter; never a 500.</summary>
public sealed class HostileInputTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly string Long = new('a', 5000);

    private static readonly Dictionary<string, string[]> Hostile = new()
    {
        ["int"] = ["-1", "0", "99999999999999999999", "2147483648", "1.5", "abc", "1e9", "' OR 1=1--", "", " ", "NaN", "0x10", Long],
        ["number"] = ["-0.1", "1.1", "NaN", "Infinity", "-Infinity", "abc", "1e309", "", "0.5; DROP TABLE signals", Long],
        ["enum"] = ["bogus", "' OR 1=1--", "<script>alert(1)</script>", "", "rank;DROP TABLE x", "%00", Long, "1"],
        ["date"] = ["2025-13-45", "yesterday", "0", "9999-12-31T23:59:59Z", "1900-01-01", "", "' OR 1=1--", Long, "2025-01-01T25:00:00Z"],
        ["cursor"] = ["!!!", "not-a-cursor", "djF8eHx5", "djF8Y29pbnN8eHx5fHo", "' OR 1=1--", "", Long, "<script>"],
        ["text"] = [new string('q', 101), "", "   ", "a\u0001b", Long],
        ["id"] = ["' OR 1=1--", "<script>alert(1)</script>", "", new string('a', 101), "../etc/passwd", "a b", "\0", "-leading", Long],
    };

    private static readonly (string Url, string Param, string Kind)[] Parameters =
    [
        ("/api/market/movers", "limit", "int"),
        ("/api/coins", "limit", "int"), ("/api/coins", "cursor", "cursor"), ("/api/coins", "sort", "enum"), ("/api/coins", "order", "enum"), ("/api/coins", "q", "text"),
        ("/api/coins/bitcoin/history", "from", "date"), ("/api/coins/bitcoin/history", "to", "date"), ("/api/coins/bitcoin/history", "interval", "enum"),
        ("/api/coins/bitcoin/news", "limit", "int"), ("/api/coins/bitcoin/news", "cursor", "cursor"),
        ("/api/coins/bitcoin/signals", "limit", "int"), ("/api/coins/bitcoin/signals", "cursor", "cursor"), ("/api/coins/bitcoin/signals", "kind", "enum"),
        ("/api/global/history", "from", "date"), ("/api/global/history", "to", "date"),
        ("/api/fear-greed", "days", "int"),
        ("/api/defi/protocols", "limit", "int"), ("/api/defi/protocols", "cursor", "cursor"), ("/api/defi/protocols", "chain", "text"),
        ("/api/defi/protocols", "category", "text"), ("/api/defi/protocols", "q", "text"), ("/api/defi/protocols", "sort", "enum"),
        ("/api/defi/protocols/aave/tvl", "from", "date"), ("/api/defi/protocols/aave/tvl", "to", "date"),
        ("/api/defi/chains/Ethereum/tvl", "from", "date"), ("/api/defi/chains/Ethereum/tvl", "to", "date"),
        ("/api/dex/pools", "limit", "int"), ("/api/dex/pools", "cursor", "cursor"), ("/api/dex/pools", "network", "id"), ("/api/dex/pools", "q", "text"), ("/api/dex/pools", "sort", "enum"),
        ("/api/news", "limit", "int"), ("/api/news", "cursor", "cursor"), ("/api/news", "source", "id"), ("/api/news", "asset", "id"),
        ("/api/news", "entity", "id"), ("/api/news", "q", "text"), ("/api/news", "since", "date"),
        ("/api/news/stories", "limit", "int"), ("/api/news/stories", "cursor", "cursor"), ("/api/news/stories", "since", "date"),
        ("/api/news/stories", "asset", "id"), ("/api/news/stories", "minItems", "int"),
        ("/api/news/stories/story-00", "limit", "int"), ("/api/news/stories/story-00", "cursor", "cursor"),
        ("/api/entities", "limit", "int"), ("/api/entities", "cursor", "cursor"), ("/api/entities", "type", "id"), ("/api/entities", "q", "text"),
        ("/api/entities", "since", "date"), ("/api/entities", "sort", "enum"),
        ("/api/entities/trending", "window", "enum"), ("/api/entities/trending", "limit", "int"),
        ("/api/entities/bitcoin/co-mentions", "window", "enum"), ("/api/entities/bitcoin/co-mentions", "limit", "int"),
        ("/api/signals", "limit", "int"), ("/api/signals", "cursor", "cursor"), ("/api/signals", "kind", "enum"), ("/api/signals", "asset", "id"),
        ("/api/signals", "direction", "enum"), ("/api/signals", "minConfidence", "number"), ("/api/signals", "since", "date"),
        ("/api/signals/kinds/depeg", "limit", "int"), ("/api/signals/kinds/depeg", "cursor", "cursor"),
        ("/api/signals/stats", "window", "enum"),
        ("/api/signals/track-record", "kind", "enum"), ("/api/signals/track-record", "horizon", "enum"), ("/api/signals/track-record", "since", "date"),
        ("/api/sources/cycles", "limit", "int"), ("/api/sources/cycles", "cursor", "cursor"),
    ];

    public static TheoryData<string, string, string> QueryCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (url, param, kind) in Parameters)
        {
            foreach (var value in Hostile[kind])
            {
                data.Add(url, param, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QueryCases))]
    public async Task BadQueryParameter_Returns400ProblemNamingIt(string url, string param, string value)
    {
        using var client = app.CreateClient();
        var full = $"{url}?{param}={Uri.EscapeDataString(value)}";
        using var response = await client.GetAsync(new Uri(full, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{full}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(param, out _), body);
    }

    public static TheoryData<string> PathTemplates() =>
    [
        "/api/coins/{0}", "/api/coins/{0}/history", "/api/coins/{0}/news", "/api/coins/{0}/signals",
        "/api/defi/protocols/{0}", "/api/defi/protocols/{0}/tvl", "/api/defi/chains/{0}/tvl",
        "/api/news/stories/{0}", "/api/entities/{0}", "/api/entities/{0}/co-mentions",
        "/api/signals/{0}", "/api/signals/kinds/{0}", "/api/watchlists/{0}", "/api/alert-rules/{0}",
    ];

    // (A NUL in the path, %00, never reaches the app: Kestrel refuses the request line, and TestServer throws.)
    private static readonly string[] HostilePathValues =
    [
        "' OR 1=1--", "<script>alert(1)</script>", new string('a', 300), "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "a%20b",
        "%F0%9F%92%A5", "null", "-1", "1e309", "%25", "..",
    ];

    [Theory]
    [MemberData(nameof(PathTemplates))]
    public async Task HostilePathValue_ReturnsClientErrorProblem_Never500(string template)
    {
        using var client = app.CreateClient();
        foreach (var value in HostilePathValues)
        {
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            Assert.True(status is 400 or 404 or 200, $"{url}: {status}");
            if (status != 200)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task ManyParametersAtOnce_ReportsEveryError()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/signals?limit=-5&kind=nope&minConfidence=7&since=bad", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(["kind", "limit", "minConfidence", "since"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CursorFromAnotherList_Returns400()
    {
        using var client = app.CreateClient();
        using var coins = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/coins?limit=2", UriKind.Relative), TestContext.Current.CancellationToken));
        var cursor = coins.RootElement.GetProperty("nextCursor").GetString()!;
        using var response = await client.GetAsync(new Uri("/api/signals?cursor=" + Uri.EscapeDataString(cursor), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
