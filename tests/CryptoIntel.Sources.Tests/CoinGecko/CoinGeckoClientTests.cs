using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.CoinGecko;

public class CoinGeckoClientTests
{
    private static SourceTestHost Host(Action<CoinGeckoClientOptions>? configure = null) =>
        SourceTestHost.Create(b => b.AddCoinGecko(o => configure?.Invoke(o)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host();
        var client = host.Get<CoinGeckoClient>();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetMarketsAsync(new MarketsQuery { PerPage = 251 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetMarketsAsync(new MarketsQuery { Page = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetSimplePricesAsync(null!, [FiatCurrency.Usd], cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSimplePricesAsync([], [FiatCurrency.Usd], cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetCoinAsync(default, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetCoinAsync(new AssetId(".."), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetOhlcAsync(AssetId.Bitcoin, FiatCurrency.Usd, 2, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetMarketChartAsync(AssetId.Bitcoin, FiatCurrency.Usd, 0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in client.GetAllMarketsAsync(maxPages: 0, cancellationToken: Ct))
            {
            }
        });
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public async Task GetMarketsAsync_Page_ParsesNumbersNullsExponentsAndStrings()
    {
        await using var host = Host();
        host.Stub.RespondFile("coingecko/markets_page.json");

        var rows = await host.Get<CoinGeckoClient>().GetMarketsAsync(new MarketsQuery { PerPage = 3 }, Ct);

        Assert.Equal(3, rows.Count);
        var btc = rows[0];
        Assert.Equal("bitcoin", btc.Id);
        Assert.Equal(91234.5m, btc.CurrentPrice);
        Assert.Equal(1_812_300_000_000m, btc.MarketCap);
        Assert.Equal(1, btc.MarketCapRank);
        Assert.Equal(-0.55871m, btc.PriceChangePercentage24h);
        Assert.Equal(21_000_000d, btc.MaxSupply);
        Assert.Null(btc.Roi);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 11, 59, 30, 120, TimeSpan.Zero), btc.LastUpdated);
        Assert.Equal(3120.41m, rows[1].CurrentPrice); // a number sent as a string
        Assert.Null(rows[1].FullyDilutedValuation);
        Assert.Equal(38.1m, rows[1].Roi!.Times);
        Assert.Equal(0.00000012m, rows[2].CurrentPrice); // 1.2e-7
        Assert.Equal(1e33, rows[2].TotalSupply); // beyond decimal: supplies are double
        Assert.Null(rows[2].LastUpdated);
        Assert.Null(rows[2].ToPricePoint(FiatCurrency.Usd));
        var point = btc.ToPricePoint(FiatCurrency.Usd)!;
        Assert.Equal(AssetId.Bitcoin, point.Asset);
        Assert.Equal("coingecko", point.Source);
    }

    [Fact]
    public async Task GetMarketsAsync_NullSymbolAndName_AreEmptyNotNull()
    {
        await using var host = Host();
        host.Stub.RespondJson("[{\"id\":\"x\",\"symbol\":null,\"name\":null}]");

        var row = Assert.Single(await host.Get<CoinGeckoClient>().GetMarketsAsync(cancellationToken: Ct));

        Assert.Equal((string.Empty, string.Empty), (row.Symbol, row.Name));
    }

    [Fact]
    public async Task GetMarketsAsync_Query_IsSentEscapedWithKeyInHeaderOnly()
    {
        await using var host = Host(o => o.ApiKey = "demo-key-123456");
        host.Stub.RespondJson("[]");

        await host.Get<CoinGeckoClient>().GetMarketsAsync(new MarketsQuery
        {
            VsCurrency = "eur",
            Ids = [AssetId.Bitcoin, new AssetId("x&per_page=1")],
            PerPage = 250,
            Page = 2,
            IncludeHourAndWeekChange = true,
        }, Ct);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("https://api.coingecko.com/api/v3/coins/markets?vs_currency=eur&ids=bitcoin%2Cx%26per_page%3D1&order=market_cap_desc&per_page=250&page=2&price_change_percentage=1h%2C7d", sent.Uri.AbsoluteUri);
        Assert.Equal("demo-key-123456", sent.Headers["x-cg-demo-api-key"]);
        Assert.DoesNotContain("demo-key", sent.Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("CryptoIntel/", sent.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaidPlan_UsesProAddressAndHeader()
    {
        await using var host = Host(o =>
        {
            o.Plan = SourcePlan.Paid;
            o.ApiKey = "pro-key-123456";
        });
        host.Stub.RespondFile("coingecko/global.json");

        var global = await host.Get<CoinGeckoClient>().GetGlobalAsync(Ct);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("https://pro-api.coingecko.com/api/v3/global", sent.Uri.AbsoluteUri);
        Assert.Equal("pro-key-123456", sent.Headers["x-cg-pro-api-key"]);
        Assert.False(sent.Headers.ContainsKey("x-cg-demo-api-key"));
        Assert.Equal(17321, global.ActiveCryptocurrencies);
        Assert.Equal(3.29e12m, global.TotalMarketCap["usd"]);
        Assert.Equal(55.1m, global.MarketCapPercentage["btc"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762775940), global.UpdatedAt);
    }

    [Fact]
    public async Task GetAllMarketsAsync_StopsAtShortPage()
    {
        await using var host = Host();
        host.Stub.RespondFile("coingecko/markets_page.json").RespondJson("[]");

        var rows = new List<CoinMarket>();
        await foreach (var row in host.Get<CoinGeckoClient>().GetAllMarketsAsync(new MarketsQuery { PerPage = 3 }, maxPages: 5, Ct))
        {
            rows.Add(row);
        }

        Assert.Equal(3, rows.Count);
        Assert.Equal(2, host.Stub.Count);
        Assert.Contains("page=2", host.Stub.Requests.Last().Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSimplePricesAsync_WithMarketData_FlattensPerCurrency()
    {
        await using var host = Host();
        host.Stub.RespondFile("coingecko/simple_price.json");

        var prices = await host.Get<CoinGeckoClient>().GetSimplePricesAsync([AssetId.Ethereum, AssetId.Bitcoin], ["usd", "eur"], includeMarketData: true, Ct);

        Assert.Equal("/api/v3/simple/price?ids=bitcoin%2Cethereum&vs_currencies=eur%2Cusd&include_market_cap=true&include_24hr_vol=true&include_24hr_change=true&include_last_updated_at=true", host.Stub.Requests.Single().PathAndQuery);
        Assert.Equal(4, prices.Count);
        var btcUsd = prices.Single(p => p.Asset == AssetId.Bitcoin && p.Currency == FiatCurrency.Usd);
        Assert.Equal(91234.5m, btcUsd.Price);
        Assert.Equal(1_812_300_000_000m, btcUsd.MarketCap);
        Assert.Equal(-0.55m, btcUsd.Change24h);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762775970), btcUsd.LastUpdatedAt);
        Assert.Null(prices.Single(p => p.Asset == AssetId.Ethereum && p.Currency == FiatCurrency.Eur).MarketCap);
    }

    [Fact]
    public async Task GetCoinAsync_Detail_MapsAndCleansUp()
    {
        await using var host = Host();
        host.Stub.RespondFile("coingecko/coin_detail.json");

        var coin = await host.Get<CoinGeckoClient>().GetCoinAsync(AssetId.Ethereum, Ct);

        Assert.StartsWith("/api/v3/coins/ethereum?localization=false&tickers=false", host.Stub.Requests.Single().PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Ethereum", coin.Name);
        Assert.Equal(["Smart Contract Platform", "Layer 1 (L1)"], coin.Categories);
        Assert.Equal(["https://ethereum.org/"], coin.Homepages);
        Assert.Empty(coin.Platforms);
        Assert.Equal(new DateOnly(2015, 7, 30), coin.GenesisDate);
        Assert.Equal(3120.41m, coin.CurrentPrice["usd"]);
        Assert.False(coin.CurrentPrice.ContainsKey("xyz"));
        Assert.Null(coin.MaxSupply);
    }

    [Fact]
    public async Task GetMarketChartAndOhlc_ParsePairsAndSkipGaps()
    {
        await using var host = Host();
        host.Stub.RespondFile("coingecko/market_chart.json").RespondFile("coingecko/ohlc.json");
        var client = host.Get<CoinGeckoClient>();

        var chart = await client.GetMarketChartAsync(AssetId.Ethereum, FiatCurrency.Usd, 2, Ct);
        var candles = await client.GetOhlcAsync(AssetId.Ethereum, FiatCurrency.Usd, 1, Ct);

        Assert.Equal(2, chart.Prices.Count);
        Assert.Equal(new TimedValue(DateTimeOffset.FromUnixTimeMilliseconds(1762689600000), 3100.5m), chart.Prices[0]);
        Assert.Equal(374_000_000_000m, chart.MarketCaps[0].Value);
        Assert.Single(chart.TotalVolumes);
        Assert.Equal(2, candles.Count);
        Assert.Equal(3120.41m, candles[1].Close);
    }

    [Fact]
    public async Task GetTrendingAsync_StringNumbers_AreRead()
    {
        await using var host = Host();
        host.Stub.RespondFile("coingecko/trending.json");

        var trending = await host.Get<CoinGeckoClient>().GetTrendingAsync(Ct);

        var coin = Assert.Single(trending.Coins);
        Assert.Equal("example-coin", coin.Id);
        Assert.Equal(0.000137m, coin.PriceUsd);
        Assert.Equal(12.5m, coin.PriceChangePercentage24hUsd);
        Assert.Equal(0.0000000015m, coin.PriceBtc);
        var category = Assert.Single(trending.Categories);
        Assert.Equal(189, category.CoinsCount);
    }

    [Fact]
    public async Task GetCoinsListAsync_Platforms_AreKept()
    {
        await using var host = Host();
        host.Stub.RespondFile("coingecko/coins_list.json");

        var list = await host.Get<CoinGeckoClient>().GetCoinsListAsync(includePlatforms: true, Ct);

        Assert.Equal("/api/v3/coins/list?include_platform=true", host.Stub.Requests.Single().PathAndQuery);
        Assert.Equal(2, list.Count);
        Assert.Equal("0x0000000000000000000000000000000000000001", list[0].Platforms["ethereum"]);
        Assert.Null(list[0].Platforms["solana"]);
    }
}
