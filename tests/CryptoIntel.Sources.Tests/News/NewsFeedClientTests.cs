using CryptoIntel.Sources.News;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Tests.News;

public class NewsFeedClientTests
{
    private const string Rss = "application/rss+xml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host(Action<NewsFeedClientOptions>? configure = null) =>
        SourceTestHost.Create(b => b.AddNewsFeeds(o =>
        {
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host();
        var client = host.Get<NewsFeedClient>();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetFeedAsync(" ", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetFeedAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetFeedAsync("unknown-feed", Ct));
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public async Task Feeds_Default_AreCoinDeskAndCointelegraph()
    {
        await using var host = Host();

        var feeds = host.Get<NewsFeedClient>().Feeds;

        Assert.Equal(["coindesk", "cointelegraph"], feeds.Select(f => f.Name));
        Assert.Equal(new Uri("https://www.coindesk.com/arc/outboundfeeds/rss/"), feeds[0].Uri);
        Assert.Equal(new Uri("https://cointelegraph.com/rss"), feeds[1].Uri);
    }

    [Fact]
    public async Task GetFeedAsync_Rss_ParsesCdataCreatorDatesAndCleansLinksAndHtml()
    {
        await using var host = Host();
        host.Stub.Respond(System.Net.HttpStatusCode.OK, Fixture.Read("news/coindesk.xml"), Rss);

        var items = await host.Get<NewsFeedClient>().GetFeedAsync("CoinDesk", Ct);

        Assert.Equal("https://www.coindesk.com/arc/outboundfeeds/rss/", Assert.Single(host.Stub.Requests).Uri.AbsoluteUri);
        Assert.Equal(3, items.Count); // the undated item is left out
        var first = items[0];
        Assert.Equal("https://www.example-desk.com/markets/2026/11/10/bitcoin-climbs", first.Id);
        Assert.Equal("coindesk", first.Source);
        Assert.Equal("Bitcoin Climbs Past $95K as ETF Inflows Return", first.Title);
        Assert.Equal(new Uri("https://www.example-desk.com/markets/2026/11/10/bitcoin-climbs"), first.Url);
        Assert.Equal("Alex Reporter", first.Author);
        Assert.Equal("example-desk.com", first.Outlet);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 11, 45, 12, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal(["Markets", "Bitcoin"], first.Categories);
        Assert.Equal("The largest cryptocurrency rose 4% on Tuesday.", first.Summary);
        var second = items[1];
        Assert.Equal(("desk-2", "Ether ETF & staking: what changes", "Sam Editor"), (second.Id, second.Title, second.Author));
        Assert.Equal(new Uri("https://www.example-desk.com/policy/ether-etf?ref=home"), second.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 23, 30, 0, TimeSpan.Zero), second.PublishedAt); // 18:30 EST
        Assert.Equal(TimeSpan.Zero, second.PublishedAt.Offset);
        Assert.Equal("Plain text summary.", second.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 7, 5, 0, TimeSpan.Zero), items[2].PublishedAt);
        Assert.Null(items[2].Summary);
        Assert.Equal("https://www.example-desk.com/old", items[2].Id); // no guid: the link
    }

    [Fact]
    public async Task GetFeedAsync_Atom_ParsesEntries()
    {
        await using var host = Host(o => o.Feeds.Add(new NewsFeed("atomic", new Uri("https://atom.example.org/feed"))));
        host.Stub.Respond(System.Net.HttpStatusCode.OK, Fixture.Read("news/atom.xml"), "application/atom+xml");

        var entry = Assert.Single(await host.Get<NewsFeedClient>().GetFeedAsync("atomic", Ct));

        Assert.Equal(("urn:example:entry:1", "atomic", "DeFi TVL hits record"), (entry.Id, entry.Source, entry.Title));
        Assert.Equal(new Uri("https://atom.example.org/defi-tvl?page=1"), entry.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 7, 15, 0, TimeSpan.Zero), entry.PublishedAt);
        Assert.Equal(("Pat Analyst", "Total value locked rose.", "atom.example.org"), (entry.Author, entry.Summary, entry.Outlet));
        Assert.Equal(["DeFi"], entry.Categories);
    }

    [Theory]
    [InlineData("Tue, 10 Nov 2026 11:45:12 +0000", "2026-11-10T11:45:12Z")]
    [InlineData("Tue, 10 Nov 2026 11:45:12 GMT", "2026-11-10T11:45:12Z")]
    [InlineData("10 Nov 2026 06:45:12 EST", "2026-11-10T11:45:12Z")]
    [InlineData("Tue, 10 Nov 2026 04:45:12 PDT", "2026-11-10T11:45:12Z")]
    [InlineData("Tue, 10 Nov 2026 13:45:12 +0200", "2026-11-10T11:45:12Z")]
    [InlineData("Tue, 10 Nov 2026 11:45:12 -0030", "2026-11-10T12:15:12Z")]
    [InlineData("2026-11-10T12:45:12+01:00", "2026-11-10T11:45:12Z")]
    public async Task GetFeedAsync_DateForms_AreReadAsUtc(string date, string expected)
    {
        await using var host = Host();
        host.Stub.Respond(System.Net.HttpStatusCode.OK, $"<rss version=\"2.0\"><channel><item><title>t</title><link>https://a.test/x</link><pubDate>{date}</pubDate></item></channel></rss>", Rss);

        var item = Assert.Single(await host.Get<NewsFeedClient>().GetFeedAsync("coindesk", Ct));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), item.PublishedAt);
        Assert.Equal(TimeSpan.Zero, item.PublishedAt.Offset);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><rss version=\"2.0\"><channel><item><title>&lol3;</title><pubDate>Tue, 10 Nov 2026 11:45:12 GMT</pubDate></item></channel></rss>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><item><title>&xxe;</title><pubDate>Tue, 10 Nov 2026 11:45:12 GMT</pubDate></item></channel></rss>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE foo SYSTEM \"http://169.254.169.254/evil.dtd\"><rss version=\"2.0\"><channel/></rss>")]
    public async Task GetFeedAsync_DtdEntityBombOrExternalEntity_IsRefusedAsInvalidResponse(string body)
    {
        await using var host = Host();
        host.Stub.Respond(System.Net.HttpStatusCode.OK, body, Rss);

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<NewsFeedClient>().GetFeedAsync("coindesk", Ct));

        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
        Assert.IsType<System.Xml.XmlException>(error.InnerException);
        Assert.Contains("DTD", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, host.Stub.Count); // nothing else was fetched (no external DTD or entity)
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><item><title>cut")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("")]
    [InlineData("{\"items\":[]}")]
    public async Task GetFeedAsync_MalformedOrNotAFeed_ThrowsInvalidResponse(string body)
    {
        await using var host = Host();
        host.Stub.Respond(System.Net.HttpStatusCode.OK, body, "text/xml");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<NewsFeedClient>().GetFeedAsync("coindesk", Ct));

        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task GetLatestAsync_TwoFeeds_MergesNewestFirstWithoutRepeatedLinks()
    {
        await using var host = Host(o =>
        {
            o.Feeds.Add(new NewsFeed("one", new Uri("https://one.test/rss")));
            o.Feeds.Add(new NewsFeed("two", new Uri("https://two.test/rss")));
        });
        host.Stub.Respond(request => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StringContent(request.RequestUri!.Host == "one.test"
                ? "<rss version=\"2.0\"><channel><item><title>A</title><link>https://x.test/a</link><pubDate>Tue, 10 Nov 2026 10:00:00 GMT</pubDate></item><item><title>Same</title><link>https://x.test/same?utm_source=one</link><pubDate>Tue, 10 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>"
                : "<rss version=\"2.0\"><channel><item><title>B</title><link>https://x.test/b</link><pubDate>Tue, 10 Nov 2026 11:00:00 GMT</pubDate></item><item><title>Same</title><link>https://x.test/same</link><pubDate>Tue, 10 Nov 2026 07:00:00 GMT</pubDate></item></channel></rss>",
                System.Text.Encoding.UTF8, Rss),
        }));

        var items = await host.Get<NewsFeedClient>().GetLatestAsync(Ct);

        Assert.Equal(["B", "A", "Same"], items.Select(i => i.Title));
        Assert.Equal("one", items[2].Source);
        Assert.Equal(2, host.Stub.Count);
    }

    [Fact]
    public async Task Options_DuplicateOrIncompleteFeeds_FailAtStart()
    {
        await using var host = Host(o =>
        {
            o.Feeds.Add(new NewsFeed("same", new Uri("https://a.test/rss")));
            o.Feeds.Add(new NewsFeed("SAME", new Uri("https://b.test/rss")));
            o.Feeds.Add(new NewsFeed { Name = "" });
        });

        var error = Assert.ThrowsAny<Exception>(host.ValidateOnStart);
        var failures = (error is AggregateException aggregate ? aggregate.InnerExceptions : [error])
            .OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        Assert.Contains(failures, f => f.Contains("used twice", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Feeds[2] has no Name", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Feeds[2] has no Uri", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_ConfigurationSection_ReplacesTheDefaultFeeds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Sources:News:Feeds:0:Name"] = "local",
            ["CryptoIntel:Sources:News:Feeds:0:Uri"] = "http://127.0.0.1:5999/rss",
            ["CryptoIntel:Sources:News:RequestsPerMinute"] = "5",
        }).Build();
        await using var host = SourceTestHost.Create(b => b.AddNewsFeeds(configuration.GetSection("CryptoIntel:Sources:News")));
        host.ValidateOnStart();
        host.Stub.Respond(System.Net.HttpStatusCode.OK, "<rss version=\"2.0\"><channel/></rss>", Rss);

        var client = host.Get<NewsFeedClient>();
        var items = await client.GetLatestAsync(Ct);

        Assert.Empty(items);
        Assert.Equal(["local"], client.Feeds.Select(f => f.Name));
        Assert.Equal("http://127.0.0.1:5999/rss", Assert.Single(host.Stub.Requests).Uri.AbsoluteUri);
        Assert.Equal(5, host.Get<Microsoft.Extensions.Options.IOptions<NewsFeedClientOptions>>().Value.RequestsPerMinute);
    }
}
