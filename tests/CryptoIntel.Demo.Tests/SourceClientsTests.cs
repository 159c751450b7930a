using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.Kraken;
using CryptoIntel.Sources.News;

namespace CryptoIntel.Demo.Tests;

/// <summary>The real typed clients, with their real parsers, read every simulated answer.</summary>
public sealed class SourceClientsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CoinGecko_EveryOperation_ParsesTheSimulatedAnswers()
    {
        using var demo = new DemoServices();
        var client = demo.Get<CoinGeckoClient>();

        var markets = await client.GetMarketsAsync(new MarketsQuery { PerPage = 250, IncludeHourAndWeekChange = true }, Token);
        Assert.Equal(60, markets.Count);
        Assert.Equal("bitcoin", markets[0].Id);
        Assert.All(markets, m => Assert.True(m.CurrentPrice > 0 && m.TotalVolume > 0 && m.MarketCap > 0));
        Assert.All(markets, m => Assert.NotNull(m.PriceChangePercentage7d));
        Assert.Equal(markets.Select(m => m.MarketCap).OrderDescending(), markets.Select(m => m.MarketCap));

        var page2 = await client.GetMarketsAsync(new MarketsQuery { PerPage = 50, Page = 2 }, Token);
        Assert.Equal(10, page2.Count);

        var global = await client.GetGlobalAsync(Token);
        Assert.Equal(60, global.ActiveCryptocurrencies);

        var trending = await client.GetTrendingAsync(Token);
        Assert.Equal(7, trending.Coins.Count);

        var detail = await client.GetCoinAsync(new AssetId("ethereum"), Token);
        Assert.Equal("Ethereum", detail.Name);

        var chart = await client.GetMarketChartAsync(new AssetId("bitcoin"), FiatCurrency.Usd, 1, Token);
        Assert.True(chart.Prices.Count >= 280);

        var ohlc = await client.GetOhlcAsync(new AssetId("solana"), FiatCurrency.Usd, 1, Token);
        Assert.NotEmpty(ohlc);

        var prices = await client.GetSimplePricesAsync([new AssetId("bitcoin"), new AssetId("solana")], [FiatCurrency.Usd, FiatCurrency.Eur], true, Token);
        Assert.Equal(4, prices.Count); // one per asset and currency

        Assert.NotEmpty(await client.GetCategoriesAsync(Token));
        Assert.NotEmpty(await client.PingAsync(Token));
        await Assert.ThrowsAsync<SourceRequestException>(() => client.GetCoinAsync(new AssetId("no-such-coin"), Token));
    }

    [Fact]
    public async Task CoinMarketCap_ListingsQuotesAndGlobal_ParseTheSimulatedAnswers()
    {
        using var demo = new DemoServices();
        var client = demo.Get<CoinMarketCapClient>();

        var listings = await client.GetListingsAsync(new ListingsQuery { Limit = 50 }, Token);
        Assert.Equal(50, listings.Count);
        Assert.Equal("BTC", listings[0].Symbol);

        Assert.NotNull(await client.GetGlobalMetricsAsync(cancellationToken: Token));
        Assert.Single(await client.GetQuotesBySymbolAsync(["ETH"], cancellationToken: Token));
        Assert.Single(await client.GetQuotesBySlugAsync(["solana"], cancellationToken: Token));
        Assert.NotEmpty(await client.GetNewListingsAsync(10, cancellationToken: Token));
    }

    [Fact]
    public async Task DefiLlama_ProtocolsChainsStablecoins_ParseTheSimulatedAnswers()
    {
        using var demo = new DemoServices();
        var client = demo.Get<DefiLlamaClient>();

        var protocols = await client.GetProtocolsAsync(Token);
        Assert.True(protocols.Count >= 20);
        Assert.All(protocols, p => Assert.True(p.Tvl > 0));

        var aave = await client.GetProtocolAsync("aave", Token);
        Assert.Equal("Aave", aave.Name);
        Assert.True(aave.Tvl.Count >= 600);
        Assert.True(await client.GetTvlAsync("lido", Token) > 0);

        var chains = await client.GetChainsAsync(Token);
        Assert.Contains(chains, c => c.Name == "Ethereum" && c.Tvl > 0);
        Assert.NotEmpty(await client.GetHistoricalChainTvlAsync("Solana", Token));
        Assert.NotEmpty(await client.GetHistoricalChainTvlAsync(cancellationToken: Token));

        var stablecoins = await client.GetStablecoinsAsync(Token);
        Assert.Equal(4, stablecoins.Count);

        Assert.Single(await client.GetCurrentPricesByAssetAsync([new AssetId("bitcoin")], Token));
    }

    [Fact]
    public async Task News_CryptoPanicRssPostsAndFeeds_ParseTheSimulatedAnswers()
    {
        using var demo = new DemoServices();
        var panic = demo.Get<CryptoPanicClient>();
        var rss = await panic.GetRssAsync(Token);
        Assert.NotEmpty(rss);
        Assert.All(rss, n => Assert.False(string.IsNullOrEmpty(n.Title)));

        var feeds = await demo.Get<NewsFeedClient>().GetLatestAsync(Token);
        Assert.NotEmpty(feeds);
        Assert.Equal(feeds.Count, feeds.Select(n => n.Url).Distinct().Count());

        using var keyed = new DemoServices(settings: new() { ["CryptoIntel:Sources:CryptoPanic:ApiKey"] = "demo-key-123456" });
        var posts = await keyed.Get<CryptoPanicClient>().GetPostsPageAsync(new CryptoPanicPostsQuery(), Token);
        Assert.NotEmpty(posts.Items);
        Assert.All(posts.Items, n => Assert.NotEmpty(n.Currencies));
    }

    [Fact]
    public async Task Exchanges_BinanceKrakenGeckoTerminalFearGreed_ParseTheSimulatedAnswers()
    {
        using var demo = new DemoServices();
        var binance = demo.Get<BinanceClient>();
        var tickers = await binance.GetTickers24hAsync(["BTCUSDT", "ETHUSDT"], Token);
        Assert.Equal(2, tickers.Count);
        Assert.True((await binance.GetTicker24hAsync("SOLUSDT", Token)).LastPrice > 0);
        Assert.True((await binance.GetPriceAsync("BTCUSDT", Token)).Price > 0);
        Assert.Equal(100, (await binance.GetKlinesAsync("BTCUSDT", "5m", limit: 100, cancellationToken: Token)).Count);
        await Assert.ThrowsAsync<SourceRequestException>(() => binance.GetTicker24hAsync("NOPEUSDT", Token));

        var kraken = demo.Get<KrakenClient>();
        Assert.Equal(3, (await kraken.GetTickersAsync(["XBTUSD", "ETHUSD", "SOLUSD"], Token)).Count);
        Assert.NotEmpty((await kraken.GetOhlcAsync("XBTUSD", 5, cancellationToken: Token)).Candles);

        var gecko = demo.Get<GeckoTerminalClient>();
        var pools = await gecko.GetTrendingPoolsAsync(cancellationToken: Token);
        Assert.Equal(20, pools.Count);
        Assert.All(pools, p => Assert.NotNull(p.BaseToken));
        Assert.NotEmpty(await gecko.GetNetworksAsync(cancellationToken: Token));
        var ohlcv = await gecko.GetPoolOhlcvAsync(pools[0].Network!, pools[0].Address, "minute", 5, cancellationToken: Token);
        Assert.NotEmpty(ohlcv.Candles);

        var fearGreed = demo.Get<FearGreedClient>();
        var latest = await fearGreed.GetLatestAsync(Token);
        Assert.InRange(latest.Value, 0, 100);
        Assert.Equal(2, (await fearGreed.GetIndexAsync(10, Token)).Count); // two days of history
    }
}
