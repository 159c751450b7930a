using System.Net;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.CryptoPanic;

public class CryptoPanicClientTests
{
    private const string Token = "cp-secret-token-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host(Action<CryptoPanicClientOptions>? configure = null, Action<SourcesOptions>? sources = null) =>
        SourceTestHost.Create(b =>
        {
            if (sources is not null)
            {
                b.ConfigureSources(sources);
            }

            return b.AddCryptoPanic(o =>
            {
                o.MaxRetryAttempts = 0;
                o.StaleDuration = TimeSpan.Zero;
                configure?.Invoke(o);
            });
        });

    private static async Task<List<NewsItem>> ToListAsync(IAsyncEnumerable<NewsItem> items)
    {
        var list = new List<NewsItem>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host(o => o.ApiKey = Token);
        var client = host.Get<CryptoPanicClient>();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ToListAsync(client.GetPostsAsync(maxPages: 0, cancellationToken: Ct)));
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public async Task GetPostsAsync_NoToken_ThrowsInvalidOperationWithoutSending()
    {
        await using var host = Host();
        var client = host.Get<CryptoPanicClient>();

        Assert.False(client.HasApiKey);
        await Assert.ThrowsAsync<InvalidOperationException>(() => ToListAsync(client.GetPostsAsync(cancellationToken: Ct)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetPostsPageAsync(cancellationToken: Ct));
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public async Task GetPostsPageAsync_V2_SendsFiltersAndTokenAndParsesPosts()
    {
        await using var host = Host(o => o.ApiKey = Token);
        host.Stub.RespondFile("cryptopanic/posts_v2.json");

        var page = await host.Get<CryptoPanicClient>().GetPostsPageAsync(new CryptoPanicPostsQuery
        {
            Currencies = ["btc", "ETH", " "],
            Filter = "hot",
            Kind = "news",
            Regions = ["en", "de"],
            Public = true,
        }, Ct);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal($"https://cryptopanic.com/api/developer/v2/posts/?auth_token={Token}&currencies=BTC%2CETH&filter=hot&kind=news&regions=en%2Cde&public=true", sent.Uri.AbsoluteUri);
        Assert.Equal(2, page.Items.Count); // the undated post is left out
        Assert.Equal(2, page.TotalCount);
        var first = page.Items[0];
        Assert.Equal(("30000001", "cryptopanic", "Bitcoin breaks & holds $100k"), (first.Id, first.Source, first.Title));
        Assert.Equal(new Uri("https://example-news.com/btc-100k?id=7"), first.Url); // original_url, utm_* removed
        Assert.Equal(("example-news.com", "Markets rallied today.", "Jane Writer"), (first.Outlet, first.Summary, first.Author));
        Assert.Equal(["BTC"], first.Currencies);
        Assert.Equal(["news"], first.Categories);
        Assert.Equal(12, first.Votes["positive"]); // "12"
        Assert.False(first.Votes.ContainsKey("lol")); // null
        Assert.Equal(8, first.Votes.Count);
        var second = page.Items[1];
        Assert.Empty(second.Currencies); // 'currencies' absent
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), second.PublishedAt);
        Assert.Equal(TimeSpan.Zero, second.PublishedAt.Offset);
        Assert.Equal("youtube.com", second.Outlet);
        Assert.Equal(["media"], second.Categories);
    }

    [Fact]
    public async Task GetPostsAsync_NextLinks_AreFollowedWithTheTokenAndStrippedForCallers()
    {
        await using var host = Host(o =>
        {
            o.ApiKey = Token;
            o.ApiPlan = "growth";
        });
        host.Stub.RespondFile("cryptopanic/posts_v2.json")
            .RespondJson("""{"count":3,"next":null,"results":[{"id":5,"kind":"news","title":"Last","published_at":"2026-11-09T00:00:00Z","url":"https://cryptopanic.com/news/5/x"}]}""");
        var client = host.Get<CryptoPanicClient>();

        var items = await ToListAsync(client.GetPostsAsync(new CryptoPanicPostsQuery { Currencies = ["BTC"] }, maxPages: 5, Ct));
        var page = await client.GetPostsPageAsync(new CryptoPanicPostsQuery { Currencies = ["BTC"] }, Ct); // cached first page

        Assert.Equal(["30000001", "30000002", "5"], items.Select(i => i.Id));
        var sent = host.Stub.Requests.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.Equal($"/api/growth/v2/posts/?auth_token={Token}&currencies=BTC", sent[0].PathAndQuery);
        Assert.Equal($"/api/growth/v2/posts/?auth_token={Token}&currencies=BTC&page=2", sent[1].PathAndQuery);
        Assert.Equal(new Uri("https://cryptopanic.com/api/developer/v2/posts/?currencies=BTC&page=2"), page.NextPage);
        Assert.DoesNotContain(Token, page.NextPage!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPostsPageAsync_LegacyPath_IsUsedWhenAsked()
    {
        await using var host = Host(o =>
        {
            o.ApiKey = Token;
            o.UseLegacyV1Path = true;
        });
        host.Stub.RespondJson("""{"count":0,"next":null,"results":[]}""");

        var page = await host.Get<CryptoPanicClient>().GetPostsPageAsync(cancellationToken: Ct);

        Assert.Empty(page.Items);
        Assert.Null(page.NextPage);
        Assert.Equal($"/api/v1/posts/?auth_token={Token}", Assert.Single(host.Stub.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetPostsPageAsync_ErrorBodyWith200_ThrowsProviderErrorWithoutToken()
    {
        await using var host = Host(o => o.ApiKey = Token);
        host.Stub.RespondJson($$"""{"status":"Incomplete","info":"Token {{Token}} not found"}""");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<CryptoPanicClient>().GetPostsPageAsync(cancellationToken: Ct));

        Assert.Equal(SourceFailureKind.ProviderError, error.Kind);
        Assert.Equal("Incomplete", error.ErrorCode);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLatestAsync_NoToken_ReadsTheRssFeed()
    {
        await using var host = Host();
        host.Stub.Respond(HttpStatusCode.OK, Fixture.Read("cryptopanic/rss.xml"), "application/rss+xml");

        var items = await ToListAsync(host.Get<CryptoPanicClient>().GetLatestAsync(cancellationToken: Ct));

        Assert.Equal("https://cryptopanic.com/news/rss/", Assert.Single(host.Stub.Requests).Uri.AbsoluteUri);
        Assert.Equal(2, items.Count);
        var first = items[0];
        Assert.Equal(("cryptopanic-30000010", "cryptopanic", "Ether jumps 5%"), (first.Id, first.Source, first.Title));
        Assert.Equal(new Uri("https://cryptopanic.com/news/30000010/Ether-jumps"), first.Url);
        Assert.Equal("example-news.com", first.Outlet);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 11, 0, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Empty(first.Votes);
        Assert.Equal("cryptopanic.com", items[1].Outlet);
    }

    [Fact]
    public async Task GetLatestAsync_WithToken_ReadsThePostsApi()
    {
        await using var host = Host(o => o.ApiKey = Token);
        host.Stub.RespondFile("cryptopanic/posts_v2.json");

        var items = await ToListAsync(host.Get<CryptoPanicClient>().GetLatestAsync(cancellationToken: Ct));

        Assert.Equal(2, items.Count);
        Assert.StartsWith("/api/developer/v2/posts/", Assert.Single(host.Stub.Requests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthToken_NeverAppearsInLogsErrorsItemsOrRecordings()
    {
        var recordings = Directory.CreateTempSubdirectory("cryptopanic-rec-");
        try
        {
            await using (var host = Host(o => o.ApiKey = Token, s => s.RecordDirectory = recordings.FullName))
            {
                host.Stub.RespondFile("cryptopanic/posts_v2.json")
                    .RespondJson("""{"count":3,"next":null,"results":[]}""")
                    .Respond(HttpStatusCode.Unauthorized, $$"""{"status":"Incomplete","info":"auth_token {{Token}} is invalid"}""")
                    .Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
                var client = host.Get<CryptoPanicClient>();

                var items = await ToListAsync(client.GetPostsAsync(maxPages: 3, cancellationToken: Ct));
                var page = await client.GetPostsPageAsync(cancellationToken: Ct);
                var unauthorized = await Assert.ThrowsAsync<SourceRequestException>(() => client.GetPostsPageAsync(new CryptoPanicPostsQuery { Kind = "media" }, Ct));
                var unreachable = await Assert.ThrowsAsync<SourceRequestException>(() => client.GetPostsPageAsync(new CryptoPanicPostsQuery { Kind = "all" }, Ct));

                Assert.Equal(4, host.Stub.Count);
                Assert.All(host.Stub.Requests, r => Assert.Contains("auth_token=" + Token, r.Uri.Query, StringComparison.Ordinal)); // it was sent
                Assert.Equal(SourceFailureKind.HttpError, unauthorized.Kind);
                Assert.Equal(SourceFailureKind.Unreachable, unreachable.Kind);
                Assert.DoesNotContain(Token, unauthorized.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(Token, unreachable.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(Token, host.AllLogText(), StringComparison.Ordinal);
                Assert.Contains("cryptopanic.com/api/developer/v2/posts/", host.AllLogText(), StringComparison.Ordinal); // request URIs are logged, queries redacted
                foreach (var item in items)
                {
                    Assert.DoesNotContain(Token, item.ToString(), StringComparison.Ordinal);
                    Assert.DoesNotContain(Token, item.Url?.AbsoluteUri ?? string.Empty, StringComparison.Ordinal);
                }

                Assert.DoesNotContain(Token, page.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(Token, page.NextPage!.AbsoluteUri, StringComparison.Ordinal);
            }

            var files = Directory.GetFiles(recordings.FullName, "*.json", SearchOption.AllDirectories);
            Assert.Equal(3, files.Length); // the unreachable call recorded nothing
            foreach (var file in files)
            {
                var text = await File.ReadAllTextAsync(file, Ct);
                Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            }

            Assert.Contains(files, f => File.ReadAllText(f).Contains("auth_token=REDACTED", StringComparison.Ordinal)); // the echoed next link
        }
        finally
        {
            recordings.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("{\"next\":\"https://cryptopanic.com/api/v1/posts/?auth_token=abc123&page=2\"}", "{\"next\":\"https://cryptopanic.com/api/v1/posts/?auth_token=REDACTED&page=2\"}", null)]
    [InlineData("{\"next\":\"https:\\/\\/x.test\\/?page=2\\u0026auth_token=abc123\"}", "{\"next\":\"https:\\/\\/x.test\\/?page=2\\u0026auth_token=REDACTED\"}", null)]
    [InlineData("<link>https://x.test/?a=1&amp;apikey=abc123</link>", "<link>https://x.test/?a=1&amp;apikey=REDACTED</link>", null)]
    [InlineData("token abc123 is invalid", "token REDACTED is invalid", "abc123")]
    [InlineData("no secrets here?page=2", "no secrets here?page=2", "abc123")]
    public void Recorder_SecretsInBodies_AreRedacted(string body, string expected, string? configuredKey)
    {
        var redacted = CryptoIntel.Sources.Replay.SourceRecordingHandler.RedactSecrets(System.Text.Encoding.UTF8.GetBytes(body), configuredKey);

        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(redacted));
    }

    [Fact]
    public async Task Options_ConfigurationSection_BindsTokenPlanAndBaseAddress()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Sources:CryptoPanic:BaseAddress"] = "http://127.0.0.1:5998",
            ["CryptoIntel:Sources:CryptoPanic:ApiKey"] = Token,
            ["CryptoIntel:Sources:CryptoPanic:ApiPlan"] = "enterprise",
        }).Build();
        await using var host = SourceTestHost.Create(b => b.AddCryptoPanic(configuration.GetSection("CryptoIntel:Sources:CryptoPanic")));
        host.ValidateOnStart();
        host.Stub.RespondJson("""{"count":0,"next":null,"results":[]}""");

        await host.Get<CryptoPanicClient>().GetPostsPageAsync(cancellationToken: Ct);

        Assert.Equal($"http://127.0.0.1:5998/api/enterprise/v2/posts/?auth_token={Token}", Assert.Single(host.Stub.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Options_InvalidPlanSegment_FailsAtStart()
    {
        await using var host = Host(o => o.ApiPlan = "../x");

        var error = Assert.ThrowsAny<Exception>(host.ValidateOnStart);
        var failures = (error is AggregateException aggregate ? aggregate.InnerExceptions : [error])
            .OfType<Microsoft.Extensions.Options.OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        Assert.Contains(failures, f => f.Contains("ApiPlan", StringComparison.Ordinal));
    }
}
