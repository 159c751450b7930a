using System.Net;
using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.CoinMarketCap;

public class CoinMarketCapClientTests
{
    private const string Key = "cmc-test-key-0123456789";

    private static SourceTestHost Host(Action<CoinMarketCapClientOptions>? configure = null) =>
        SourceTestHost.Create(b => b.AddCoinMarketCap(o =>
        {
            o.ApiKey = Key;
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host();
        var client = host.Get<CoinMarketCapClient>();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetListingsAsync(new ListingsQuery { Limit = 5001 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetListingsAsync(new ListingsQuery { Limit = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetListingsAsync(new ListingsQuery { Start = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetListingsAsync(new ListingsQuery { Convert = [] }, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetQuotesByIdAsync(null!, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetQuotesByIdAsync([], cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetQuotesBySlugAsync([" "], cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetQuotesBySymbolAsync(null!, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetNewListingsAsync(0, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetMapAsync(0, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetInfoAsync([], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetCategoriesAsync(limit: 0, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetPriceConversionAsync(-1m, 1, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetPriceConversionAsync(1m, 0, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetDexListingsAsync(0, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetDexSpotPairsAsync(" ", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetDexSpotPairsAsync("ethereum", limit: 501, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in client.GetAllListingsAsync(maxPages: 0, cancellationToken: Ct))
            {
            }
        });
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public async Task GetListingsAsync_Page_ParsesNullsStringsExponentsAndHugeSupplies()
    {
        await using var host = Host();
        host.Stub.RespondFile("coinmarketcap/listings.json");

        var rows = await host.Get<CoinMarketCapClient>().GetListingsAsync(cancellationToken: Ct);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("https://pro-api.coinmarketcap.com/v1/cryptocurrency/listings/latest?start=1&limit=100&convert=USD&sort=market_cap", sent.Uri.AbsoluteUri);
        Assert.Equal(Key, sent.Headers["X-CMC_PRO_API_KEY"]);
        Assert.Equal(3, rows.Count);
        var btc = rows[0];
        Assert.Equal((1L, "BTC", "bitcoin", 1L), (btc.Id, btc.Symbol, btc.Slug, btc.CmcRank));
        Assert.Equal(["mineable", "pow"], btc.Tags);
        Assert.Equal(21_000_000d, btc.MaxSupply);
        Assert.Null(btc.Platform);
        var usd = btc.GetQuote(FiatCurrency.Usd)!;
        Assert.Equal(91234.5m, usd.Price);
        Assert.Equal(42_100_000_000m, usd.Volume24h); // 4.21e10
        Assert.Equal(1_812_300_000_000m, usd.MarketCap);
        Assert.Null(usd.PercentChange60d);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 11, 59, 0, TimeSpan.Zero), usd.LastUpdated);
        var eth = rows[1];
        Assert.Equal(9800, eth.NumMarketPairs); // a number sent as a string
        Assert.Equal(120_400_000.5d, eth.CirculatingSupply);
        Assert.Equal(3120.41m, eth.Quote["USD"].Price);
        Assert.Null(eth.Quote["USD"].Volume24h);
        Assert.Null(eth.MaxSupply);
        Assert.True(eth.InfiniteSupply);
        var meme = rows[2];
        Assert.Empty(meme.Tags); // null tags
        Assert.Equal(1e33, meme.TotalSupply); // beyond decimal: supplies are double
        Assert.Equal(0.00000012m, meme.Quote["USD"].Price);
        Assert.Equal("0x00000000000000000000000000000000000000aa", meme.Platform!.TokenAddress);
    }

    [Fact]
    public async Task ToPricePoint_CallerSuppliesAsset_UsesQuoteOrRowTime()
    {
        await using var host = Host();
        host.Stub.RespondFile("coinmarketcap/listings.json");

        var rows = await host.Get<CoinMarketCapClient>().GetListingsAsync(cancellationToken: Ct);

        var point = rows[0].ToPricePoint(AssetId.Bitcoin, FiatCurrency.Usd)!;
        Assert.Equal(new PricePoint(AssetId.Bitcoin, "coinmarketcap", new DateTimeOffset(2026, 11, 10, 11, 59, 0, TimeSpan.Zero), 91234.5m, FiatCurrency.Usd, 42_100_000_000m, 1_812_300_000_000m), point);
        Assert.Null(rows[0].ToPricePoint(AssetId.Bitcoin, FiatCurrency.Eur)); // not converted to EUR
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 11, 50, 0, TimeSpan.Zero), rows[2].ToPricePoint("example-meme", FiatCurrency.Usd)!.Timestamp); // quote time null: row time
    }

    [Theory]
    [InlineData(100, 1, 1)]
    [InlineData(101, 1, 2)]
    [InlineData(5000, 1, 50)]
    [InlineData(1, 3, 3)]
    [InlineData(250, 2, 4)]
    public void Credits_RowsAndConverts_OnePer100RowsPlusOnePerExtraConvert(int rows, int converts, int expected) =>
        Assert.Equal(expected, CoinMarketCapClient.Credits(rows, converts));

    [Fact]
    public async Task GetListingsAsync_LargePage_SpendsCreditsFromMonthlyQuota()
    {
        await using var host = Host(o => o.MonthlyQuota = 30);
        host.Stub.RespondJson("{\"status\":{\"error_code\":0},\"data\":[]}");
        var client = host.Get<CoinMarketCapClient>();

        await client.GetListingsAsync(new ListingsQuery { Limit = 1000, Convert = [FiatCurrency.Usd, FiatCurrency.Eur] }, Ct); // 10 + 1 credits
        await client.GetListingsAsync(new ListingsQuery { Limit = 1500 }, Ct); // 15 credits: 26 of 30 spent
        var refused = await Assert.ThrowsAsync<SourceRequestException>(() => client.GetListingsAsync(new ListingsQuery { Limit = 500 }, Ct)); // 5 more would exceed 30

        Assert.Equal(SourceFailureKind.QuotaExceeded, refused.Kind);
        Assert.Equal(2, host.Stub.Count);
        Assert.Contains("convert=USD%2CEUR", host.Stub.Requests.First().Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQuotesBySymbolAsync_ArraysPerSymbol_AreFlattenedAndTagObjectsReadAsSlugs()
    {
        await using var host = Host();
        host.Stub.RespondFile("coinmarketcap/quotes_by_symbol.json");

        var rows = await host.Get<CoinMarketCapClient>().GetQuotesBySymbolAsync(["eth"], [FiatCurrency.Usd, FiatCurrency.Eur], Ct);

        Assert.Equal("/v2/cryptocurrency/quotes/latest?symbol=ETH&convert=USD%2CEUR", host.Stub.Requests.Single().PathAndQuery);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["pos", "layer-1"], rows[0].Tags);
        Assert.Equal(2890.05m, rows[0].GetQuote(FiatCurrency.Eur)!.Price);
        Assert.Equal(375_700_000_000m, rows[0].GetQuote(FiatCurrency.Usd)!.MarketCap); // 3.757E11
        Assert.Null(rows[1].CmcRank);
        Assert.Null(rows[1].ToPricePoint("ethereum-copycat", FiatCurrency.Usd)); // no price
    }

    [Fact]
    public async Task GetQuotesByIdAsync_Ids_AreSortedAndDeduplicated()
    {
        await using var host = Host();
        host.Stub.RespondJson("{\"status\":{\"error_code\":0},\"data\":{}}");

        var rows = await host.Get<CoinMarketCapClient>().GetQuotesByIdAsync([2010, 1, 2010], cancellationToken: Ct);

        Assert.Empty(rows);
        Assert.Equal("/v2/cryptocurrency/quotes/latest?id=1%2C2010&convert=USD", host.Stub.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task GetGlobalMetricsAsync_Body_Parses()
    {
        await using var host = Host();
        host.Stub.RespondFile("coinmarketcap/global_metrics.json");

        var global = await host.Get<CoinMarketCapClient>().GetGlobalMetricsAsync(FiatCurrency.Usd, Ct);

        Assert.Equal("/v1/global-metrics/quotes/latest?convert=USD", host.Stub.Requests.Single().PathAndQuery);
        Assert.Equal(9876, global.ActiveCryptocurrencies);
        Assert.Equal(57.1m, global.BtcDominance);
        Assert.Equal(98_000_000_000m, global.StablecoinVolume24h);
        Assert.Null(global.DerivativesVolume24h);
        Assert.Equal(3.29e12m, global.Quote["USD"].TotalMarketCap);
        Assert.Equal(-0.8m, global.Quote["USD"].TotalMarketCapYesterdayPercentageChange);
    }

    [Fact]
    public async Task GetDexSpotPairsAsync_QuoteArray_Parses()
    {
        await using var host = Host(o => o.Plan = SourcePlan.Paid);
        host.Stub.RespondFile("coinmarketcap/dex_spot_pairs.json");

        var pairs = await host.Get<CoinMarketCapClient>().GetDexSpotPairsAsync("ethereum", "uniswap-v3", 50, Ct);

        var sent = host.Stub.Requests.Single();
        Assert.Equal("/v4/dex/spot-pairs/latest?network_slug=ethereum&dex_slug=uniswap-v3&limit=50", sent.PathAndQuery);
        Assert.Equal(Key, sent.Headers["X-CMC_PRO_API_KEY"]);
        var pair = Assert.Single(pairs);
        Assert.Equal(("WETH/USDC", "ethereum", "uniswap-v3", 15321L), (pair.Name, pair.NetworkSlug, pair.DexSlug, pair.NumTransactions24h));
        var quote = Assert.Single(pair.Quotes);
        Assert.Equal(2781, quote.ConvertId); // sent as a string
        Assert.Equal(3119.8m, quote.Price);
        Assert.Equal(190_000_000m, quote.Liquidity);
        Assert.Null(quote.FullyDilutedValue);
    }

    [Fact]
    public async Task GetDexListingsAsync_QuoteObject_IsAcceptedAsOneQuote()
    {
        await using var host = Host();
        host.Stub.RespondFile("coinmarketcap/dex_listings.json");

        var dexes = await host.Get<CoinMarketCapClient>().GetDexListingsAsync(10, Ct);

        Assert.Equal("/v4/dex/listings/quotes?limit=10", host.Stub.Requests.Single().PathAndQuery);
        var dex = Assert.Single(dexes);
        Assert.Equal(("uniswap-v3", "swap", 12.5m), (dex.Slug, dex.Type, dex.MarketShare));
        Assert.Equal(1_200_000_000m, Assert.Single(dex.Quotes).Volume24h);
    }

    [Theory]
    [InlineData("coinmarketcap/error_200_invalid_key.json", "1002", SourceFailureKind.ProviderError, "missing or invalid")]
    [InlineData("coinmarketcap/error_200_monthly_limit.json", "1010", SourceFailureKind.RateLimited, "monthly credit limit")]
    public async Task Call_Http200WithErrorCode_ThrowsTypedError(string fixture, string code, SourceFailureKind kind, string text)
    {
        await using var host = Host();
        host.Stub.RespondFile(fixture);

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<CoinMarketCapClient>().GetGlobalMetricsAsync(cancellationToken: Ct));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("coinmarketcap", error.Provider);
        Assert.Equal("global_metrics", error.Operation);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Http200ErrorEchoingTheKey_IsRedacted()
    {
        await using var host = Host();
        host.Stub.RespondJson("{\"status\":{\"error_code\":1001,\"error_message\":\"This API Key is invalid: " + Key + "\"}}");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<CoinMarketCapClient>().GetMapAsync(cancellationToken: Ct));

        Assert.Equal((SourceFailureKind.ProviderError, "1001"), (error.Kind, error.ErrorCode));
        Assert.Contains("***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, host.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Http200With1008AfterData_IsRateLimitedWithMinuteRetry()
    {
        await using var host = Host();
        host.Stub.RespondJson("{\"data\":[],\"status\":{\"error_code\":1008,\"error_message\":\"You've exceeded your API Key's HTTP request rate limit.\"}}");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<CoinMarketCapClient>().GetMapAsync(cancellationToken: Ct));

        Assert.Equal(SourceFailureKind.RateLimited, error.Kind);
        Assert.Equal("1008", error.ErrorCode);
        Assert.Equal(TimeSpan.FromMinutes(1), error.RetryAfter);
    }

    [Fact]
    public async Task Call_Http401WithErrorBody_CarriesCodeWithoutKey()
    {
        await using var host = Host();
        host.Stub.Respond(HttpStatusCode.Unauthorized, "{\"status\":{\"error_code\":1001,\"error_message\":\"This API Key is invalid: " + Key + "\"}}");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<CoinMarketCapClient>().GetCategoriesAsync(cancellationToken: Ct));

        Assert.Equal((SourceFailureKind.HttpError, HttpStatusCode.Unauthorized, "1001"), (error.Kind, error.StatusCode, error.ErrorCode));
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, host.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAllListingsAsync_StopsAtShortPage()
    {
        await using var host = Host();
        host.Stub.RespondFile("coinmarketcap/listings.json").RespondJson("{\"status\":{\"error_code\":0},\"data\":[]}");

        var rows = new List<CmcCryptocurrency>();
        await foreach (var row in host.Get<CoinMarketCapClient>().GetAllListingsAsync(new ListingsQuery { Limit = 3 }, maxPages: 5, Ct))
        {
            rows.Add(row);
        }

        Assert.Equal(3, rows.Count);
        Assert.Equal(2, host.Stub.Count);
        Assert.Contains("start=4&limit=3", host.Stub.Requests.Last().Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseAddress_Sandbox_IsUsed()
    {
        await using var host = Host(o => o.BaseAddress = new Uri("https://sandbox-api.coinmarketcap.com"));
        host.Stub.RespondJson("{\"status\":{\"error_code\":0},\"data\":[]}");

        await host.Get<CoinMarketCapClient>().GetNewListingsAsync(5, cancellationToken: Ct);

        Assert.Equal("https://sandbox-api.coinmarketcap.com/v1/cryptocurrency/listings/new?limit=5&convert=USD", host.Stub.Requests.Single().Uri.AbsoluteUri);
    }
}
