using System.Net;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.GeckoTerminal;

public class GeckoTerminalClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host(Action<GeckoTerminalClientOptions>? configure = null) =>
        SourceTestHost.Create(b => b.AddGeckoTerminal(o =>
        {
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host();
        var client = host.Get<GeckoTerminalClient>();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetNetworksAsync(0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetTrendingPoolsAsync(page: 0, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTrendingPoolsAsync("..", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetPoolOhlcvAsync("eth", "0xabc", "week", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetPoolOhlcvAsync("eth", "0xabc", "hour", aggregate: 5, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetPoolOhlcvAsync("eth", "0xabc", "day", limit: 1001, cancellationToken: Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetPoolOhlcvAsync("eth", " ", "day", cancellationToken: Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetPoolTradesAsync("", "0xabc", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetPoolTradesAsync("eth", "0xabc", -1m, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetTokenPricesAsync("eth", null!, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTokenPricesAsync("eth", [], cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTokenPricesAsync("eth", Enumerable.Range(0, 31).Select(i => "0x" + i), cancellationToken: Ct));
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public async Task GetTrendingPoolsAsync_AllNetworks_SendsVersionHeaderAndParsesJsonApi()
    {
        await using var host = Host();
        host.Stub.RespondFile("geckoterminal/trending_pools.json");

        var pools = await host.Get<GeckoTerminalClient>().GetTrendingPoolsAsync(cancellationToken: Ct);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("https://api.geckoterminal.com/api/v2/networks/trending_pools?include=base_token%2Cquote_token%2Cdex&page=1", sent.Uri.AbsoluteUri);
        Assert.Equal("application/json; version=20230302", sent.Headers["Accept"]);
        Assert.Equal(2, pools.Count);
        var pool = pools[0];
        Assert.Equal(("polygon_pos", "quickswap", "WMATIC / USDC"), (pool.Network, pool.Dex, pool.Name));
        Assert.Equal(0.412345m, pool.BaseTokenPriceUsd);
        Assert.Equal(4.1e9m, pool.FdvUsd); // "4.1e9"
        Assert.Null(pool.MarketCapUsd);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero), pool.CreatedAt);
        Assert.Equal(new Dictionary<string, decimal> { ["m5"] = 0.1m, ["h1"] = -2.5m, ["h24"] = 12m }, pool.PriceChangePercentage);
        Assert.Equal(98765432.1m, pool.VolumeUsd["h24"]);
        Assert.Equal(new GeckoTransactionCounts(3, 4, null, null), pool.Transactions["m5"]);
        Assert.Equal(new GeckoTransactionCounts(1200, 1100, 800, 700), pool.Transactions["h24"]);
        Assert.Equal(("WMATIC", 18, "wmatic"), (pool.BaseToken!.Symbol, pool.BaseToken.Decimals, pool.BaseToken.CoinGeckoCoinId));
        Assert.Equal("polygon_pos_0xtoken2", pool.QuoteToken!.Id);
        Assert.Null(pool.QuoteToken.Symbol); // not in 'included'
        var bare = pools[1];
        Assert.Equal("eth", bare.Network);
        Assert.Equal(0.0000123456789m, bare.BaseTokenPriceUsd);
        Assert.Null(bare.CreatedAt);
        Assert.Null(bare.BaseToken);
        Assert.Empty(bare.VolumeUsd);
    }

    [Fact]
    public async Task GetTrendingPoolsAsync_OneNetwork_UsesNetworkPath()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"data":[]}""");

        await host.Get<GeckoTerminalClient>().GetTrendingPoolsAsync("solana", 2, Ct);

        Assert.Equal("/api/v2/networks/solana/trending_pools?include=base_token%2Cquote_token%2Cdex&page=2", Assert.Single(host.Stub.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetPoolOhlcvAsync_Parameters_AreSentAndCandlesParse()
    {
        await using var host = Host();
        host.Stub.RespondFile("geckoterminal/ohlcv.json");
        var before = DateTimeOffset.FromUnixTimeSeconds(1794704400);

        var ohlcv = await host.Get<GeckoTerminalClient>().GetPoolOhlcvAsync("polygon_pos", "0xabc", "hour", 4, before, 2, Ct);

        Assert.Equal("/api/v2/networks/polygon_pos/pools/0xabc/ohlcv/hour?aggregate=4&before_timestamp=1794704400&limit=2", Assert.Single(host.Stub.Requests).PathAndQuery);
        Assert.Equal(2, ohlcv.Candles.Count);
        Assert.Equal(new GeckoCandle(DateTimeOffset.FromUnixTimeSeconds(1794700800), 0.41m, 0.42m, 0.4m, 0.415m, 123456.5m), ohlcv.Candles[0]);
        Assert.Equal(15000m, ohlcv.Candles[1].Volume); // 1.5e4
        Assert.Equal("WMATIC", ohlcv.Base!.Symbol);
        Assert.Null(ohlcv.Base.CoinGeckoCoinId);
        Assert.Null(ohlcv.Quote);
    }

    [Fact]
    public async Task GetPoolOhlcvAsync_ShortCandle_ThrowsInvalidResponse()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"data":{"attributes":{"ohlcv_list":[[1794700800,1,2,3]]}}}""");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<GeckoTerminalClient>().GetPoolOhlcvAsync("eth", "0xabc", "day", cancellationToken: Ct));

        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("[timestamp, open, high, low, close, volume]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenPricesAsync_Addresses_JoinedInPathWithMarketData()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"data":{"id":"x","type":"simple_token_price","attributes":{"token_prices":{"0xa":"1.5","0xb":null},"market_cap_usd":{"0xa":"1e6","0xb":null}}}}""");

        var prices = await host.Get<GeckoTerminalClient>().GetTokenPricesAsync("eth", ["0xa", "0xb", "0xA"], includeMarketData: true, Ct);

        Assert.Equal("/api/v2/simple/networks/eth/token_price/0xa,0xb?include_market_cap=true&include_24hr_vol=true&include_24hr_price_change=true&include_total_reserve_in_usd=true",
            Assert.Single(host.Stub.Requests).PathAndQuery);
        Assert.Equal(new GeckoTokenPrice("0xa", 1.5m) { MarketCapUsd = 1_000_000m }, prices[0]);
        Assert.Equal(new GeckoTokenPrice("0xb", null), prices[1]);
    }

    [Fact]
    public async Task GetPoolTradesAsync_MinVolume_IsSentAndTradesParse()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"data":[{"id":"t1","type":"trade","attributes":{"block_number":"123","block_timestamp":"2026-11-10T11:00:00Z","kind":"sell","volume_in_usd":"99.5","from_token_amount":"1e-8"}}]}""");

        var trades = await host.Get<GeckoTerminalClient>().GetPoolTradesAsync("eth", "0xabc", 50.5m, Ct);

        Assert.Equal("/api/v2/networks/eth/pools/0xabc/trades?trade_volume_in_usd_greater_than=50.5", Assert.Single(host.Stub.Requests).PathAndQuery);
        var trade = Assert.Single(trades);
        Assert.Equal(("t1", 123L, "sell", 99.5m, 0.00000001m), (trade.Id, trade.BlockNumber, trade.Kind, trade.VolumeUsd, trade.FromTokenAmount));
        Assert.Null(trade.TxHash);
    }

    [Fact]
    public async Task GetNetworksAsync_ErrorsDocumentWith200_ThrowsProviderError()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"errors":[{"status":"429","title":"Rate limit exceeded"}]}""");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<GeckoTerminalClient>().GetNetworksAsync(cancellationToken: Ct));

        Assert.Equal(SourceFailureKind.RateLimited, error.Kind);
        Assert.Equal("429", error.ErrorCode);
    }

    [Fact]
    public async Task GetNetworksAsync_NotFound_ThrowsHttpError()
    {
        await using var host = Host();
        host.Stub.Respond(HttpStatusCode.NotFound, """{"errors":[{"status":"404","title":"Not Found"}]}""");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<GeckoTerminalClient>().GetNetworksAsync(cancellationToken: Ct));

        Assert.Equal((SourceFailureKind.HttpError, HttpStatusCode.NotFound), (error.Kind, error.StatusCode));
    }
}
