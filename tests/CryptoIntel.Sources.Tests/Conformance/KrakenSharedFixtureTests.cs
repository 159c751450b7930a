using CryptoIntel.Sources.Kraken;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

/// <summary>The Kraken responses in <c>../shared/fixtures/kraken</c>, replayed through the real client.</summary>
public class KrakenSharedFixtureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host() => SourceTestHost.Create(b => b.AddKraken(o =>
    {
        o.MaxRetryAttempts = 0;
        o.StaleDuration = TimeSpan.Zero;
    }));

    [Fact]
    [SharedFixture("kraken/public_ticker.json")]
    public async Task Ticker_DocExample_KeepsRenamedPairKey()
    {
        await using var host = Host();
        host.Stub.RespondShared("kraken/public_ticker.json");

        var ticker = Assert.Single(await host.Get<KrakenClient>().GetTickersAsync(["XBTUSD"], Ct));

        Assert.Equal("XXBTZUSD", ticker.Pair);
        Assert.Equal((30300.1m, 30300m, 30303.2m, 0.00067643m), (ticker.Ask, ticker.Bid, ticker.LastPrice, ticker.LastVolume));
        Assert.Equal((4083.67001100m, 4412.73601799m), (ticker.VolumeToday, ticker.Volume24h));
        Assert.Equal((30689.13205m, 38907L), (ticker.Vwap24h, ticker.Trades24h));
        Assert.Equal((29868.3m, 31631m, 30502.8m), (ticker.Low24h, ticker.High24h, ticker.Open));
    }

    [Fact]
    [SharedFixture("kraken/public_ohlc.json")]
    public async Task Ohlc_DocExample_ParsesCandlesAndCursor()
    {
        await using var host = Host();
        host.Stub.RespondShared("kraken/public_ohlc.json");

        var ohlc = await host.Get<KrakenClient>().GetOhlcAsync("XBTUSD", cancellationToken: Ct);

        Assert.Equal("XXBTZUSD", ohlc.Pair);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1688672160), ohlc.Last);
        Assert.Equal(4, ohlc.Candles.Count);
        Assert.Equal(new KrakenCandle(DateTimeOffset.FromUnixTimeSeconds(1688671200), 30306.1m, 30306.2m, 30305.7m, 30305.7m, 30306.1m, 3.39243896m, 23), ohlc.Candles[0]);
        Assert.Equal(9, ohlc.Candles[3].Count);
    }

    [Fact]
    [SharedFixture("kraken/public_system_status.json")]
    public async Task SystemStatus_DocExample_IsOnline()
    {
        await using var host = Host();
        host.Stub.RespondShared("kraken/public_system_status.json");

        var status = await host.Get<KrakenClient>().GetSystemStatusAsync(Ct);

        Assert.Equal(new KrakenSystemStatus("online", new DateTimeOffset(2024, 5, 3, 11, 23, 45, TimeSpan.Zero)), status);
        Assert.True(status.IsOnline);
    }
}
