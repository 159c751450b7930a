using CryptoIntel.Sources.Kraken;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Kraken;

public class KrakenClientTests
{
    private static SourceTestHost Host(Action<KrakenClientOptions>? configure = null) =>
        SourceTestHost.Create(b => b.AddKraken(o =>
        {
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host();
        var client = host.Get<KrakenClient>();
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetTickersAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTickersAsync(["", " "], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetOhlcAsync(" ", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetOhlcAsync("XBTUSD", 2, cancellationToken: Ct));
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public void Options_Defaults_AreThePublicApiBudget()
    {
        var options = new KrakenClientOptions();

        Assert.Equal(new Uri("https://api.kraken.com/0/public/"), options.GetBaseAddress());
        Assert.Equal(50, options.RequestsPerMinute);
        Assert.Equal(0, options.MonthlyQuota);
        Assert.Null(options.GetApiKeyHeaderName());
    }

    [Fact]
    public async Task GetTickersAsync_Pairs_KeepsRenamedKeysAndReadsStringsNullsAndExponents()
    {
        await using var host = Host();
        host.Stub.RespondFile("kraken/ticker.json");

        var tickers = await host.Get<KrakenClient>().GetTickersAsync(["xbtusd", "ETHEUR", "XBTUSD"], Ct);

        Assert.Equal("https://api.kraken.com/0/public/Ticker?pair=ETHEUR%2CXBTUSD", host.Stub.Requests.Single().Uri.AbsoluteUri);
        Assert.Equal(["XXBTZUSD", "XETHZEUR"], tickers.Select(t => t.Pair));
        var btc = tickers[0];
        Assert.Equal((91250.1m, 91250m, 91251.2m, 0.0015m), (btc.Ask, btc.Bid, btc.LastPrice, btc.LastVolume));
        Assert.Equal((3010.98765432m, 91020.54321m, 45678L), (btc.Volume24h, btc.Vwap24h, btc.Trades24h));
        Assert.Equal((89800m, 92100m, 90500m), (btc.Low24h, btc.High24h, btc.Open));
        var eth = tickers[1];
        Assert.Equal(0.15m, eth.LastVolume); // "1.5e-1"
        Assert.Equal(9876, eth.Trades24h); // a count sent as a string
        Assert.Equal(2800.1m, eth.Low24h);
        Assert.Equal(0m, eth.VolumeToday);
    }

    [Fact]
    public async Task GetOhlcAsync_Since_SendsCursorAndParsesCandles()
    {
        await using var host = Host();
        host.Stub.RespondFile("kraken/ohlc.json");

        var ohlc = await host.Get<KrakenClient>().GetOhlcAsync("xbtusd", 1, DateTimeOffset.FromUnixTimeSeconds(1762772000), Ct);

        Assert.Equal("/0/public/OHLC?pair=XBTUSD&interval=1&since=1762772000", host.Stub.Requests.Single().PathAndQuery);
        Assert.Equal("XXBTZUSD", ohlc.Pair);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762772400), ohlc.Last);
        Assert.Equal(2, ohlc.Candles.Count);
        Assert.Equal(new KrakenCandle(DateTimeOffset.FromUnixTimeSeconds(1762772460), 91050.1m, 91300m, 91040m, 91251.2m, 91180.7m, 8.00000001m, 207), ohlc.Candles[1]);
    }

    [Fact]
    public async Task GetOhlcAsync_ShortCandle_IsInvalidResponse()
    {
        await using var host = Host();
        host.Stub.RespondJson("{\"error\":[],\"result\":{\"XXBTZUSD\":[[1762772400,\"1\",\"2\"]],\"last\":1}}");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<KrakenClient>().GetOhlcAsync("XBTUSD", cancellationToken: Ct));

        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("candle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Http200WithTooManyRequests_IsRateLimited()
    {
        await using var host = Host();
        host.Stub.RespondFile("kraken/error_rate_limit.json");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<KrakenClient>().GetTickersAsync(["XBTUSD"], Ct));

        Assert.Equal(SourceFailureKind.RateLimited, error.Kind);
        Assert.Equal("EGeneral:Too many requests", error.ErrorCode);
        Assert.Equal("kraken", error.Provider);
    }

    [Theory]
    [InlineData("{\"error\":[\"EAPI:Rate limit exceeded\"],\"result\":{}}", SourceFailureKind.RateLimited, "EAPI:Rate limit exceeded")]
    [InlineData("{\"error\":[\"EQuery:Unknown asset pair\"]}", SourceFailureKind.ProviderError, "EQuery:Unknown asset pair")]
    [InlineData("{\"error\":[\"WGeneral:Unknown warning\",\"EService:Unavailable\"]}", SourceFailureKind.ProviderError, "EService:Unavailable")]
    public async Task Call_ErrorArrayWithHttp200_ThrowsTypedError(string body, SourceFailureKind kind, string code)
    {
        await using var host = Host();
        host.Stub.RespondJson(body);

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<KrakenClient>().GetSystemStatusAsync(Ct));

        Assert.Equal((kind, code), (error.Kind, error.ErrorCode));
        Assert.Equal("system_status", error.Operation);
    }

    [Fact]
    public async Task Call_WarningOnly_IsNotAnError()
    {
        await using var host = Host();
        host.Stub.RespondJson("{\"error\":[\"WGeneral:Deprecated\"],\"result\":{\"status\":\"maintenance\",\"timestamp\":\"2026-11-10T12:00:00Z\"}}");

        var status = await host.Get<KrakenClient>().GetSystemStatusAsync(Ct);

        Assert.Equal("maintenance", status.Status);
        Assert.False(status.IsOnline);
    }
}
