using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.News;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

public sealed class FearGreedConformanceTests : SourceClientConformanceTests<FearGreedClient>
{
    protected override string Provider => "feargreed";

    protected override string? KeyHeader => null;

    protected override string GoodBody => Fixture.Read("feargreed/fng_history.json");

    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddFearGreed(o => configure(o));

    protected override Task InvokeAsync(FearGreedClient client, CancellationToken cancellationToken) =>
        client.GetIndexAsync(3, cancellationToken);
}

public sealed class BinanceConformanceTests : SourceClientConformanceTests<BinanceClient>
{
    protected override string Provider => "binance";

    protected override string? KeyHeader => null;

    protected override string GoodBody => Fixture.Read("binance/ticker_24hr.json");

    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddBinance(o => configure(o));

    protected override Task InvokeAsync(BinanceClient client, CancellationToken cancellationToken) =>
        client.GetTicker24hAsync("BTCUSDT", cancellationToken);
}

public sealed class GeckoTerminalConformanceTests : SourceClientConformanceTests<GeckoTerminalClient>
{
    protected override string Provider => "geckoterminal";

    protected override string? KeyHeader => null;

    protected override string GoodBody => Fixture.Read("geckoterminal/trending_pools.json");

    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddGeckoTerminal(o => configure(o));

    protected override Task InvokeAsync(GeckoTerminalClient client, CancellationToken cancellationToken) =>
        client.GetTrendingPoolsAsync(cancellationToken: cancellationToken);
}

public sealed class NewsFeedConformanceTests : SourceClientConformanceTests<NewsFeedClient>
{
    protected override string Provider => "news";

    protected override string? KeyHeader => null;

    protected override string GoodBody => Fixture.Read("news/coindesk.xml");

    protected override string GoodBodyMediaType => "application/rss+xml";

    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddNewsFeeds(o => configure(o));

    protected override Task InvokeAsync(NewsFeedClient client, CancellationToken cancellationToken) =>
        client.GetFeedAsync("coindesk", cancellationToken);
}

/// <summary>CryptoPanic's key-less path, the RSS feed; the posts API's token handling has its own tests (the token must be in the URL there).</summary>
public sealed class CryptoPanicConformanceTests : SourceClientConformanceTests<CryptoPanicClient>
{
    protected override string Provider => "cryptopanic";

    protected override string? KeyHeader => null;

    protected override string GoodBody => Fixture.Read("cryptopanic/rss.xml");

    protected override string GoodBodyMediaType => "application/rss+xml";

    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddCryptoPanic(o => configure(o));

    protected override Task InvokeAsync(CryptoPanicClient client, CancellationToken cancellationToken) =>
        client.GetRssAsync(cancellationToken);
}
