using System.Net;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.Replay;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Replay;

public sealed class RecordReplayTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ci-replay-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Handlers_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => new SourceRecordingHandler(null!));
        Assert.Throws<ArgumentException>(() => new SourceReplayHandler(string.Empty));
    }

    [Fact(Timeout = 20000)]
    public async Task RecordThenReplay_LiveExchange_IsServedOfflineWithoutSecrets()
    {
        // Record: a real client whose network is the stub, recording into the directory.
        await using (var live = SourceTestHost.Create(
            b => b.AddCoinGecko(o => o.ApiKey = "recorded-key-123456"),
            s => s.AddCryptoIntel().ConfigureSources(o => o.RecordDirectory = _directory)))
        {
            live.Stub.RespondFile("coingecko/markets_page.json");
            await live.Get<CoinGeckoClient>().GetMarketsAsync(new MarketsQuery { PerPage = 3 }, Ct);
        }

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_directory, "coingecko")));
        var text = await File.ReadAllTextAsync(file, Ct);
        Assert.DoesNotContain("recorded-key", text, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"/api/v3/coins/markets\"", text, StringComparison.Ordinal);

        // Replay: a fresh client, no stub: the replay handler is the network.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCryptoIntel().ConfigureSources(o => o.ReplayDirectory = _directory).AddCoinGecko();
        await using var offline = services.BuildServiceProvider();
        var rows = await offline.GetRequiredService<CoinGeckoClient>().GetMarketsAsync(new MarketsQuery { PerPage = 3 }, Ct);
        Assert.Equal(3, rows.Count);
        Assert.Equal(91234.5m, rows[0].CurrentPrice);
    }

    [Fact(Timeout = 20000)]
    public async Task Replay_SameRequestRecordedTwice_ServesInOrderThenRepeatsLast()
    {
        using var recorder = new SourceRecordingHandler(_directory) { InnerHandler = new StubHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, "{\"error\":\"busy\"}")
            .RespondJson("{\"ok\":1}") };
        using (var client = new HttpClient(recorder, disposeHandler: false))
        {
            await client.GetAsync(new Uri("https://api.example.test/v1/x?b=2&a=1&auth_token=SECRET-TOKEN"), Ct);
            await client.GetAsync(new Uri("https://api.example.test/v1/x?a=1&b=2"), Ct);
        }

        Assert.DoesNotContain(Directory.GetFiles(_directory).Select(File.ReadAllText), t => t.Contains("SECRET-TOKEN", StringComparison.Ordinal));
        using var replay = new HttpClient(new SourceReplayHandler(_directory));
        var first = await replay.GetAsync(new Uri("http://127.0.0.1/v1/x?a=1&b=2&auth_token=OTHER"), Ct);
        var second = await replay.GetAsync(new Uri("http://127.0.0.1/v1/x?b=2&a=1"), Ct);
        var third = await replay.GetAsync(new Uri("http://127.0.0.1/v1/x?b=2&a=1"), Ct);
        var miss = await replay.GetAsync(new Uri("http://127.0.0.1/v1/y"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        // JSON bodies are stored as JSON (readable, diffable): equal as JSON, not byte for byte.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse("{\"ok\":1}"), System.Text.Json.Nodes.JsonNode.Parse(await second.Content.ReadAsStringAsync(Ct))));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        Assert.Contains("no recorded exchange for GET /v1/y", await miss.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact(Timeout = 20000)]
    public async Task Replay_TextAndBinaryBodies_RoundTrip()
    {
        var html = "<html><title>blocked</title></html>";
        var binary = new byte[] { 0xff, 0xfe, 0x00, 0x01 };
        using var recorder = new SourceRecordingHandler(_directory)
        {
            InnerHandler = new StubHandler()
                .Respond(HttpStatusCode.Forbidden, html, "text/html")
                .Respond(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(binary) })),
        };
        using (var client = new HttpClient(recorder, disposeHandler: false))
        {
            Assert.Equal(html, await (await client.GetAsync(new Uri("https://h.test/page"), Ct)).Content.ReadAsStringAsync(Ct));
            await client.GetAsync(new Uri("https://h.test/bin"), Ct);
        }

        using var replay = new HttpClient(new SourceReplayHandler(_directory));
        var page = await replay.GetAsync(new Uri("http://x/page"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(html, await page.Content.ReadAsStringAsync(Ct));
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(binary, await (await replay.GetAsync(new Uri("http://x/bin"), Ct)).Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact(Timeout = 20000)]
    public async Task Replay_CorruptRecording_SaysWhichFile()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "broken.json"), "{ not json", Ct);
        using var replay = new HttpClient(new SourceReplayHandler(_directory));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => replay.GetAsync(new Uri("http://x/a"), Ct));

        Assert.Contains("broken.json", error.Message, StringComparison.Ordinal);
    }
}
