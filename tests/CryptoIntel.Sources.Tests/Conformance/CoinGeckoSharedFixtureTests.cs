using System.Net;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

/// <summary>The real CoinGecko responses in <c>../shared/fixtures/coingecko</c>, replayed through the real client.</summary>
public class CoinGeckoSharedFixtureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host() => SourceTestHost.Create(b => b.AddCoinGecko(o =>
    {
        o.MaxRetryAttempts = 0;
        o.StaleDuration = TimeSpan.Zero;
    }));

    [Fact]
    [SharedFixture("coingecko/coins_markets.json")]
    public async Task Markets_Captured2025_ParsesEveryRow()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/coins_markets.json");

        var rows = await host.Get<CoinGeckoClient>().GetMarketsAsync(new MarketsQuery { PerPage = 30 }, Ct);

        Assert.Equal(30, rows.Count);
        var btc = rows[0];
        Assert.Equal(("bitcoin", "btc", 79847m, 1_592_704_518_472m, 1L), (btc.Id, btc.Symbol, btc.CurrentPrice, btc.MarketCap, btc.MarketCapRank));
        Assert.Equal(-7128.754488713603m, btc.PriceChange24h);
        Assert.Equal(19_832_115d, btc.CirculatingSupply);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 14, 45, 50, 155, TimeSpan.Zero), btc.LastUpdated);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Id)));
        Assert.Contains(rows, r => r.MaxSupply is null);
        Assert.Contains(rows, r => r.Roi is not null);
    }

    [Fact]
    [SharedFixture("coingecko/coins_markets_docs.json")]
    public async Task Markets_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/coins_markets_docs.json");

        var rows = await host.Get<CoinGeckoClient>().GetMarketsAsync(cancellationToken: Ct);

        var row = Assert.Single(rows);
        Assert.Equal(("bitcoin", 70187m, 3.12502m), (row.Id, row.CurrentPrice, row.PriceChangePercentage24h));
        Assert.Null(row.Roi);
    }

    [Fact]
    [SharedFixture("coingecko/global.json")]
    public async Task Global_Captured_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/global.json");

        var global = await host.Get<CoinGeckoClient>().GetGlobalAsync(Ct);

        Assert.True(global.ActiveCryptocurrencies > 10_000);
        Assert.True(global.TotalMarketCap["usd"] > 1e12m);
        Assert.True(global.MarketCapPercentage["btc"] > 40m);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1744025333), global.UpdatedAt);
    }

    [Fact]
    [SharedFixture("coingecko/search_trending.json")]
    public async Task Trending_Captured_ReadsNumbersSentAsStrings()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/search_trending.json");

        var trending = await host.Get<CoinGeckoClient>().GetTrendingAsync(Ct);

        Assert.NotEmpty(trending.Coins);
        var first = trending.Coins[0];
        Assert.Equal("qubic-network", first.Id);
        Assert.Equal(32949, first.CoinId);
        Assert.Equal(0.000000904766669820536m, first.PriceUsd);
        Assert.NotEmpty(trending.Categories);
        Assert.Equal(11, trending.Categories[0].CoinsCount); // "11" as a string
    }

    [Fact]
    [SharedFixture("coingecko/coins_id_ethereum.json")]
    public async Task CoinDetail_Captured_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/coins_id_ethereum.json");

        // The capture is named after /coins/ethereum but holds bitcoin's detail: trust the capture.
        var coin = await host.Get<CoinGeckoClient>().GetCoinAsync(AssetId.Ethereum, Ct);

        Assert.Equal(("bitcoin", "btc", "Bitcoin"), (coin.Id, coin.Symbol, coin.Name));
        Assert.Equal(1, coin.MarketCapRank);
        Assert.True(coin.CurrentPrice["usd"] > 0);
        Assert.Equal(["http://www.bitcoin.org"], coin.Homepages);
        Assert.Equal(new DateOnly(2009, 1, 3), coin.GenesisDate);
        Assert.Contains("Proof of Work (PoW)", coin.Categories);
    }

    [Fact]
    [SharedFixture("coingecko/coins_categories.json")]
    public async Task Categories_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/coins_categories.json");

        var categories = await host.Get<CoinGeckoClient>().GetCategoriesAsync(Ct);

        var layer1 = categories[0];
        Assert.Equal(("layer-1", "Layer 1 (L1)"), (layer1.Id, layer1.Name));
        Assert.Equal(2061406861196.14m, layer1.MarketCap);
        Assert.Equal(["bitcoin", "ethereum", "binancecoin"], layer1.TopCoinIds);
    }

    [Fact]
    [SharedFixture("coingecko/simple_supported_vs_currencies.json")]
    public async Task SupportedCurrencies_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/simple_supported_vs_currencies.json");

        var currencies = await host.Get<CoinGeckoClient>().GetSupportedCurrenciesAsync(Ct);

        Assert.Contains(FiatCurrency.Usd, currencies);
        Assert.Contains(FiatCurrency.Btc, currencies);
    }

    [Fact]
    [SharedFixture("coingecko/ping.json")]
    public async Task Ping_DocExample_ReturnsGreeting()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/ping.json");

        Assert.Equal("(V3) To the Moon!", await host.Get<CoinGeckoClient>().PingAsync(Ct));
    }

    [Fact]
    [SharedFixture("coingecko/coins_id_ohlc.json")]
    public async Task Ohlc_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/coins_id_ohlc.json");

        var candles = await host.Get<CoinGeckoClient>().GetOhlcAsync(AssetId.Ethereum, FiatCurrency.Usd, 1, Ct);

        Assert.Equal(3, candles.Count);
        Assert.Equal(new OhlcCandle(DateTimeOffset.FromUnixTimeMilliseconds(1709395200000), 61942m, 62211m, 61721m, 61845m), candles[0]);
    }

    [Fact]
    [SharedFixture("coingecko/coins_list.json")]
    public async Task CoinsList_DocExample_KeepsPlatforms()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/coins_list.json");

        var list = await host.Get<CoinGeckoClient>().GetCoinsListAsync(true, Ct);

        Assert.Equal("0chain", list[0].Id);
        Assert.Equal("0xb9ef770b6a5e12e45983c5d80545258aa38f3b78", list[0].Platforms["ethereum"]);
    }

    [Fact]
    [SharedFixture("coingecko/simple_price.json")]
    public async Task SimplePrice_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/simple_price.json");

        var prices = await host.Get<CoinGeckoClient>().GetSimplePricesAsync([AssetId.Ethereum], [FiatCurrency.Usd], cancellationToken: Ct);

        Assert.Equal(new SimplePrice(AssetId.Ethereum, FiatCurrency.Usd, 1498.64m), Assert.Single(prices));
    }

    [Fact]
    [SharedFixture("coingecko/error_429_rate_limit.json")]
    public async Task RateLimit_Captured429_IsRateLimitedWithRetryAfter()
    {
        await using var host = Host();
        host.Stub.RespondShared("coingecko/error_429_rate_limit.json", HttpStatusCode.TooManyRequests, r => r.Headers.TryAddWithoutValidation("retry-after", "119"));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<CoinGeckoClient>().GetGlobalAsync(Ct));

        Assert.Equal(SourceFailureKind.RateLimited, error.Kind);
        Assert.Equal("429", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(119), error.RetryAfter);
        Assert.Contains("exceeded the Rate Limit", error.Message, StringComparison.Ordinal);
    }
}
