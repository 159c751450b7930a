using System.Net;
using System.Text.Json;

namespace CryptoIntel.Web.Tests;

public sealed class ReadEndpointTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ReadUrls => new()
    {
        "/api/market/overview",
        "/api/market/movers?limit=3",
        "/api/coins",
        "/api/coins?sort=volume&order=asc&limit=5",
        "/api/coins?q=bit",
        "/api/coins/bitcoin",
        "/api/coins/bitcoin/history",
        "/api/coins/bitcoin/history?interval=raw&from=2025-01-30T00:00:00Z&to=2025-01-31T00:00:00Z",
        "/api/coins/bitcoin/history?interval=1d",
        "/api/coins/bitcoin/news",
        "/api/coins/bitcoin/signals?kind=volume-spike",
        "/api/global",
        "/api/global/history",
        "/api/fear-greed?days=7",
        "/api/defi/protocols",
        "/api/defi/protocols?chain=Arbitrum&sort=change1d",
        "/api/defi/protocols/aave",
        "/api/defi/protocols/aave/tvl",
        "/api/defi/chains",
        "/api/defi/chains/Ethereum/tvl",
        "/api/dex/pools",
        "/api/dex/pools?network=eth&sort=liquidity",
        "/api/news",
        "/api/news?asset=bitcoin&since=2025-01-30T00:00:00Z",
        "/api/news/stories",
        "/api/news/stories/story-00",
        "/api/entities",
        "/api/entities?type=coin",
        "/api/entities/trending?window=7d",
        "/api/entities/bitcoin",
        "/api/entities/bitcoin/co-mentions?window=30d",
        "/api/signals",
        "/api/signals?kind=price-move&direction=up&minConfidence=0.5&asset=ethereum",
        "/api/signals/kinds/depeg",
        "/api/signals/stats?window=7d",
        "/api/signals/track-record",
        "/api/signals/track-record?kind=volume-spike&horizon=24h",
        "/api/sources",
        "/api/sources/quota",
        "/api/sources/cycles",
        "/api/watchlists",
        "/api/alert-rules",
    };

    [Theory]
    [MemberData(nameof(ReadUrls))]
    public async Task Get_ReturnsJsonWithETag(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Fact]
    public async Task Overview_HasTopCoinsGlobalFearGreedAndSignals()
    {
        using var json = await GetJsonAsync("/api/market/overview");
        var root = json.RootElement;
        Assert.Equal("bitcoin", root.GetProperty("top")[0].GetProperty("id").GetString());
        Assert.Equal(10, root.GetProperty("top").GetArrayLength());
        Assert.Equal(5, root.GetProperty("gainers").GetArrayLength());
        Assert.True(root.GetProperty("gainers")[0].GetProperty("change24h").GetDouble() > 0);
        Assert.True(root.GetProperty("losers")[0].GetProperty("change24h").GetDouble() < 0);
        Assert.Equal(52.1, root.GetProperty("global").GetProperty("btcDominance").GetDouble());
        Assert.Equal(30, root.GetProperty("fearGreed").GetProperty("value").GetInt32());
        Assert.Equal(10, root.GetProperty("latestSignals").GetArrayLength());
        Assert.Equal(TestData.Coins, root.GetProperty("counts").GetProperty("coins").GetInt32());
    }

    [Fact]
    public async Task Coin_DetailAndHistory()
    {
        using var detail = await GetJsonAsync("/api/coins/ethereum");
        Assert.Equal("ethereum", detail.RootElement.GetProperty("coin").GetProperty("id").GetString());
        Assert.Equal(2, detail.RootElement.GetProperty("coin").GetProperty("rank").GetInt32());
        Assert.NotEmpty(detail.RootElement.GetProperty("recentSignals").EnumerateArray());

        using var history = await GetJsonAsync("/api/coins/ethereum/history?interval=raw&from=2025-01-31T00:00:00Z&to=2025-01-31T12:00:00Z");
        var points = history.RootElement.GetProperty("points");
        Assert.InRange(points.GetArrayLength(), 48, 49);
        Assert.True(points[0].GetProperty("close").GetDecimal() > 0);
    }

    [Fact]
    public async Task Signal_ById_HasEvidenceAndOutcomes()
    {
        var id = TestData.SignalAt(0).Id;
        using var json = await GetJsonAsync("/api/signals/" + id);
        var signal = json.RootElement.GetProperty("signal");
        Assert.Equal(id, signal.GetProperty("id").GetString());
        Assert.Equal("zscore", signal.GetProperty("evidence")[0].GetProperty("name").GetString());
        Assert.Equal("24h", json.RootElement.GetProperty("outcomes")[0].GetProperty("horizon").GetString());
    }

    [Fact]
    public async Task Signals_FilterByKind_ReturnsOnlyThatKind()
    {
        using var json = await GetJsonAsync("/api/signals/kinds/price-move?limit=100");
        var items = json.RootElement.GetProperty("items");
        Assert.Equal(TestData.SignalCount / TestData.Kinds.Length, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), s => Assert.Equal("price-move", s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task StatsAndTrackRecord_CountTheSeededSignals()
    {
        using var stats = await GetJsonAsync("/api/signals/stats?window=30d");
        Assert.Equal(TestData.SignalCount, stats.RootElement.GetProperty("total").GetInt32());
        using var record = await GetJsonAsync("/api/signals/track-record?horizon=24h");
        var evaluated = record.RootElement.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("evaluated").GetInt32());
        Assert.Equal(TestData.SignalCount / 2, evaluated);
    }

    [Fact]
    public async Task Sources_ReportHealthAndQuota()
    {
        using var sources = await GetJsonAsync("/api/sources");
        var items = sources.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Contains(items, s => s.GetProperty("source").GetString() == "cryptopanic" && !s.GetProperty("healthy").GetBoolean());
        using var quota = await GetJsonAsync("/api/sources/quota");
        Assert.Equal(0.12, quota.RootElement.GetProperty("items")[0].GetProperty("usedFraction").GetDouble(), 3);
    }

    [Fact]
    public async Task Entities_TrendingAndCoMentions()
    {
        using var detail = await GetJsonAsync("/api/entities/bitcoin");
        Assert.Equal("coin", detail.RootElement.GetProperty("entity").GetProperty("type").GetString());
        using var co = await GetJsonAsync("/api/entities/bitcoin/co-mentions?window=30d");
        Assert.Contains(co.RootElement.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == "sec");
    }

    [Theory]
    [InlineData("/api/coins/notacoin")]
    [InlineData("/api/coins/notacoin/history")]
    [InlineData("/api/defi/protocols/nope")]
    [InlineData("/api/defi/protocols/nope/tvl")]
    [InlineData("/api/defi/chains/Nowhere/tvl")]
    [InlineData("/api/news/stories/no-story")]
    [InlineData("/api/entities/nobody")]
    [InlineData("/api/entities/nobody/co-mentions")]
    [InlineData("/api/signals/00000000000000000000000000000000")]
    [InlineData("/api/watchlists/none")]
    [InlineData("/api/alert-rules/none")]
    public async Task Unknown_Returns404Problem(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/coins?limit=5", TestData.Coins)]
    [InlineData("/api/signals?limit=7", TestData.SignalCount)]
    [InlineData("/api/news?limit=9", TestData.NewsCount)]
    [InlineData("/api/coins?limit=4&sort=change24h", TestData.Coins)]
    [InlineData("/api/dex/pools?limit=3", 8)]
    [InlineData("/api/defi/protocols?limit=2", 5)]
    public async Task Pagination_FollowsCursorsThroughEveryItemOnce(string url, int total)
    {
        using var client = app.CreateClient();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var pageUrl = cursor is null ? url : url + "&cursor=" + Uri.EscapeDataString(cursor);
            using var json = await GetJsonAsync(pageUrl);
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                seen.Add((item.TryGetProperty("id", out var id) ? id : item.GetProperty("slug")).GetString()!);
            }

            cursor = json.RootElement.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        Assert.True(pages > 1);
    }

    [Fact]
    public async Task ETag_IfNoneMatch_Returns304()
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/api/signals/stats", UriKind.Relative), Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        // Served by the output cache (second request) and by the endpoint (different query, same answer).
        foreach (var url in new[] { "/api/signals/stats", "/api/signals/stats?window=24h" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etag);
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/signals/stats");
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0000\""));
        using var changed = await client.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Health_LiveReadyAndMetrics()
    {
        using var client = app.CreateClient();
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await GetJsonAsync("/health/ready");
        Assert.Equal("Healthy", ready.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryApiEndpointWithASummary()
    {
        using var json = await GetJsonAsync("/openapi/v1.json");
        var paths = json.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "delete").Select(o => (p.Name, Op: o.Value)))
            .ToList();
        Assert.True(operations.Count >= 25, $"{operations.Count} operations");
        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.Op.GetProperty("summary").GetString()), o.Name));
        Assert.All(operations, o => Assert.True(o.Op.TryGetProperty("description", out _), o.Name));

        using var client = app.CreateClient();
        using var ui = await client.GetAsync(new Uri("/scalar", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
