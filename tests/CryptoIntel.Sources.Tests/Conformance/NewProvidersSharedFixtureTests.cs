using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

/// <summary>The responses in <c>../shared/fixtures/{binance,geckoterminal,cryptopanic}</c>, replayed through the real clients.</summary>
public class NewProvidersSharedFixtureTests
{
    private const string Token = "shared-fixture-token-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Binance() => SourceTestHost.Create(b => b.AddBinance(o =>
    {
        o.MaxRetryAttempts = 0;
        o.StaleDuration = TimeSpan.Zero;
    }));

    private static SourceTestHost GeckoTerminal() => SourceTestHost.Create(b => b.AddGeckoTerminal(o =>
    {
        o.MaxRetryAttempts = 0;
        o.StaleDuration = TimeSpan.Zero;
    }));

    [Fact]
    [SharedFixture("binance/api_v3_klines.json")]
    public async Task BinanceKlines_DocExample_ParsesPositionalArrayWithTrailingSpaces()
    {
        await using var host = Binance();
        host.Stub.RespondShared("binance/api_v3_klines.json");

        var klines = await host.Get<BinanceClient>().GetKlinesAsync("BNBBTC", "1d", cancellationToken: Ct);

        var k = Assert.Single(klines);
        Assert.Equal(new BinanceKline(
            DateTimeOffset.FromUnixTimeMilliseconds(1499040000000), 0.01634790m, 0.80000000m, 0.01575800m, 0.01577100m, 148976.11427815m,
            DateTimeOffset.FromUnixTimeMilliseconds(1499644799999), 2434.19055334m, 308, 1756.87402397m, 28.46694368m), k);
    }

    [Fact]
    [SharedFixture("binance/api_v3_ticker_24hr.json")]
    public async Task BinanceTicker24h_DocExample_Parses()
    {
        await using var host = Binance();
        host.Stub.RespondShared("binance/api_v3_ticker_24hr.json");

        var t = await host.Get<BinanceClient>().GetTicker24hAsync("BNBBTC", Ct);

        Assert.Equal(("BNBBTC", -94.99999800m, -95.960m, 4.00000200m), (t.Symbol, t.PriceChange, t.PriceChangePercent, t.LastPrice));
        Assert.Equal((99m, 100m, 0.1m, 8913.3m, 15.3m), (t.OpenPrice!.Value, t.HighPrice!.Value, t.LowPrice!.Value, t.Volume!.Value, t.QuoteVolume!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1499783499040), t.OpenTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1499869899040), t.CloseTime);
        Assert.Equal((28385L, 28460L, 76L), (t.FirstTradeId!.Value, t.LastTradeId!.Value, t.TradeCount!.Value));
    }

    [Fact]
    [SharedFixture("binance/api_v3_ticker_price.json")]
    public async Task BinancePrice_DocExample_Parses()
    {
        await using var host = Binance();
        host.Stub.RespondShared("binance/api_v3_ticker_price.json");

        Assert.Equal(new BinancePrice("LTCBTC", 4.00000200m), await host.Get<BinanceClient>().GetPriceAsync("LTCBTC", Ct));
    }

    [Fact]
    [SharedFixture("binance/api_v3_time.json")]
    public async Task BinanceTime_DocExample_Parses()
    {
        await using var host = Binance();
        host.Stub.RespondShared("binance/api_v3_time.json");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1499827319559), await host.Get<BinanceClient>().GetServerTimeAsync(Ct));
    }

    [Fact]
    [SharedFixture("geckoterminal/networks_docs.json")]
    public async Task GeckoNetworks_DocExample_Parses()
    {
        await using var host = GeckoTerminal();
        host.Stub.RespondShared("geckoterminal/networks_docs.json");

        var networks = await host.Get<GeckoTerminalClient>().GetNetworksAsync(cancellationToken: Ct);

        Assert.Equal(
            [new GeckoNetwork("eth", "Ethereum", "ethereum"), new GeckoNetwork("bsc", "BNB Chain", "binance-smart-chain"), new GeckoNetwork("polygon_pos", "Polygon POS", "polygon-pos")],
            networks);
    }

    [Fact]
    [SharedFixture("geckoterminal/networks_trending_pools_docs.json")]
    public async Task GeckoTrendingPools_DocExample_ParsesPoolAndIncludedToken()
    {
        await using var host = GeckoTerminal();
        host.Stub.RespondShared("geckoterminal/networks_trending_pools_docs.json");

        var pool = Assert.Single(await host.Get<GeckoTerminalClient>().GetTrendingPoolsAsync(cancellationToken: Ct));

        Assert.Equal(("eth", "uniswap_v3", "WETH / USDC 0.05%"), (pool.Network, pool.Dex, pool.Name));
        Assert.Equal("0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640", pool.Address);
        Assert.Equal(3653.12491645176m, pool.BaseTokenPriceUsd);
        Assert.Equal(0.998343707926245m, pool.QuoteTokenPriceUsd);
        Assert.Equal(11007041041m, pool.FdvUsd);
        Assert.Null(pool.MarketCapUsd);
        Assert.Equal(163988541.3812m, pool.ReserveUsd);
        Assert.Equal(new DateTimeOffset(2021, 12, 29, 12, 35, 14, TimeSpan.Zero), pool.CreatedAt);
        Assert.Equal(7.71m, pool.PriceChangePercentage["h24"]);
        Assert.Equal(536545444.904535m, pool.VolumeUsd["h24"]);
        Assert.Equal(new GeckoTransactionCounts(2966, 3847, 1625, 2399), pool.Transactions["h24"]);
        Assert.Equal(5, pool.Transactions.Count);
        Assert.Equal(("WETH", "Wrapped Ether", 18, "weth"), (pool.BaseToken!.Symbol, pool.BaseToken.Name, pool.BaseToken.Decimals, pool.BaseToken.CoinGeckoCoinId));
        Assert.Equal("eth_0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", pool.QuoteToken!.Id);
    }

    [Fact]
    [SharedFixture("geckoterminal/pool_ohlcv_docs.json")]
    public async Task GeckoOhlcv_DocExample_Parses()
    {
        await using var host = GeckoTerminal();
        host.Stub.RespondShared("geckoterminal/pool_ohlcv_docs.json");

        var ohlcv = await host.Get<GeckoTerminalClient>().GetPoolOhlcvAsync("eth", "0x06da0fd433c1a5d7a4faa01111c044910a184553", "day", cancellationToken: Ct);

        Assert.Equal(3, ohlcv.Candles.Count);
        Assert.Equal(new GeckoCandle(DateTimeOffset.FromUnixTimeSeconds(1712534400), 3454.61590249189m, 3660.85954963415m, 3417.91885296256m, 3660.85954963415m, 306823.277031161m), ohlcv.Candles[0]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1712361600), ohlcv.Candles[2].Timestamp);
        Assert.Equal(("WETH", "weth"), (ohlcv.Base!.Symbol, ohlcv.Base.CoinGeckoCoinId));
        Assert.Equal(("USDT", "0xdac17f958d2ee523a2206206994597c13d831ec7"), (ohlcv.Quote!.Symbol, ohlcv.Quote.Address));
    }

    [Fact]
    [SharedFixture("geckoterminal/pool_trades_docs.json")]
    public async Task GeckoTrades_DocExample_Parses()
    {
        await using var host = GeckoTerminal();
        host.Stub.RespondShared("geckoterminal/pool_trades_docs.json");

        var trade = Assert.Single(await host.Get<GeckoTerminalClient>().GetPoolTradesAsync("eth", "0x06da0fd433c1a5d7a4faa01111c044910a184553", cancellationToken: Ct));

        Assert.Equal(19612255L, trade.BlockNumber);
        Assert.Equal(new DateTimeOffset(2024, 4, 8, 16, 52, 35, TimeSpan.Zero), trade.BlockTimestamp);
        Assert.Equal(("buy", 1.51717616246451m, 5535.099061m), (trade.Kind, trade.FromTokenAmount!.Value, trade.ToTokenAmount!.Value));
        Assert.Equal((3656.8970003075m, 1.00235910799619m, 5548.15695745452m), (trade.PriceFromUsd!.Value, trade.PriceToUsd!.Value, trade.VolumeUsd!.Value));
        Assert.Equal("0x42c037c594eefeca741e9dd66af91e7ffd930872", trade.TxFromAddress);
    }

    [Fact]
    [SharedFixture("geckoterminal/simple_token_price_docs.json")]
    public async Task GeckoTokenPrice_DocExample_ParsesOverlongDecimal()
    {
        await using var host = GeckoTerminal();
        host.Stub.RespondShared("geckoterminal/simple_token_price_docs.json");

        var price = Assert.Single(await host.Get<GeckoTerminalClient>().GetTokenPricesAsync("eth", ["0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"], true, Ct));

        Assert.Equal(2289.33m, price.PriceUsd);
        Assert.Equal(6692452895.779648m, price.MarketCapUsd);
        Assert.Equal(965988358.733808m, price.Volume24hUsd);
        Assert.Equal(3.3870290336m, price.PriceChangePercentage24h);
        Assert.Equal(1576179559.9466977m, decimal.Round(price.TotalReserveUsd!.Value, 7)); // 30 significant digits, more than decimal holds
    }

    [Fact]
    [SharedFixture("cryptopanic/posts_kind_news.json")]
    public async Task CryptoPanicPosts_Captured2023_ParsesEveryPostAndStripsNextLink()
    {
        await using var host = SourceTestHost.Create(b => b.AddCryptoPanic(o =>
        {
            o.ApiKey = Token;
            o.UseLegacyV1Path = true;
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
        }));
        host.Stub.RespondShared("cryptopanic/posts_kind_news.json");

        var page = await host.Get<CryptoPanicClient>().GetPostsPageAsync(new CryptoPanicPostsQuery { Kind = "news", Regions = ["en"] }, Ct);

        Assert.StartsWith("/api/v1/posts/?auth_token=" + Token + "&kind=news&regions=en", Assert.Single(host.Stub.Requests).PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(200, page.TotalCount);
        Assert.Equal(new Uri("https://cryptopanic.com/api/v1/posts/?kind=news&regions=en&page=2"), page.NextPage);
        Assert.Equal(20, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal(("18112317", "cryptopanic", "In US Crypto Mining Regulation, Where do the States Stand?"), (first.Id, first.Source, first.Title));
        Assert.Equal(new DateTimeOffset(2023, 4, 14, 11, 22, 27, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal("blockworks.co", first.Outlet);
        Assert.Equal(new Uri("https://cryptopanic.com/news/18112317/In-US-Crypto-Mining-Regulation-Where-do-the-States-Stand"), first.Url);
        Assert.Empty(first.Currencies); // the key is absent
        Assert.Equal(["news"], first.Categories);
        Assert.Equal(9, first.Votes.Count);
        var millionaires = page.Items[1];
        Assert.Equal(["BTC"], millionaires.Currencies);
        Assert.Equal((1, 1, 1), (millionaires.Votes["positive"], millionaires.Votes["important"], millionaires.Votes["saved"]));
        Assert.All(page.Items, i => Assert.False(string.IsNullOrEmpty(i.Title)));
        Assert.Contains(page.Items, i => i.Currencies.Count > 0);
    }
}
