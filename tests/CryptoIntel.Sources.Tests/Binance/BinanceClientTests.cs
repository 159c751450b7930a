using System.Globalization;
using System.Net;
using System.Text;
using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Binance;

public class BinanceClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host(Action<BinanceClientOptions>? configure = null) =>
        SourceTestHost.Create(b => b.AddBinance(o =>
        {
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host();
        var client = host.Get<BinanceClient>();
        var t0 = SourceTestHost.Start;
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetTicker24hAsync(" ", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetTicker24hAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTickers24hAsync([], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTickers24hAsync(["BTCUSDT", ""], Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetPriceAsync("", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetPricesAsync([], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetKlinesAsync("BTCUSDT", "2m", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetKlinesAsync("BTCUSDT", "1h", limit: 0, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetKlinesAsync("BTCUSDT", "1h", limit: 1001, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetKlinesAsync("BTCUSDT", "1h", t0, t0.AddHours(-1), cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in client.GetAllKlinesAsync("BTCUSDT", "1h", t0, maxPages: 0, cancellationToken: Ct))
            {
            }
        });
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public async Task GetTicker24hAsync_Strings_ParseToDecimals()
    {
        await using var host = Host();
        host.Stub.RespondFile("binance/ticker_24hr.json");

        var ticker = await host.Get<BinanceClient>().GetTicker24hAsync("btcusdt", Ct);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("https://api.binance.com/api/v3/ticker/24hr?symbol=BTCUSDT", sent.Uri.AbsoluteUri);
        Assert.Equal("BTCUSDT", ticker.Symbol);
        Assert.Equal(-1250.5m, ticker.PriceChange);
        Assert.Equal(-1.372m, ticker.PriceChangePercent);
        Assert.Equal(89849.5m, ticker.LastPrice);
        Assert.Equal(0.00000001m, ticker.AskQuantity);
        Assert.Equal(1932001234.12345678m, ticker.QuoteVolume);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1794700800000), ticker.OpenTime);
        Assert.Equal(5102345678L, ticker.LastTradeId);
        Assert.Equal(2345678L, ticker.TradeCount);
    }

    [Fact]
    public async Task GetTickers24hAsync_Symbols_SentAsSortedJsonArrayAndNullsEmptiesExponentsParse()
    {
        await using var host = Host(o => o.BaseAddress = new Uri("https://api.binance.us"));
        host.Stub.RespondFile("binance/tickers_24hr.json");

        var tickers = await host.Get<BinanceClient>().GetTickers24hAsync(["ethbtc", "BNBBTC", "ETHBTC"], Ct);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("https://api.binance.us/api/v3/ticker/24hr?symbols=%5B%22BNBBTC%22%2C%22ETHBTC%22%5D", sent.Uri.AbsoluteUri);
        Assert.Equal(2, tickers.Count);
        Assert.Equal(1000m, tickers[0].Volume); // "1e3"
        Assert.Equal(-1L, tickers[0].FirstTradeId);
        Assert.Null(tickers[1].PriceChange);
        Assert.Null(tickers[1].PriceChangePercent); // ""
        Assert.Equal(11L, tickers[1].TradeCount); // "11"
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1794700800000), tickers[1].OpenTime); // "1794700800000"
        Assert.Null(tickers[1].HighPrice); // absent
    }

    [Fact]
    public async Task GetTickers24hAsync_NoSymbols_AsksForAll()
    {
        await using var host = Host();
        host.Stub.RespondJson("[]");

        Assert.Empty(await host.Get<BinanceClient>().GetTickers24hAsync(cancellationToken: Ct));

        Assert.Equal("/api/v3/ticker/24hr", Assert.Single(host.Stub.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetPricesAsync_Prices_ParseAndMissingPriceIsInvalid()
    {
        await using var host = Host();
        host.Stub.RespondJson("""[{"symbol":"BTCUSDT","price":"89849.50000000"},{"symbol":"ETHUSDT","price":"3.1e3"}]""")
            .RespondJson("""{"symbol":"BTCUSDT"}""");
        var client = host.Get<BinanceClient>();

        var prices = await client.GetPricesAsync(["BTCUSDT", "ETHUSDT"], Ct);
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => client.GetPriceAsync("BTCUSDT", Ct));

        Assert.Equal([new BinancePrice("BTCUSDT", 89849.5m), new BinancePrice("ETHUSDT", 3100m)], prices);
        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("no 'price'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKlinesAsync_PositionalArrays_ParseMixedNumbersAndStrings()
    {
        await using var host = Host();
        host.Stub.RespondFile("binance/klines.json");
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1794700800000);

        var klines = await host.Get<BinanceClient>().GetKlinesAsync("BTCUSDT", "1h", start, start.AddHours(2), 2, Ct);

        Assert.Equal("/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=1794700800000&endTime=1794708000000&limit=2", Assert.Single(host.Stub.Requests).PathAndQuery);
        Assert.Equal(2, klines.Count);
        Assert.Equal(new BinanceKline(start, 89000m, 89500.1m, 88900m, 89400m, 120.5m, DateTimeOffset.FromUnixTimeMilliseconds(1794704399999),
            10765432.1m, 5321, 60.25m, 5382716.05m), klines[0]);
        Assert.Equal(89850.5m, klines[1].Close);
    }

    [Theory]
    [InlineData("""[[1794700800000,"1","2"]]""", "at least 11 values")]
    [InlineData("""[[1794700800000,"x","1","1","1","1",1,"1",1,"1","1","0"]]""", "'x' is not a number")]
    [InlineData("""[[1794700800000,"1e40","1","1","1","1",1,"1",1,"1","1","0"]]""", "out of the range of decimal")]
    [InlineData("""{"klines":[]}""", "not an array")]
    public async Task GetKlinesAsync_BadRows_ThrowInvalidResponse(string body, string expected)
    {
        await using var host = Host();
        host.Stub.RespondJson(body);

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<BinanceClient>().GetKlinesAsync("BTCUSDT", "1m", cancellationToken: Ct));

        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAllKlinesAsync_FullPage_PagesByStartTimeUntilShortPage()
    {
        await using var host = Host();
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1794700800000);
        host.Stub.RespondJson(Klines(start, 1000)).RespondJson(Klines(start.AddMinutes(1000), 3));

        var rows = new List<BinanceKline>();
        await foreach (var row in host.Get<BinanceClient>().GetAllKlinesAsync("BTCUSDT", "1m", start, cancellationToken: Ct))
        {
            rows.Add(row);
        }

        Assert.Equal(1003, rows.Count);
        var sent = host.Stub.Requests.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.Contains("startTime=1794700800000&limit=1000", sent[0].PathAndQuery, StringComparison.Ordinal);
        var next = start.AddMinutes(999).AddMilliseconds(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        Assert.Contains("startTime=" + next + "&limit=1000", sent[1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAllKlinesAsync_PastEndTime_Stops()
    {
        await using var host = Host();
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1794700800000);
        host.Stub.RespondJson(Klines(start, 1000));

        var count = 0;
        await foreach (var _ in host.Get<BinanceClient>().GetAllKlinesAsync("BTCUSDT", "1m", start, start.AddMinutes(999), cancellationToken: Ct))
        {
            count++;
        }

        Assert.Equal(1000, count);
        Assert.Equal(1, host.Stub.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(418)]
    public async Task GetTicker24hAsync_RateLimitStatus_ThrowsRateLimitedWithCodeAndRetryAfter(int status)
    {
        await using var host = Host();
        host.Stub.Respond((HttpStatusCode)status, """{"code":-1003,"msg":"Way too much request weight used; IP banned until 1794700900000."}""", "application/json",
            r => r.Headers.TryAddWithoutValidation("Retry-After", "120"));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<BinanceClient>().GetTicker24hAsync("BTCUSDT", Ct));

        Assert.Equal(SourceFailureKind.RateLimited, error.Kind);
        Assert.Equal("-1003", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Contains("request weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTicker24hAsync_ErrorEnvelopeWith200_ThrowsProviderError()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"code":-1121,"msg":"Invalid symbol."}""");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<BinanceClient>().GetTicker24hAsync("NOPE", Ct));

        Assert.Equal(SourceFailureKind.ProviderError, error.Kind);
        Assert.Equal("-1121", error.ErrorCode);
    }

    [Fact]
    public async Task GetServerTimeAsync_IsNeverCached()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"serverTime":1794700800123}""");
        var client = host.Get<BinanceClient>();

        var first = await client.GetServerTimeAsync(Ct);
        await client.GetServerTimeAsync(Ct);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1794700800123), first);
        Assert.Equal(2, host.Stub.Count);
    }

    [Fact]
    public void Options_Defaults_AreConservative()
    {
        var options = new BinanceClientOptions();
        Assert.Equal(600, options.RequestsPerMinute);
        Assert.Equal(0, options.MonthlyQuota);
        Assert.Null(options.GetApiKeyHeaderName());
        Assert.Equal(new Uri("https://api.binance.com/"), options.GetBaseAddress());
    }

    private static string Klines(DateTimeOffset start, int count)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            var open = start.AddMinutes(i).ToUnixTimeMilliseconds();
            builder.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"[{open},\"1.0\",\"2.0\",\"0.5\",\"1.5\",\"10\",{open + 59_999},\"15\",{i},\"5\",\"7.5\",\"0\"]");
        }

        return builder.Append(']').ToString();
    }
}
