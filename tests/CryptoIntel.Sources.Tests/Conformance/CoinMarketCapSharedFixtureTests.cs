using System.Net;
using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

/// <summary>The CoinMarketCap responses in <c>../shared/fixtures/coinmarketcap</c>, replayed through the real client.</summary>
public class CoinMarketCapSharedFixtureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host() => SourceTestHost.Create(b => b.AddCoinMarketCap(o =>
    {
        o.ApiKey = "shared-fixture-key";
        o.MaxRetryAttempts = 0;
        o.StaleDuration = TimeSpan.Zero;
    }));

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi, int s, int ms = 0) => new(y, mo, d, h, mi, s, ms, TimeSpan.Zero);

    [Fact]
    [SharedFixture("coinmarketcap/listings_latest.json")]
    public async Task Listings_Captured2024_ParsesEveryRow()
    {
        await using var host = Host();
        host.Stub.RespondShared("coinmarketcap/listings_latest.json");

        var rows = await host.Get<CoinMarketCapClient>().GetListingsAsync(new ListingsQuery { Limit = 3 }, Ct);

        Assert.Equal(["BTC", "ETH", "USDT"], rows.Select(r => r.Symbol));
        var btc = rows[0];
        Assert.Equal((1L, "bitcoin", 1L, 10707L), (btc.Id, btc.Slug, btc.CmcRank, btc.NumMarketPairs));
        Assert.Equal(30, btc.Tags.Count);
        Assert.Equal(19_599_581d, btc.CirculatingSupply);
        var usd = btc.GetQuote(FiatCurrency.Usd)!;
        Assert.Equal(42526.841141993944m, usd.Price);
        Assert.Equal(833508267636.6428m, usd.MarketCap);
        Assert.Equal(49.7567m, usd.MarketCapDominance);
        Assert.Null(usd.Tvl);
        Assert.Equal(Utc(2024, 1, 15, 23, 39, 0), usd.LastUpdated);
        Assert.Null(rows[1].MaxSupply);
        Assert.True(rows[1].InfiniteSupply);
        var usdt = rows[2];
        Assert.Equal(("Ethereum", "0xdac17f958d2ee523a2206206994597c13d831ec7"), (usdt.Platform!.Name, usdt.Platform.TokenAddress));
        Assert.Equal(0.9994678927389089m, usdt.Quote["USD"].Price);
        Assert.Equal(42526.841141993944m, btc.ToPricePoint(AssetId.Bitcoin, FiatCurrency.Usd)!.Price);
    }

    [Fact]
    [SharedFixture("coinmarketcap/quotes_latest_v2.json")]
    public async Task QuotesV2_Captured2024_ReadsIdKeyedDataExponentsAndTagObjects()
    {
        await using var host = Host();
        host.Stub.RespondShared("coinmarketcap/quotes_latest_v2.json");

        var rows = await host.Get<CoinMarketCapClient>().GetQuotesByIdAsync([1, 2010], cancellationToken: Ct);

        Assert.Equal("/v2/cryptocurrency/quotes/latest?id=1%2C2010&convert=USD", host.Stub.Requests.Single().PathAndQuery);
        Assert.Equal([1L, 2010L], rows.Select(r => r.Id));
        var btc = rows[0];
        Assert.Equal("mineable", btc.Tags[0]); // tags arrive as {slug,name,category} objects here
        Assert.Equal(30, btc.Tags.Count);
        Assert.Equal(22_429_715_433.778847m, btc.Quote["USD"].Volume24h); // 2.2429715433778847E10
        Assert.Equal(834_820_457_364.347m, btc.Quote["USD"].MarketCap); // 8.34820457364347E11
        var ada = rows[1];
        Assert.Equal(35_395_179_543.794d, ada.CirculatingSupply); // 3.5395179543794E10
        Assert.Equal(0.5336789142804003m, ada.Quote["USD"].Price);
        Assert.Equal(8, ada.CmcRank);
    }

    [Fact]
    [SharedFixture("coinmarketcap/listings_new_docs.json")]
    public async Task NewListings_DocExample_ReadsSeveralQuoteCurrenciesAndStatusLast()
    {
        await using var host = Host();
        host.Stub.RespondShared("coinmarketcap/listings_new_docs.json");

        var rows = await host.Get<CoinMarketCapClient>().GetNewListingsAsync(2, cancellationToken: Ct);

        Assert.Equal(2, rows.Count);
        Assert.Equal(9283.92m, rows[0].Quote["USD"].Price);
        Assert.Equal(1m, rows[0].Quote["BTC"].Price);
        Assert.Equal(1m, rows[1].GetQuote("eth")!.Price);
        Assert.Equal(852164659250.2758m, rows[0].Quote["USD"].MarketCap);
        Assert.Equal(Utc(2018, 8, 9, 22, 53, 32), rows[0].Quote["USD"].LastUpdated);
    }

    [Fact]
    [SharedFixture("coinmarketcap/map.json")]
    public async Task Map_Captured_ParsesEntries()
    {
        await using var host = Host();
        host.Stub.RespondShared("coinmarketcap/map.json");

        var entries = await host.Get<CoinMarketCapClient>().GetMapAsync(cancellationToken: Ct);

        Assert.Equal(10, entries.Count);
        var first = entries[0];
        Assert.Equal((1469L, 4518L, "dyvyxe0sdr7", "ahxahs4rxvp", "0t1s3hrahrtf", 5565L), (first.Id, first.Rank, first.Name, first.Symbol, first.Slug, first.IsActive));
        Assert.Equal(Utc(2024, 1, 16, 13, 28, 25, 727), first.FirstHistoricalData);
        Assert.All(entries, e => Assert.Null(e.Platform));
    }

    [Fact]
    [SharedFixture("coinmarketcap/info_v2.json")]
    public async Task InfoV2_Captured_ParsesLinksTagsAndContracts()
    {
        await using var host = Host();
        host.Stub.RespondShared("coinmarketcap/info_v2.json");

        var infos = await host.Get<CoinMarketCapClient>().GetInfoAsync([2010, 1], Ct);

        Assert.Equal("/v2/cryptocurrency/info?id=1%2C2010", host.Stub.Requests.Single().PathAndQuery);
        var btc = infos.Single(i => i.Id == 1);
        Assert.Equal(("Bitcoin", "coin", "bitcoin"), (btc.Name, btc.Category, btc.Slug));
        Assert.Equal(["https://bitcoin.org/"], btc.Links!["website"]);
        Assert.Equal(5, btc.Links["explorer"].Count);
        Assert.Equal("FTX Bankruptcy Estate ", btc.TagNames![^1]);
        Assert.Empty(btc.ContractAddresses!);
        Assert.Null(btc.SelfReportedTags);
        Assert.Equal(Utc(2010, 7, 13, 0, 0, 0), btc.DateLaunched);
        var ada = infos.Single(i => i.Id == 2010);
        Assert.Equal(2, ada.ContractAddresses!.Count);
        Assert.Equal("0x3ee2200efb3400fabb9aacf31297cbdd1d435d47", ada.ContractAddresses[0].Address);
        Assert.Equal(("BNB Smart Chain (BEP20)", 1839L), (ada.ContractAddresses[0].Platform!.Name, ada.ContractAddresses[0].Platform!.Coin!.Id)); // id "1839" is a string
        Assert.Equal(["Communications & Social Media"], ada.SelfReportedTags);
        Assert.Equal("cardano", ada.TwitterUsername);
    }

    [Fact]
    [SharedFixture("coinmarketcap/categories.json")]
    public async Task Categories_Captured_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coinmarketcap/categories.json");

        var categories = await host.Get<CoinMarketCapClient>().GetCategoriesAsync(cancellationToken: Ct);

        Assert.Equal(3, categories.Count);
        Assert.Equal(("659f3fbb4c5ab81dba4bb8ba", "Restaking", 3L), (categories[0].Id, categories[0].Name, categories[0].NumTokens));
        Assert.Equal(0m, categories[0].MarketCap);
        Assert.Equal(-52.356449999999995m, categories[0].VolumeChange);
        Assert.Equal(1467816316.8600001m, categories[2].MarketCap);
        Assert.Equal(Utc(2023, 12, 29, 0, 24, 48, 582), categories[2].LastUpdated);
    }

    [Fact]
    [SharedFixture("coinmarketcap/price_conversion_v2.json")]
    public async Task PriceConversion_Captured_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("coinmarketcap/price_conversion_v2.json");

        var conversion = await host.Get<CoinMarketCapClient>().GetPriceConversionAsync(10.43m, 1, cancellationToken: Ct);

        Assert.Equal("/v2/tools/price-conversion?amount=10.43&id=1&convert=USD", host.Stub.Requests.Single().PathAndQuery);
        Assert.Equal((1L, "BTC", 10.43m), (conversion.Id, conversion.Symbol, conversion.Amount));
        Assert.Equal(449003.9388767668m, conversion.Quote["USD"].Price);
        Assert.Equal(Utc(2024, 1, 16, 13, 18, 0), conversion.Quote["USD"].LastUpdated);
    }

    [Fact]
    [SharedFixture("coinmarketcap/error_1008_rate_limit_docs.json")]
    public async Task RateLimit_DocBody_WithHttp429AndWithHttp200_IsRateLimited()
    {
        await using var host = Host();
        host.Stub
            .RespondShared("coinmarketcap/error_1008_rate_limit_docs.json", HttpStatusCode.TooManyRequests, r => r.Headers.TryAddWithoutValidation("Retry-After", "60"))
            .RespondShared("coinmarketcap/error_1008_rate_limit_docs.json");
        var client = host.Get<CoinMarketCapClient>();

        var as429 = await Assert.ThrowsAsync<SourceRequestException>(() => client.GetListingsAsync(cancellationToken: Ct));
        var as200 = await Assert.ThrowsAsync<SourceRequestException>(() => client.GetGlobalMetricsAsync(cancellationToken: Ct));

        Assert.Equal((SourceFailureKind.RateLimited, HttpStatusCode.TooManyRequests, "1008"), (as429.Kind, as429.StatusCode, as429.ErrorCode));
        Assert.Equal(TimeSpan.FromSeconds(60), as429.RetryAfter);
        Assert.Contains("Rate limits reset every minute", as429.Message, StringComparison.Ordinal);
        Assert.Equal((SourceFailureKind.RateLimited, "1008"), (as200.Kind, as200.ErrorCode));
        Assert.Equal(TimeSpan.FromMinutes(1), as200.RetryAfter);
        Assert.Contains("Rate limits reset every minute", as200.Message, StringComparison.Ordinal);
    }
}
